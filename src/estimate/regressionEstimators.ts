/**
 * Regression estimators of the effect, each with HC2 standard errors (estimatr):
 * `ols` — y on treatment (lm_robust(y ~ z)); `ols_adjusted` — y on treatment and the
 * covariates (lm_robust(y ~ z + x)); `lin` — Lin (2013), treatment interacted with the
 * covariates centred at their means (lm_lin). A covariate collinear with earlier
 * columns is dropped and named in `dropped_covariates`.
 */
import { regressionDesign, regressionFit } from "./regressionDesign.ts";
import { baseEntry, notEstimable, relativeEffect, type ContrastData } from "./contrastData.ts";
import type { EffectEstimate } from "./schema.ts";

type Column = { name: string; values: ArrayLike<number> };

export function regressionEstimate(data: ContrastData, estimator: "ols" | "ols_adjusted" | "lin", covariates: readonly Column[]): EffectEstimate {
  const n = data.y.length;
  const treatedCount = data.z.filter((z) => z === 1).length;
  if (treatedCount < 2 || n - treatedCount < 2) return notEstimable(data, estimator, "needs at least two persons in each arm");
  // Virtual columns (no copies), fitted by cross-products on large tables and by the QR otherwise: regressionDesign.ts.
  const design = regressionDesign(data.z, estimator, covariates);
  let fit;
  try {
    fit = regressionFit(design, data.y, data.confidence);
  } catch (error) {
    return notEstimable(data, estimator, (error as Error).message.replace(/^robustRegression: /, ""));
  }
  const coefficient = fit.coefficients.find((c) => c.name === "z");
  if (!coefficient) return notEstimable(data, estimator, "the treatment indicator is collinear with the covariates");
  if (!Number.isFinite(coefficient.standardError) || coefficient.standardError === 0) {
    return notEstimable(data, estimator, "the model fits the outcome perfectly, so the standard error is 0");
  }
  const base = baseEntry(data, estimator);
  const dropped = fit.dropped.filter((name) => name !== "z").map((name) => name.replace(/^z:/, ""));
  return {
    ...base,
    estimate: coefficient.estimate,
    std_error: coefficient.standardError,
    statistic: coefficient.statistic,
    df: coefficient.df,
    p_value: coefficient.p,
    conf_low: coefficient.confidenceInterval[0],
    conf_high: coefficient.confidenceInterval[1],
    relative_effect: relativeEffect(coefficient.estimate, base.mean_control),
    ...(estimator === "ols" ? {} : { dropped_covariates: [...new Set(dropped)] }),
  };
}
