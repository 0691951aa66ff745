/**
 * Linear regression with heteroskedasticity-consistent (HC2) standard errors, as
 * estimatr's `lm_robust(se_type = "HC2")` and `lm` + `sandwich::vcovHC(type = "HC2")`:
 *
 *   V = (XᵀX)⁻¹ [Σᵢ eᵢ² / (1 − hᵢ) · xᵢxᵢᵀ] (XᵀX)⁻¹,   df = N − rank,
 *   CI = β ± qt(1 − α/2, df) · SE,   p = 2 · pt(−|t|, df).
 * With `fixedEffects` the blocks are absorbed (absorbFixedEffects.ts) as estimatr's `fixed_effects = ~ block`:
 * hᵢ = x̃ᵢᵀ(X̃ᵀX̃)⁻¹x̃ᵢ + 1/n_b and df = N − rank − blocks, the numbers of one dummy per block.
 * A person with leverage 1 alone determines some coefficient and has residual 0: by default that throws;
 * with `leverageOne: "undefined"` the person's 0/0 weight is left out, and the coefficients the person moves
 * get SE NaN and are named in `undefinedStandardErrors` (R's estimatr prints a number there from 0/0 in
 * floating point), while the others keep R's numbers.
 * Reference: MacKinnon & White (1985); Lin (2013) for the interacted estimator.
 */
import { leastSquares } from "./leastSquares.ts";
import { demean, fixedEffects as indexFixedEffects } from "./absorbFixedEffects.ts";
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
  /** Coefficients whose HC2 SE is undefined (a person with leverage 1 moves them); their SE is NaN. */
  readonly undefinedStandardErrors: string[];
}

export interface RobustOptions {
  /** A block label per unit, absorbed as fixed effects (then no intercept is fitted). */
  readonly fixedEffects?: readonly string[] | null;
  readonly leverageOne?: "throw" | "undefined";
}

export function robustRegression(columns: readonly { name: string; values: ArrayLike<number> }[], y: ArrayLike<number>, confidence = 0.95, options: RobustOptions = {}): RobustFit {
  const effects = options.fixedEffects ? indexFixedEffects(options.fixedEffects) : null;
  const design = effects ? columns.filter((c) => c.name !== "(Intercept)").map((c) => ({ name: c.name, values: demean(c.values, effects) })) : columns;
  const fit = leastSquares(design, effects ? demean(y, effects) : y);
  const { n, rank } = fit;
  const df = n - rank - (effects ? effects.sizes.length : 0);
  if (df < 1) throw new Error(`too few persons (${n}) for the ${rank} coefficients of the model`);
  const keptValues = fit.names.map((name) => design.find((c) => c.name === name)!.values);
  const meat = Array.from({ length: rank }, () => new Array<number>(rank).fill(0));
  const undefinedAt = new Array<boolean>(rank).fill(false);
  for (let i = 0; i < n; i += 1) {
    const h = fit.leverage[i]! + (effects ? 1 / effects.sizes[effects.block[i]!]! : 0);
    if (h > 1 - 1e-10) {
      if (options.leverageOne !== "undefined") throw new Error("a person has leverage 1 (alone determines a coefficient), so the HC2 standard error is undefined");
      // The person's influence (XᵀX)⁻¹xᵢ on each coefficient: non-zero means that coefficient's HC2 variance is 0/0.
      fit.xtxInverse.forEach((row, j) => {
        const influence = row.reduce((sum, b, a) => sum + b * (keptValues[a]![i] as number), 0);
        if (Math.abs(influence) > 1e-6 * Math.sqrt(row[j]!)) undefinedAt[j] = true;
      });
      continue;
    }
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
  const coefficients = coefficientRows(fit.names, fit.coefficients, covariance, df, confidence).map((c, j) =>
    undefinedAt[j] ? { ...c, standardError: NaN, statistic: NaN, p: NaN, confidenceInterval: [NaN, NaN] as const } : c,
  );
  let residualSumOfSquares = 0;
  for (let i = 0; i < n; i += 1) residualSumOfSquares += fit.residuals[i]! * fit.residuals[i]!;
  return { coefficients, covariance, dropped: fit.dropped, df, n, residualSumOfSquares, undefinedStandardErrors: fit.names.filter((_, j) => undefinedAt[j]) };
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
