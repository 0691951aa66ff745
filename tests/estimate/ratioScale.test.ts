import { describe, expect, it } from "vitest";
import { isRatioEstimator, RATIO_ESTIMATORS } from "../../src/estimate/ratioScale.ts";

describe("ratioScale", () => {
  it("RATIO_ESTIMATORS are the risk, odds, rate and hazard ratios: the estimates on the ratio scale", () => {
    expect([...RATIO_ESTIMATORS].sort()).toEqual(["cox", "cox_adjusted", "logistic", "poisson", "risk_ratio"]);
  });
  it("isRatioEstimator(id) is false for differences (difference_in_means, risk_difference, lin, rmst) and unknown ids", () => {
    for (const id of ["difference_in_means", "risk_difference", "lin", "rmst", "logrank", "no_such_estimator"]) expect(isRatioEstimator(id), id).toBe(false);
    expect(isRatioEstimator("poisson")).toBe(true);
  });
});
