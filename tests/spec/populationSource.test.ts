/** The population's fingerprint (issue 26, part 6): what a quarterly delivery changes leaves it; another population changes it. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { populationSourceOf } from "../../src/spec/populationSource.ts";

const population = (over: Record<string, unknown> = {}) => ({ kind: "population", file: "population.csv", columns: { personId: "PNR", startDate: "Startdato" }, ...over });
const spec = (extracts: Record<string, unknown>) => ({ extracts }) as never;

describe("populationSourceOf(spec)", () => {
  it("is the SHA-256 of the extract's name, kind and columns as key-sorted JSON", () => {
    // Written out by hand: keys sorted at every level, no spaces.
    const canonical = '{"columns":{"personId":"PNR","startDate":"Startdato"},"extract":"population","kind":"population"}';
    expect(populationSourceOf(spec({ population: population(), benefits: { kind: "benefit_weeks_wide", file: "b.csv", columns: {} } }))).toEqual({
      extract: "population",
      sha256: createHash("sha256").update(canonical).digest("hex"),
    });
  });

  it("survives a new delivery: another file, dialect, date format and coverage", () => {
    const before = populationSourceOf(spec({ population: population() }));
    const after = populationSourceOf(spec({ population: population({ file: "deliveries/2025q1/population.csv", dialect: { delimiter: ";" }, dateFormat: "dd-mm-yyyy", coverage: { to: "2025-03-31" } }) }));
    expect(after).toEqual(before);
  });

  it("changes with the extract's name or its column mapping", () => {
    const before = populationSourceOf(spec({ population: population() }));
    expect(populationSourceOf(spec({ borgere: population() })).sha256).not.toBe(before.sha256);
    expect(populationSourceOf(spec({ population: population({ columns: { personId: "CPR_ENC", startDate: "Startdato" } }) })).sha256).not.toBe(before.sha256);
  });
});
