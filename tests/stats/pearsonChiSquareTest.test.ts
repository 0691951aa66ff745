/** Pearson's χ² tests against scipy.stats.chi2_contingency(correction=False) and scipy.stats.chisquare. */
import { describe, expect, it } from "vitest";
import { chiSquareGoodnessOfFit, pearsonChiSquareTest } from "../../src/stats/pearsonChiSquareTest.ts";
import { expectRelativelyClose } from "../helpers.ts";

describe("pearsonChiSquareTest", () => {
  it("pearsonChiSquareTest(2 × 3 table) = scipy chi2_contingency(correction=False): X², df, p, min expected", () => {
    const r = pearsonChiSquareTest([
      [20, 30, 10],
      [15, 35, 25],
    ]);
    expectRelativelyClose(r.statistic, 5.934065934065934, 1e-12, "X²");
    expect(r.df).toBe(2);
    expectRelativelyClose(r.p, 0.05145575498731649, 1e-10, "p");
    expectRelativelyClose(r.minExpected, 15.555555555555555, 1e-12, "min expected");
  });

  it("pearsonChiSquareTest drops an all-zero row and column: the same result as the 2 × 2 table without them", () => {
    const padded = pearsonChiSquareTest([
      [10, 0, 20],
      [30, 0, 15],
      [0, 0, 0],
    ]);
    const bare = pearsonChiSquareTest([
      [10, 20],
      [30, 15],
    ]);
    expect(padded).toEqual(bare);
    expect(bare.df).toBe(1);
    // By hand: N = 75, E = 40·30/75 = 16, 14, 24, 21; X² = 36/16 + 36/14 + 36/24 + 36/21.
    expectRelativelyClose(bare.statistic, 36 / 16 + 36 / 14 + 36 / 24 + 36 / 21, 1e-12, "X² by hand");
  });

  it("pearsonChiSquareTest refuses a table with one non-empty row", () => {
    expect(() => pearsonChiSquareTest([[3, 4], [0, 0]])).toThrow("pearsonChiSquareTest requires at least two non-empty rows and columns");
  });
});

describe("chiSquareGoodnessOfFit", () => {
  it("chiSquareGoodnessOfFit(counts, proportions) = scipy chisquare(counts, f_exp = N · p)", () => {
    const r = chiSquareGoodnessOfFit([48, 35, 17], [0.5, 0.3, 0.2]);
    expectRelativelyClose(r.statistic, 1.3633333333333333, 1e-12, "X²");
    expect(r.df).toBe(2);
    expectRelativelyClose(r.p, 0.5057733339556132, 1e-10, "p");
    expect(r.minExpected).toBeCloseTo(20, 12);
  });

  it("chiSquareGoodnessOfFit normalises proportions that do not sum to 1 (ratio 1 : 1)", () => {
    expect(chiSquareGoodnessOfFit([30, 50], [1, 1])).toEqual(chiSquareGoodnessOfFit([30, 50], [0.5, 0.5]));
    expectRelativelyClose(chiSquareGoodnessOfFit([30, 50], [1, 1]).statistic, 5, 1e-14, "(30−40)²/40 + (50−40)²/40");
  });
});
