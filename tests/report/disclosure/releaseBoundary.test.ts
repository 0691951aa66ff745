/** Issue 16, item 1: report/ is the release boundary — publishable exactly when under report/. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ARTEFACTS, documentedPath } from "../../../src/catalogue.ts";

describe("the catalogue's release boundary", () => {
  it("marks an artefact publishable exactly when it lies under report/", () => {
    for (const name of Object.keys(ARTEFACTS) as (keyof typeof ARTEFACTS)[]) {
      const path = documentedPath(name);
      expect(ARTEFACTS[name].release === "publishable", path).toBe(path.startsWith("report/"));
    }
  });

  it("marks every JSON artefact and the ledger internal, and README says so", () => {
    for (const name of ["ingest", "assignment", "effects", "projection", "repayment", "ledger", "manifest"] as const) expect(ARTEFACTS[name].release, name).toBe("internal");
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain("**Only `report/` may leave the municipality**");
    for (const file of ["ingest.json", "effects.json", "repayment.json", "ledger.csv"]) expect(readme).toMatch(new RegExp(`\\| \`${file.replace(".", "\\.")}\` \\| internal \\|`));
  });
});
