/**
 * Linear regression with heteroskedasticity-consistent (HC2) standard errors, as
 * estimatr's `lm_robust(se_type = "HC2")` and `lm` + `sandwich::vcovHC(type = "HC2")`:
 *
 *   V = (XᵀX)⁻¹ [Σᵢ eᵢ² / (1 − hᵢ) · xᵢxᵢᵀ] (XᵀX)⁻¹,   df = N − rank,
 *   CI = β ± qt(1 − α/2, df) · SE,   p = 2 · pt(−|t|, df).
 * Reference: MacKinnon & White (1985); Lin (2013) for the interacted estimator.
 */
import { leastSquares } from "./leastSquares.ts";
import { studentTQuantile, studentTTwoSidedP } from "./distributions.ts";

export interface Coefficient {
  readonly name: string;
  readonly estimate: number;
  readonly standardError: number;
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  readonly confidenceInterval: readonly [number, number];
}

export interface RobustFit {
  readonly coefficients: Coefficient[];
  /** HC2 covariance over the kept coefficients, in their order. */
  readonly covariance: number[][];
  readonly dropped: string[];
  readonly df: number;
  readonly n: number;
  /** Σ eᵢ², to tell a (near-)perfect fit. */
  readonly residualSumOfSquares: number;
}

export function robustRegression(columns: readonly { name: string; values: ArrayLike<number> }[], y: ArrayLike<number>, confidence = 0.95): RobustFit {
  const fit = leastSquares(columns, y);
  const { n, rank } = fit;
  const df = n - rank;
  if (df < 1) throw new Error(`too few persons (${n}) for the ${rank} coefficients of the model`);
  const keptValues = fit.names.map((name) => columns.find((c) => c.name === name)!.values);
  const meat = Array.from({ length: rank }, () => new Array<number>(rank).fill(0));
  for (let i = 0; i < n; i += 1) {
    const h = fit.leverage[i]!;
    if (h > 1 - 1e-10) throw new Error("a person has leverage 1 (alone determines a coefficient), so the HC2 standard error is undefined");
    const weight = (fit.residuals[i]! * fit.residuals[i]!) / (1 - h);
    for (let a = 0; a < rank; a += 1) {
      const xa = keptValues[a]![i] as number;
      if (xa === 0) continue;
      for (let b = 0; b <= a; b += 1) meat[a]![b]! += weight * xa * (keptValues[b]![i] as number);
    }
  }
  for (let a = 0; a < rank; a += 1) for (let b = a + 1; b < rank; b += 1) meat[a]![b] = meat[b]![a]!;
  const bread = fit.xtxInverse;
  const covariance = sandwich(bread, meat);
  const coefficients = coefficientRows(fit.names, fit.coefficients, covariance, df, confidence);
  let residualSumOfSquares = 0;
  for (let i = 0; i < n; i += 1) residualSumOfSquares += fit.residuals[i]! * fit.residuals[i]!;
  return { coefficients, covariance, dropped: fit.dropped, df, n, residualSumOfSquares };
}

/** B M B for symmetric B and M. */
export function sandwich(bread: number[][], meat: number[][]): number[][] {
  const k = bread.length;
  const bm = bread.map((row) => Array.from({ length: k }, (_, j) => row.reduce((sum, x, m) => sum + x * meat[m]![j]!, 0)));
  return bm.map((row) => Array.from({ length: k }, (_, j) => row.reduce((sum, x, m) => sum + x * bread[m]![j]!, 0)));
}

/** Per coefficient: the estimate, its SE from the covariance, t, p and the CI on `df` degrees of freedom. */
export function coefficientRows(names: readonly string[], estimates: ArrayLike<number>, covariance: readonly (readonly number[])[], df: number, confidence: number): RobustFit["coefficients"] {
  const quantile = studentTQuantile(1 - (1 - confidence) / 2, df);
  return names.map((name, j) => {
    const estimate = estimates[j]!;
    const standardError = Math.sqrt(covariance[j]![j]!);
    const statistic = estimate / standardError;
    return {
      name,
      estimate,
      standardError,
      statistic,
      df,
      p: studentTTwoSidedP(statistic, df),
      confidenceInterval: [estimate - quantile * standardError, estimate + quantile * standardError] as const,
    };
  });
}
