/**
 * Linear regression with cluster-robust standard errors, as estimatr's
 * `lm_robust(clusters =, se_type = "CR2" | "stata" | "CR0", fixed_effects =)` (Bell & McCaffrey 2002;
 * Pustejovsky & Tipton 2018). The clusters may hold both arms (any level of clustering):
 *
 *   CR2:  V = B [Σ_g X_gᵀ A_g e_g e_gᵀ A_g X_g] B,   B = (XᵀX)⁻¹,  A_g = (I − H_gg)^(−1/2)
 *         df_j = (Σλ)² / Σλ² over the eigenvalues λ of GᵀG, G's column g = (I − H)_{·,g} A_g X_g B c_j
 *         (the Bell–McCaffrey degrees of freedom, as estimatr; Imbens & Kolesár 2016)
 *   CR1:  V = G/(G − 1) · (N − 1)/(N − K) · B [Σ_g X_gᵀ e_g e_gᵀ X_g] B,   df = G − 1   (estimatr's "stata")
 *   CR0:  V = B [Σ_g X_gᵀ e_g e_gᵀ X_g] B,   df = G − 1
 *   CI = β ± qt(1 − α/2, df) · SE,  p = 2 · pt(−|t|, df).
 *
 * Fixed effects are absorbed (absorbFixedEffects.ts): X and y are demeaned within blocks, H gains
 * 1/n_b for two units of one block, and K counts one coefficient per block, which gives estimatr's
 * numbers (the same as with one dummy per block).
 *
 * When I − H_gg is singular (a person with leverage 1, e.g. a category or a one-person cluster that alone
 * determines a coefficient) the inverse root is taken on the non-zero eigenvalues, and each coefficient that
 * the singular direction moves is reported with SE NaN and named in `undefinedStandardErrors`: its CR2
 * variance is undefined. Coefficients it does not move keep R's numbers.
 */
import { leastSquares } from "./leastSquares.ts";
import { studentTQuantile, studentTTwoSidedP } from "./distributions.ts";
import type { Coefficient } from "./robustRegression.ts";
import { sandwich } from "./robustRegression.ts";
import { singularValueDecomposition } from "./singularValues.ts";
import { demean, fixedEffects as indexFixedEffects, type FixedEffects } from "./absorbFixedEffects.ts";

export type ClusterSe = "CR2" | "CR1" | "CR0";

export interface ClusterFit {
  readonly coefficients: Coefficient[];
  /** The cluster-robust covariance over the kept coefficients, in their order. */
  readonly covariance: number[][];
  readonly dropped: string[];
  readonly clusters: number;
  readonly n: number;
  readonly residualSumOfSquares: number;
  /** Coefficients whose CR2 standard error is undefined (SE NaN): a singular I − H_gg moves them. */
  readonly undefinedStandardErrors: string[];
  /** Blocks absorbed as fixed effects (0 without). */
  readonly fixedEffects: number;
}

export interface ClusterOptions {
  /** A block label per unit, absorbed as fixed effects (then no intercept is fitted). */
  readonly fixedEffects?: readonly string[] | null;
}

const SINGULAR = 1e-10;

/** Eigen-decomposition of I − H_gg: its inverse square root on the non-zero eigenvalues, and the null directions. */
function inverseSquareRoot(matrix: number[][]): { root: number[][]; nullVectors: number[][] } {
  const m = matrix.length;
  const { values, vectors } = singularValueDecomposition(matrix.map((row) => [...row]));
  const root = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const nullVectors: number[][] = [];
  values.forEach((value, j) => {
    const v = vectors[j]!;
    if (value <= SINGULAR) {
      nullVectors.push(v);
      return;
    }
    const f = 1 / Math.sqrt(value);
    for (let a = 0; a < m; a += 1) for (let b = 0; b < m; b += 1) root[a]![b]! += f * v[a]! * v[b]!;
  });
  return { root, nullVectors };
}

export interface SandwichInput {
  /** The kept design columns (demeaned under fixed effects), in the order of B. */
  readonly X: readonly ArrayLike<number>[];
  /** (XᵀX)⁻¹ over X. */
  readonly B: number[][];
  readonly residuals: ArrayLike<number>;
  readonly clusters: readonly string[];
  readonly type: ClusterSe;
  readonly fixedEffects: FixedEffects | null;
}

/**
 * The cluster-robust covariance of a least-squares (or two-stage) fit, its Bell–McCaffrey df per coefficient
 * (CR2; G − 1 otherwise) and which coefficients have an undefined CR2 variance.
 */
// numerical kernel: the CR2 adjustment matrices, the meat and the Bell–McCaffrey df share one pass over the clusters
export function clusterSandwich(input: SandwichInput): { covariance: number[][]; degrees: (j: number) => number; clusters: number; undefinedAt: boolean[] } {
  const { X, B, residuals, clusters, type, fixedEffects } = input;
  const k = B.length;
  const n = residuals.length;
  const groups = new Map<string, number[]>();
  clusters.forEach((c, i) => {
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(i);
  });
  const G = groups.size;
  if (G < 2) throw new Error("clusterRobustRegression: needs at least two clusters");
  const members = [...groups.values()];
  const row = (i: number) => X.map((column) => column[i] as number);
  const sameBlock = (i: number, j: number) => (fixedEffects && fixedEffects.block[i] === fixedEffects.block[j] ? 1 / fixedEffects.sizes[fixedEffects.block[i]!]! : 0);
  const adjust: number[][][] = [];
  const undefinedAt = new Array<boolean>(k).fill(false);
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const units of members) {
    const Xg = units.map(row);
    const XgB = Xg.map((x) => B.map((_, b) => x.reduce((sum, xa, a) => sum + xa * B[a]![b]!, 0)));
    let A: number[][];
    if (type === "CR2") {
      const I_H = units.map((i, r) => units.map((j, c) => (r === c ? 1 : 0) - XgB[r]!.reduce((sum, v, b) => sum + v * Xg[c]![b]!, 0) - sameBlock(i, j)));
      const { root, nullVectors } = inverseSquareRoot(I_H);
      A = root;
      // A singular direction v of I − H_gg leaves (B X_gᵀ v)_j of the variance undefined (0/0) where it is not 0.
      for (const v of nullVectors) {
        for (let j = 0; j < k; j += 1) {
          const w = units.reduce((sum, _, r) => sum + XgB[r]![j]! * v[r]!, 0);
          if (Math.abs(w) > 1e-6 * Math.sqrt(B[j]![j]!)) undefinedAt[j] = true;
        }
      }
    } else {
      A = units.map((_, r) => units.map((__, c) => (r === c ? 1 : 0)));
    }
    adjust.push(A);
    const e = units.map((i) => residuals[i] as number);
    const Ae = A.map((r) => r.reduce((sum, v, c) => sum + v * e[c]!, 0));
    const u = new Array<number>(k).fill(0);
    for (let r = 0; r < units.length; r += 1) for (let a = 0; a < k; a += 1) u[a]! += Xg[r]![a]! * Ae[r]!;
    for (let a = 0; a < k; a += 1) for (let b = 0; b < k; b += 1) meat[a]![b]! += u[a]! * u[b]!;
  }
  const K = k + (fixedEffects ? fixedEffects.sizes.length : 0);
  const scale = type === "CR1" ? (G / (G - 1)) * ((n - 1) / (n - K)) : 1;
  const covariance = sandwich(B, meat).map((r) => r.map((v) => v * scale));
  const blockMeans = (v: Float64Array) => {
    if (!fixedEffects) return null;
    const sums = new Float64Array(fixedEffects.sizes.length);
    for (let i = 0; i < n; i += 1) sums[fixedEffects.block[i]!]! += v[i]!;
    return sums.map((s, b) => s / fixedEffects.sizes[b]!);
  };
  const degrees = (j: number): number => {
    if (type !== "CR2") return G - 1;
    // Columns of G: (I − H) applied to A_g X_g B e_j placed on cluster g's rows.
    const Gcols = members.map((units, g) => {
      const A = adjust[g]!;
      const XgBc = units.map((i) => row(i).reduce((sum, xa, a) => sum + xa * B[a]![j]!, 0));
      const w = A.map((r) => r.reduce((sum, v, c) => sum + v * XgBc[c]!, 0));
      const v = new Float64Array(n);
      units.forEach((i, r) => (v[i] = w[r]!));
      // (I − H) v = v − X B Xᵀ v − (block means of v)
      const xtv = new Array<number>(k).fill(0);
      units.forEach((i) => {
        for (let a = 0; a < k; a += 1) xtv[a]! += (X[a]![i] as number) * v[i]!;
      });
      const bxtv = B.map((r) => r.reduce((sum, b, a) => sum + b * xtv[a]!, 0));
      const means = blockMeans(v);
      for (let i = 0; i < n; i += 1) {
        let h = means ? means[fixedEffects!.block[i]!]! : 0;
        for (let a = 0; a < k; a += 1) h += (X[a]![i] as number) * bxtv[a]!;
        v[i] = v[i]! - h;
      }
      return v;
    });
    let trace = 0;
    let traceSquared = 0;
    for (let g = 0; g < G; g += 1) {
      for (let h = 0; h < G; h += 1) {
        let m = 0;
        const a = Gcols[g]!;
        const b = Gcols[h]!;
        for (let i = 0; i < n; i += 1) m += a[i]! * b[i]!;
        if (g === h) trace += m;
        traceSquared += m * m;
      }
    }
    return (trace * trace) / traceSquared;
  };
  return { covariance, degrees, clusters: G, undefinedAt };
}

/**
 * @param columns the design (include the intercept yourself; under fixed effects it is left out)
 * @param clusters a cluster label per unit
 * @param only the coefficients whose df to compute (the Bell–McCaffrey df costs G² N each); others get NaN df
 */
export function clusterRobustRegression(
  columns: readonly { name: string; values: ArrayLike<number> }[],
  y: ArrayLike<number>,
  clusters: readonly string[],
  type: ClusterSe,
  confidence = 0.95,
  only: readonly string[] = ["z"],
  options: ClusterOptions = {},
): ClusterFit {
  const effects = options.fixedEffects ? indexFixedEffects(options.fixedEffects) : null;
  const design = effects ? columns.filter((c) => c.name !== "(Intercept)").map((c) => ({ name: c.name, values: demean(c.values, effects) })) : columns;
  const outcome = effects ? demean(y, effects) : y;
  const fit = leastSquares(design, outcome);
  const { n } = fit;
  const X = fit.names.map((name) => design.find((c) => c.name === name)!.values);
  const { covariance, degrees, clusters: G, undefinedAt } = clusterSandwich({ X, B: fit.xtxInverse, residuals: fit.residuals, clusters, type, fixedEffects: effects });
  let residualSumOfSquares = 0;
  for (let i = 0; i < n; i += 1) residualSumOfSquares += fit.residuals[i]! ** 2;
  const coefficients = fit.names.map((name, j) => {
    const estimate = fit.coefficients[j]!;
    const standardError = undefinedAt[j] ? NaN : Math.sqrt(covariance[j]![j]!);
    const statistic = estimate / standardError;
    const df = only.includes(name) ? degrees(j) : NaN;
    const quantile = Number.isFinite(df) ? studentTQuantile(1 - (1 - confidence) / 2, df) : NaN;
    const p = Number.isFinite(df) && Number.isFinite(statistic) ? studentTTwoSidedP(statistic, df) : NaN;
    return { name, estimate, standardError, statistic, df, p, confidenceInterval: [estimate - quantile * standardError, estimate + quantile * standardError] as const };
  });
  const undefinedStandardErrors = fit.names.filter((_, j) => undefinedAt[j]);
  return { coefficients, covariance, dropped: fit.dropped, clusters: G, n, residualSumOfSquares, undefinedStandardErrors, fixedEffects: effects ? effects.sizes.length : 0 };
}
