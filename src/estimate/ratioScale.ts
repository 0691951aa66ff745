/**
 * The estimators whose `estimate` is a ratio (conf_low/conf_high on the ratio scale,
 * log_estimate and std_error on the log scale): a difference-based use (a saving per
 * person, a repayment on a difference) must not read them as a difference.
 */
export const RATIO_ESTIMATORS: ReadonlySet<string> = new Set(["risk_ratio", "logistic", "poisson", "cox", "cox_adjusted"]);

export function isRatioEstimator(estimator: string): boolean {
  return RATIO_ESTIMATORS.has(estimator);
}
