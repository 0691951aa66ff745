import { describe, expect, it } from "vitest";
import { decayConvention, decayFactors } from "../../src/project/decayFactors.ts";

describe("decayFactors", () => {
  it("constant_then_geometric: constant in years 1–3, then −10 % of the remaining level a year", () => {
    const factors = decayFactors({ kind: "constant_then_geometric", constantYears: 3, annualDecayRate: 0.1 }, 5);
    expect(factors.map((f) => Number(f.toFixed(12)))).toEqual([1, 1, 1, 0.9, 0.81]);
    expect(decayConvention({ kind: "constant_then_geometric", constantYears: 3, annualDecayRate: 0.1 })).toContain("geometric");
  });

  it("step: halved in year 2, gone in year 3", () => {
    expect(decayFactors({ kind: "step", levels: [{ fromYear: 3, factor: 0 }, { fromYear: 2, factor: 0.5 }] }, 5)).toEqual([1, 0.5, 0, 0, 0]);
  });

  it("linear: 10 % of the first level less each year after year 3, never below 0", () => {
    expect(decayFactors({ kind: "linear", constantYears: 3, annualDecrease: 0.1 }, 5).map((f) => Number(f.toFixed(12)))).toEqual([1, 1, 1, 0.9, 0.8]);
    expect(decayFactors({ kind: "linear", constantYears: 3, annualDecrease: 0.4 }, 6).map((f) => Number(f.toFixed(12)))).toEqual([1, 1, 1, 0.6, 0.2, 0]);
  });

  it("vector: the factors given, 0 after; constant: 1", () => {
    expect(decayFactors({ kind: "vector", factors: [1, 0.5] }, 4)).toEqual([1, 0.5, 0, 0]);
    expect(decayFactors({ kind: "constant" }, 3)).toEqual([1, 1, 1]);
  });
});
