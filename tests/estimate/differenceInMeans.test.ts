/** Difference in means, unblocked (Welch) and blocked (Gerber & Green eq. 3.10), against R written out by hand. */
import { describe, expect, it } from "vitest";
import { blockedDifferenceInMeans, differenceInMeans } from "../../src/estimate/differenceInMeans.ts";
import { expectRelativelyClose } from "../helpers.ts";
import { contrastOf } from "./contrastDataFixture.ts";

describe("differenceInMeans(data)", () => {
  it("differenceInMeans(data) is Welch's t test = R t.test(treated, control)", () => {
    // R: t.test(c(1,2,3,4), c(2,4,6,8,10)): t = −2.2514363231593695, df = 5.520787746170677, p = 0.06913359319239237
    const e = differenceInMeans(contrastOf([1, 2, 3, 4], [2, 4, 6, 8, 10]));
    expect(e.estimator).toBe("difference_in_means");
    expect(e.estimate).toBe(-3.5);
    expectRelativelyClose(e.statistic!, -2.2514363231593695, 1e-12, "t");
    expectRelativelyClose(e.df!, 5.520787746170677, 1e-12, "df");
    expectRelativelyClose(e.p_value!, 0.06913359319239237, 1e-10, "p");
    expect(e.relative_effect).toBeCloseTo(-3.5 / 6, 14);
  });

  it("differenceInMeans is not estimable with one person in an arm, or an outcome constant in both arms", () => {
    expect(differenceInMeans(contrastOf([1], [2, 3])).notes).toEqual([{ code: "too_few_per_arm", params: {} }]);
    expect(differenceInMeans(contrastOf([1, 1], [2, 2])).notes).toEqual([{ code: "outcome_constant_in_arms", params: {} }]);
  });
});

describe("blockedDifferenceInMeans(data, blockOfUnit)", () => {
  // Block a: treated 5 7 6 9, control 3 4 2 6; block b: treated 10 12 11 8 14, control 9 7 8 10.
  const treated = [5, 7, 6, 9, 10, 12, 11, 8, 14];
  const control = [3, 4, 2, 6, 9, 7, 8, 10];
  const blockOfUnit = [..."aaaabbbbb", ..."aaaabbbb"];

  it("blockedDifferenceInMeans weighs each block by its size, SE √Σ(Nⱼ/N)²(s²ₜ/nₜ + s²꜀/n꜀), df N − 2J = R by hand", () => {
    // R: est <- Σ w (mean(t1) − mean(t0)); v <- Σ w² (var(t1)/n1 + var(t0)/n0); df <- 17 − 4
    const e = blockedDifferenceInMeans(contrastOf(treated, control), blockOfUnit);
    expectRelativelyClose(e.estimate!, 2.7352941176470589, 1e-13, "estimate");
    expectRelativelyClose(e.std_error!, 0.84853493388626899, 1e-13, "SE");
    expect(e.df).toBe(13);
    expectRelativelyClose(e.p_value!, 0.0066587735114916648, 1e-10, "p");
    expectRelativelyClose(e.conf_low!, 0.90214584256543606, 1e-11, "lower");
  });

  it("blockedDifferenceInMeans is not estimable when a block has fewer than two persons in an arm", () => {
    const e = blockedDifferenceInMeans(contrastOf([1, 2, 3], [4, 5, 6]), ["a", "a", "b", "a", "a", "b"]);
    expect(e.estimate).toBeNull();
    expect(e.notes).toEqual([{ code: "too_few_per_stratum", params: {} }]);
  });
});
