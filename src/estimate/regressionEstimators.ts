/**
 * Regression estimators of the effect, each with HC2 standard errors (estimatr):
 * `ols` — y on treatment (lm_robust(y ~ z)); `ols_adjusted` — y on treatment and the
 * covariates (lm_robust(y ~ z + x)); `lin` — Lin (2013), treatment interacted with the
 * covariates centred at their means (lm_lin). A covariate collinear with earlier
 * columns is dropped and named in `dropped_covariates`. A near-perfect fit (residual sum of
 * squares below 1e-8 of the total, e.g. an outcome also given as a covariate) keeps the
 * estimate but gives no SE, p-value or interval: they would be rounding noise.
 */
import { note } from "../shared/note.ts";
import { mean } from "../stats/describe.ts";
import { regressionDesign, regressionFit } from "./regressionDesign.ts";
import { baseEntry, notEstimable, noteOfModelError, relativeEffect, type ContrastData } from "./contrastData.ts";
import type { EffectEstimate } from "./schema.ts";

type Column = { name: string; values: ArrayLike<number> };

/** 1 − R² at or below this is a near-perfect fit. */
const NEAR_PERFECT = 1e-8;

export function regressionEstimate(data: ContrastData, estimator: "ols" | "ols_adjusted" | "lin", covariates: readonly Column[]): EffectEstimate {
  const n = data.y.length;
  let treatedCount = 0;
  for (let i = 0; i < n; i += 1) if (data.z[i] === 1) treatedCount += 1;
  if (treatedCount < 2 || n - treatedCount < 2) return notEstimable(data, estimator, note("too_few_per_arm"));
  // Virtual columns (no copies), fitted by cross-products on large tables and by the QR otherwise: regressionDesign.ts.
  const design = regressionDesign(data.z, estimator, covariates);
  let fit;
  try {
    fit = regressionFit(design, data.y, data.confidence);
  } catch (error) {
    return notEstimable(data, estimator, noteOfModelError(error));
  }
  const coefficient = fit.coefficients.find((c) => c.name === "z");
  if (!coefficient) return notEstimable(data, estimator, note("collinear_treatment"));
  const base = baseEntry(data, estimator);
  const centre = mean(data.y);
  // Summed in order, as reduce would.
  let totalSumOfSquares = 0;
  for (let i = 0; i < n; i += 1) totalSumOfSquares += (data.y[i]! - centre) ** 2;
  if (totalSumOfSquares > 0 && fit.residualSumOfSquares <= NEAR_PERFECT * totalSumOfSquares) {
    const rSquared = 1 - fit.residualSumOfSquares / totalSumOfSquares;
    return {
      ...notEstimable(data, estimator, note("near_perfect_fit", { oneMinusRSquared: 1 - rSquared })),
      estimate: coefficient.estimate,
    };
  }
  if (!Number.isFinite(coefficient.standardError) || coefficient.standardError === 0) {
    return notEstimable(data, estimator, note("perfect_fit"));
  }
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
