/** The estimator of the report's one row per outcome, and so of the primary result and its monitoring. */
import type { EvaluationSpec } from "./schema.ts";

/** The spec's `estimation.primaryEstimator`, else covariate-adjusted when there are covariates, else the difference in means. */
export function primaryEstimatorOfSpec(spec: EvaluationSpec): string {
  const chosen = spec.estimation.primaryEstimator;
  if (chosen) return chosen;
  const covariates = spec.estimation.covariates ?? spec.covariates.map((c) => c.id);
  return covariates.length > 0 ? "ols_adjusted" : "difference_in_means";
}
