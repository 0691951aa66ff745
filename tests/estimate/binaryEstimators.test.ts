/**
 * Risk difference, risk ratio and logistic regression on a 2 × 2 table (treated 7/12, control 4/15) against R:
 *   chisq.test(matrix(c(7,5,4,11), 2, byrow = TRUE), correct = FALSE); fisher.test(…);
 *   glm(y ~ z, family = binomial, control = glm.control(epsilon = 1e-15)) (iterated to the end: R's default stops at 1e-8)
 */
import { describe, expect, it } from "vitest";
import { binaryEstimates } from "../../src/estimate/binaryEstimators.ts";
import { expectRelativelyClose } from "../helpers.ts";
import { contrastOf } from "./contrastDataFixture.ts";

const ones = (events: number, n: number) => Array.from({ length: n }, (_, i) => (i < events ? 1 : 0));

describe("binaryEstimates(data)", () => {
  const [difference, ratio, logistic] = binaryEstimates(contrastOf(ones(7, 12), ones(4, 15)));

  it("binaryEstimates: risk_difference is 7/12 − 4/15 with the Wald SE, Pearson's χ² p and Fisher's exact p = R", () => {
    expect(difference!.estimator).toBe("risk_difference");
    expectRelativelyClose(difference!.estimate!, 0.31666666666666671, 1e-14, "difference");
    expectRelativelyClose(difference!.std_error!, 0.18246004128758347, 1e-13, "SE");
    expectRelativelyClose(difference!.statistic!, 2.76903409090909, 1e-12, "χ²");
    expectRelativelyClose(difference!.p_value!, 0.096104137697261491, 1e-10, "p");
    expectRelativelyClose(difference!.p_value_fisher!, 0.13024633194238797, 1e-10, "Fisher p");
    // The smallest expected count is 12 · 11/27 = 4.888… (< 5): the note says so, with the count.
    expect(difference!.notes?.map((n) => n.code)).toEqual(["expected_count_below_5"]);
    expectRelativelyClose((difference!.notes![0]!.params as { expected: number }).expected, (12 * 11) / 27, 1e-12, "expected count");
  });

  it("binaryEstimates: risk_ratio is (7/12)/(4/15) with the Katz SE √(1/7 − 1/12 + 1/4 − 1/15) (by hand)", () => {
    expectRelativelyClose(ratio!.estimate!, 7 / 12 / (4 / 15), 1e-14, "RR");
    expectRelativelyClose(ratio!.std_error!, Math.sqrt(1 / 7 - 1 / 12 + 1 / 4 - 1 / 15), 1e-14, "SE log RR");
    expectRelativelyClose(ratio!.log_estimate!, Math.log(35 / 16), 1e-14, "log RR");
  });

  it("binaryEstimates: logistic gives the odds ratio exp(β) with β, its Wald SE and p = R glm(binomial)", () => {
    expectRelativelyClose(logistic!.log_estimate!, 1.348073148299693, 1e-10, "β");
    expectRelativelyClose(logistic!.estimate!, (7 / 5) / (4 / 11), 1e-10, "odds ratio by hand");
    // With one binary regressor the Wald SE is √(1/7 + 1/5 + 1/4 + 1/11), the SE of a log odds ratio.
    expectRelativelyClose(logistic!.std_error!, Math.sqrt(1 / 7 + 1 / 5 + 1 / 4 + 1 / 11), 1e-9, "SE by hand");
    expectRelativelyClose(logistic!.std_error!, 0.82690158650578593, 1e-9, "SE");
    expectRelativelyClose(logistic!.p_value!, 0.10304436877295725, 1e-8, "p");
  });

  it("binaryEstimates with no events in one arm: no risk ratio, no odds ratio (separation), χ² still defined", () => {
    const [d, r, l] = binaryEstimates(contrastOf(ones(0, 5), ones(3, 6)));
    expect(d!.estimate).toBeCloseTo(-0.5, 14);
    expect(r!.notes).toEqual([{ code: "no_events_in_arm_risk", params: {} }]);
    expect(l!.notes).toEqual([{ code: "separation", params: {} }]);
  });

  it("binaryEstimates with no one having the outcome: χ² undefined and said so; with one person in an arm: nothing estimable", () => {
    expect(binaryEstimates(contrastOf(ones(0, 4), ones(0, 4)))[0]!.notes).toEqual([{ code: "chi_square_undefined", params: {} }]);
    expect(binaryEstimates(contrastOf([1], [0, 1])).map((e) => e.notes)).toEqual(new Array(3).fill([{ code: "too_few_per_arm", params: {} }]));
  });
});
