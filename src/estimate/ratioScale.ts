/**
 * The estimators whose `estimate` is a ratio (conf_low/conf_high on the ratio scale,
 * log_estimate and std_error on the log scale): a difference-based use (a saving per
 * person, a repayment on a difference) must not read them as a difference. Read from the
 * one list of estimators (estimators.ts, reportAs.scale).
 */
import { ESTIMATOR_IDS, ESTIMATORS } from "./estimators.ts";

export const RATIO_ESTIMATORS: ReadonlySet<string> = new Set(ESTIMATOR_IDS.filter((id) => ESTIMATORS[id].reportAs.scale === "ratio"));

export function isRatioEstimator(estimator: string): boolean {
  return RATIO_ESTIMATORS.has(estimator);
}
