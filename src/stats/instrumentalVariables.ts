/**
 * Two-stage least squares with HC2 standard errors, as estimatr's
 * `iv_robust(y ~ d + x | z + x, se_type = "HC2")`:
 *
 *   first stage   d = [1, z, x] γ + u,   d̂ its fitted values
 *   second stage  β = (X̂ᵀX̂)⁻¹ X̂ᵀ y,   X̂ = [1, d̂, x]
 *   residuals     eᵢ = yᵢ − [1, dᵢ, xᵢ] β   (with the received d, not d̂)
 *   V = (X̂ᵀX̂)⁻¹ [Σᵢ eᵢ² / (1 − hᵢ) · x̂ᵢx̂ᵢᵀ] (X̂ᵀX̂)⁻¹,  hᵢ the leverage in X̂,
 *   df = N − rank, CI = β ± qt(1 − α/2, df) · SE.
 * With one instrument and no covariates β_d is the Wald ratio ITT(y) / ITT(d). The first
 * stage gives the instrument's coefficient with its HC2 SE and the robust Wald F = t²
 * (estimatr's `diagnostic_first_stage_fstatistic` with `diagnostics = TRUE`).
 * With `clusters` the variance is cluster-robust, as `iv_robust(clusters =, se_type = "CR2" | "stata" | "CR0")`:
 * the sandwich of clusterRobust.ts over X̂ with the second-stage residuals eᵢ (Bell–McCaffrey df for CR2).
 * Reference: Angrist, Imbens & Rubin (1996); estimatr's iv_robust.
 */
import { leastSquares } from "./leastSquares.ts";
import { studentTQuantile, studentTTwoSidedP } from "./distributions.ts";
import { robustRegression, sandwich } from "./robustRegression.ts";
import { clusterSandwich, type ClusterSe } from "./clusterRobust.ts";

type Column = { name: string; values: ArrayLike<number> };

export interface InstrumentalFit {
  readonly estimate: number;
  readonly standardError: number;
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  readonly confidenceInterval: readonly [number, number];
  readonly firstStage: { estimate: number; standardError: number; f: number; p: number };
  readonly dropped: string[];
}

/**
 * @param received the endogenous 0/1 (or any) treatment actually received, d
 * @param instrument the randomised assignment, z
 * @param covariates exogenous covariates x (the intercept is added here)
 */
export function instrumentalVariables(
  y: ArrayLike<number>,
  received: ArrayLike<number>,
  instrument: ArrayLike<number>,
  covariates: readonly Column[],
  confidence = 0.95,
  clustering: { clusters: readonly string[]; type: ClusterSe } | null = null,
): InstrumentalFit {
  const n = y.length;
  const intercept: Column = { name: "(Intercept)", values: new Array<number>(n).fill(1) };
  const first = robustRegression([intercept, { name: "z", values: instrument }, ...covariates], received, confidence);
  const zCoefficient = first.coefficients.find((c) => c.name === "z");
  if (!zCoefficient) throw new Error("instrumentalVariables: the instrument is collinear with the covariates");
  const firstFit = leastSquares([intercept, { name: "z", values: instrument }, ...covariates], received);
  const fitted = Float64Array.from({ length: n }, (_, i) => (received[i] as number) - firstFit.residuals[i]!);
  const second = leastSquares([intercept, { name: "d", values: fitted }, ...covariates], y);
  const j = second.names.indexOf("d");
  if (j < 0) throw new Error("instrumentalVariables: the fitted treatment is collinear with the covariates");
  const original = second.names.map((name) => (name === "d" ? received : name === "(Intercept)" ? intercept.values : covariates.find((c) => c.name === name)!.values));
  const projected = second.names.map((name) => (name === "d" ? fitted : name === "(Intercept)" ? intercept.values : covariates.find((c) => c.name === name)!.values));
  const k = second.rank;
  const df = n - k;
  if (df < 1) throw new Error(`instrumentalVariables: too few persons (${n}) for the ${k} coefficients`);
  const residuals = Float64Array.from({ length: n }, (_, i) => (y[i] as number) - original.reduce((sum, column, a) => sum + (column[i] as number) * second.coefficients[a]!, 0));
  if (clustering) {
    const clustered = clusterSandwich({ X: projected, B: second.xtxInverse, residuals, clusters: clustering.clusters, type: clustering.type, fixedEffects: null });
    const estimate = second.coefficients[j]!;
    const standardError = clustered.undefinedAt[j] ? NaN : Math.sqrt(clustered.covariance[j]![j]!);
    const statistic = estimate / standardError;
    const clusterDf = clustered.degrees(j);
    const q = studentTQuantile(1 - (1 - confidence) / 2, clusterDf);
    return {
      estimate,
      standardError,
      statistic,
      df: clusterDf,
      p: studentTTwoSidedP(statistic, clusterDf),
      confidenceInterval: [estimate - q * standardError, estimate + q * standardError],
      firstStage: { estimate: zCoefficient.estimate, standardError: zCoefficient.standardError, f: zCoefficient.statistic ** 2, p: zCoefficient.p },
      dropped: [...second.dropped],
    };
  }
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < n; i += 1) {
    let prediction = 0;
    for (let a = 0; a < k; a += 1) prediction += (original[a]![i] as number) * second.coefficients[a]!;
    const e = (y[i] as number) - prediction;
    const h = second.leverage[i]!;
    if (h > 1 - 1e-10) throw new Error("instrumentalVariables: a person has leverage 1, so the HC2 standard error is undefined");
    const w = (e * e) / (1 - h);
    for (let a = 0; a < k; a += 1) for (let b = 0; b < k; b += 1) meat[a]![b]! += w * (projected[a]![i] as number) * (projected[b]![i] as number);
  }
  const covariance = sandwich(second.xtxInverse, meat);
  const estimate = second.coefficients[j]!;
  const standardError = Math.sqrt(covariance[j]![j]!);
  const statistic = estimate / standardError;
  const quantile = studentTQuantile(1 - (1 - confidence) / 2, df);
  return {
    estimate,
    standardError,
    statistic,
    df,
    p: studentTTwoSidedP(statistic, df),
    confidenceInterval: [estimate - quantile * standardError, estimate + quantile * standardError],
    firstStage: { estimate: zCoefficient.estimate, standardError: zCoefficient.standardError, f: zCoefficient.statistic ** 2, p: zCoefficient.p },
    dropped: [...second.dropped],
  };
}
