import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSpec } from "../../src/spec/parseSpec.ts";
import { seedsOf } from "../../src/spec/seedsOf.ts";

const shipped = JSON.parse(readFileSync("fixtures/ungifokus/spec.json", "utf8"));
const specOf = (change: (json: any) => void) => {
  const json = structuredClone(shipped);
  change(json);
  const result = parseSpec(json);
  if (!("spec" in result)) throw new Error(JSON.stringify(result.issues));
  return result.spec;
};

describe("seedsOf(spec)", () => {
  it("seedsOf(shipped spec) gives the estimation, risk and assignment seeds written in it", () => {
    const spec = specOf((json) => {
      json.estimation = { seed: 7 };
      json.repayment = { riskSeed: 11 };
    });
    expect(seedsOf(spec)).toEqual({ estimation: 7, repaymentRisk: 11, assignment: 20211001 });
  });

  it("seedsOf(spec) takes the schema's default seeds (1) where the spec gives none", () => {
    const spec = specOf((json) => {
      delete json.estimation;
      delete json.repayment;
    });
    expect(seedsOf(spec)).toEqual({ estimation: 1, repaymentRisk: 1, assignment: 20211001 });
  });

  it("seedsOf(spec) names a matched design's seed 'matching' and an existing allocation's none", () => {
    const spec = specOf(() => {});
    const matched = { ...spec, assignment: { ...spec.assignment, mode: "matched", seed: 5 } } as unknown as typeof spec;
    expect(seedsOf(matched)).toEqual({ estimation: 1, repaymentRisk: 1, matching: 5 });
    const existing = { ...spec, assignment: { mode: "existing", file: "allocation.csv" } } as unknown as typeof spec;
    expect(seedsOf(existing)).toEqual({ estimation: 1, repaymentRisk: 1 });
  });
});
