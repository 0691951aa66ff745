/** Welch's t test against scipy.stats.ttest_ind(x, y, equal_var=False) (scipy 1.17, the same as R's t.test). */
import { describe, expect, it } from "vitest";
import { welchTest } from "../../src/stats/welchTest.ts";
import { expectRelativelyClose } from "../helpers.ts";

describe("welchTest", () => {
  it("welchTest(a, b) uses Welch–Satterthwaite df: t, df, p and 95 % CI = scipy", () => {
    // r = ttest_ind([1,2,3,4], [2,4,6,8,10], equal_var=False); r.confidence_interval(0.95)
    const r = welchTest([1, 2, 3, 4], [2, 4, 6, 8, 10]);
    expect(r.difference).toBe(-3.5);
    expectRelativelyClose(r.t, -2.2514363231593695, 1e-12, "t");
    expectRelativelyClose(r.df, 5.520787746170677, 1e-12, "df");
    expectRelativelyClose(r.p, 0.06913359319239237, 1e-10, "p");
    expectRelativelyClose(r.confidenceInterval[0], -7.385368080514045, 1e-10, "lower");
    expectRelativelyClose(r.confidenceInterval[1], 0.3853680805140449, 1e-10, "upper");
  });

  it("welchTest(a, b, 0.9) gives the 90 % interval = scipy confidence_interval(0.9)", () => {
    const r = welchTest([12.1, 9.8, 11.4, 10.2, 13.0, 8.7], [7.5, 9.1, 6.8, 10.4], 0.9);
    expectRelativelyClose(r.t, 2.330539223346763, 1e-12, "t");
    expectRelativelyClose(r.df, 6.49156128800167, 1e-12, "df");
    expectRelativelyClose(r.p, 0.05539202452134428, 1e-10, "p");
    expectRelativelyClose(r.confidenceInterval[0], 0.42867322554195675, 1e-10, "lower");
    expectRelativelyClose(r.confidenceInterval[1], 4.404660107791376, 1e-10, "upper");
  });

  it("welchTest(a, b) with equal variances and sizes has df = 2(n − 1), as the pooled test (by hand)", () => {
    // x = 1,2,3 and y = 4,5,6: s² = 1 each, SE = √(1/3 + 1/3), df = (2/3)² / (2 · (1/3)²/2) = 4.
    const r = welchTest([1, 2, 3], [4, 5, 6]);
    expectRelativelyClose(r.df, 4, 1e-14, "df");
    expectRelativelyClose(r.standardError, Math.sqrt(2 / 3), 1e-14, "SE");
  });

  it("welchTest refuses a group of one and data constant in both groups", () => {
    expect(() => welchTest([1], [2, 3])).toThrow("welchTest requires at least two values per group");
    expect(() => welchTest([2, 2], [3, 3, 3])).toThrow("welchTest requires data that are not constant in both groups");
  });
});
