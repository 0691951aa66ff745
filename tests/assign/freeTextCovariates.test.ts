import { describe, expect, it } from "vitest";
import { freeTextCovariates } from "../../src/assign/freeTextCovariates.ts";
import type { BalanceRow } from "../../src/assign/schema.ts";

/** A categorical balance row: `held` persons at `level`, split over two arms of 10 persons each. */
function row(covariate: string, level: string | null, armHeld: number, controlHeld: number, comparison = "treatment vs control"): BalanceRow {
  return {
    covariate, level, type: level === null ? "continuous" : "categorical", comparison,
    arms: [{ arm: "treatment", n: 10, mean: armHeld / 10, sd: null }, { arm: "control", n: 10, mean: controlHeld / 10, sd: null }],
    difference: 0, smd: null, smdDenominator: "", test: "pearson_chi_square", statistic: null, df: null, p: null, flagged: false,
  };
}

describe("freeTextCovariates(rows, minCell)", () => {
  it("freeTextCovariates(names held by one person each, minCell 5): 20 values over 20 persons is free text (20 > 20 / 5)", () => {
    const rows = Array.from({ length: 20 }, (_, i) => row("name", `N${i}`, i < 10 ? 1 : 0, i < 10 ? 0 : 1));
    expect(freeTextCovariates(rows, 5)).toEqual([{ covariate: "name", values: 20, rare: 20, persons: 20, freeText: true }]);
  });
  it("freeTextCovariates(a category with one rare level, minCell 5) names it as rare but not free text (3 values ≤ 20 / 5)", () => {
    const rows = [row("region", "north", 5, 4), row("region", "south", 4, 5), row("region", "west", 1, 1)];
    expect(freeTextCovariates(rows, 5)).toEqual([{ covariate: "region", values: 3, rare: 1, persons: 20, freeText: false }]);
  });
  it("freeTextCovariates(rows) leaves out categories with no rare value, the missing level, empty levels, continuous rows and later comparisons", () => {
    const rows = [
      row("sex", "f", 5, 5), row("sex", "m", 5, 5), row("sex", "(missing)", 1, 0), row("sex", "x", 0, 0),
      row("age", null, 3, 3),
      row("region", "west", 1, 0, "other vs control"),
    ];
    expect(freeTextCovariates(rows, 5)).toEqual([]);
  });
  it("freeTextCovariates([]) is empty", () => {
    expect(freeTextCovariates([], 5)).toEqual([]);
  });
});
