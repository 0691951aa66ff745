/** `estimate --table … --looks 0.5,1`: the final look of a two-look design, its boundary rpact's (getDesignGroupSequential(kMax = 2, sided = 2)$criticalValues[2] = 1.968596). */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimateFromTable, tableOptions } from "../../pipeline/commands/estimateTable.ts";
import { UsageError } from "../../pipeline/commands/command.ts";

describe("estimate --table --looks", () => {
  it("writes sequential.json: rpact's final boundary, crossed exactly when p < its nominal p, an adjusted p at the final look", async () => {
    const out = mkdtempSync(join(tmpdir(), "effekt-seq-"));
    const options = tableOptions({ table: "fixtures/reference/estimate-table01.csv", treatment: "treated", outcomes: "public_support_days_26m", permutations: "0", out, looks: "0.5,1" });
    await estimateFromTable({ ...options, log: () => {} });
    const written = JSON.parse(readFileSync(join(out, "sequential.json"), "utf8"));
    const look = written.looks[0];
    expect(look).toMatchObject({ outcome: "public_support_days_26m", look: 2, fraction: 1, alpha_spent: 0.05 });
    expect(look.boundary_z).toBeCloseTo(1.96859564055922, 6);
    expect(look.crossed).toBe(look.p_value < look.nominal_p);
    expect(look.adjusted_p).not.toBeNull();
    // the stage-wise p at the final look is at least the unadjusted p's share of the final look's α
    expect(look.crossed).toBe(look.adjusted_p < 0.05);
  });
  it("--information without --looks, or --spending alone, is a usage error", () => {
    expect(() => tableOptions({ table: "x.csv", treatment: "t", outcomes: "y", out: "o", spending: "obf" })).toThrow(UsageError);
    expect(() => tableOptions({ table: "x.csv", treatment: "t", outcomes: "y", out: "o", information: "-3" })).toThrow(UsageError);
  });
});
