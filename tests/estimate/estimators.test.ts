/**
 * The one list of estimators (src/estimate/estimators.ts): which estimators an outcome gets,
 * in output order, as README's estimator table lists them; the ratio estimators; the schema's enum.
 */
import { describe, expect, it } from "vitest";
import { applicableEstimators, ESTIMATOR_IDS, reportAs } from "../../src/estimate/estimators.ts";
import { RATIO_ESTIMATORS } from "../../src/estimate/ratioScale.ts";
import { EffectEstimate } from "../../src/estimate/schema.ts";

const design = { blocked: true, covariates: true, received: true, permutations: true };

describe("applicableEstimators", () => {
  it("applicableEstimators(binary, blocked, covariates, received, permutations) lists the README's estimators in output order", () => {
    expect(applicableEstimators({ kind: "binary", ...design })).toEqual(["difference_in_means", "difference_in_means_blocked", "ols", "ols_adjusted", "lin", "cace", "cace_adjusted", "risk_difference", "risk_ratio", "logistic", "randomization"]);
  });
  it("applicableEstimators(count, nothing else) is the difference in means, OLS and Poisson", () => {
    expect(applicableEstimators({ kind: "count", blocked: false, covariates: false, received: false, permutations: false })).toEqual(["difference_in_means", "ols", "poisson"]);
  });
  it("applicableEstimators(time_to_event) is log-rank, Cox (adjusted with covariates) and RMST only", () => {
    expect(applicableEstimators({ kind: "time_to_event", ...design })).toEqual(["logrank", "cox", "cox_adjusted", "rmst"]);
    expect(applicableEstimators({ kind: "time_to_event", ...design, covariates: false })).toEqual(["logrank", "cox", "rmst"]);
  });
});

describe("reportAs", () => {
  it("the ratio estimators are the risk, odds, rate and hazard ratios", () => {
    expect([...RATIO_ESTIMATORS].sort()).toEqual(["cox", "cox_adjusted", "logistic", "poisson", "risk_ratio"]);
  });
  it("the CACE estimators are reported as the effect on those who received the programme; an unknown id has none", () => {
    expect(ESTIMATOR_IDS.filter((id) => reportAs(id)!.onReceived)).toEqual(["cace", "cace_adjusted"]);
    expect(reportAs("median_regression")).toBeNull();
  });
  it("the schema's enum is the list", () => {
    expect(EffectEstimate.shape.estimator.options).toEqual([...ESTIMATOR_IDS]);
  });
});
