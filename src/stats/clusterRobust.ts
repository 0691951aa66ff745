/**
 * Linear regression with cluster-robust standard errors, as estimatr's
 * `lm_robust(clusters =, se_type = "CR2")` (Bell & McCaffrey 2002; Pustejovsky & Tipton 2018)
 * and `se_type = "stata"` (CR1):
 *
 *   CR2:  V = B [Σ_g X_gᵀ A_g e_g e_gᵀ A_g X_g] B,   B = (XᵀX)⁻¹,  A_g = (I − X_g B X_gᵀ)^(−1/2)
 *         df_j = (Σλ)² / Σλ² over the eigenvalues λ of GᵀG, G's column g = (I − H)_{·,g} A_g X_g B c_j
 *         (the Bell–McCaffrey degrees of freedom, as estimatr; Imbens & Kolesár 2016)
 *   CR1:  V = G/(G − 1) · (N − 1)/(N − K) · B [Σ_g X_gᵀ e_g e_gᵀ X_g] B,   df = G − 1
 *   CI = β ± qt(1 − α/2, df) · SE,  p = 2 · pt(−|t|, df).
 */
import { leastSquares } from "./leastSquares.ts";
import { studentTQuantile, studentTTwoSidedP } from "./distributions.ts";
import type { Coefficient } from "./robustRegression.ts";
import { sandwich } from "./robustRegression.ts";
import { singularValueDecomposition } from "./singularValues.ts";

export type ClusterSe = "CR2" | "CR1";

export interface ClusterFit {
  readonly coefficients: Coefficient[];
  readonly dropped: string[];
  readonly clusters: number;
  readonly n: number;
  readonly residualSumOfSquares: number;
}

/** (I − H_gg)^(−1/2) for a symmetric positive semi-definite matrix, eigenvalues below 1e-12 taken as 0 (their inverse root 0). */
function inverseSquareRoot(matrix: number[][]): number[][] {
  const m = matrix.length;
  const { values, vectors } = singularValueDecomposition(matrix.map((row) => [...row]));
  const out = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  values.forEach((value, j) => {
    if (value <= 1e-12) return;
    const f = 1 / Math.sqrt(value);
    const v = vectors[j]!;
    for (let a = 0; a < m; a += 1) for (let b = 0; b < m; b += 1) out[a]![b]! += f * v[a]! * v[b]!;
  });
  return out;
}

/**
 * @param columns the design (include the intercept yourself)
 * @param clusters a cluster label per unit
 * @param only the coefficients whose df to compute (the Bell–McCaffrey df costs G² N each); others get NaN df
 */
// numerical kernel: CR2 adjustment matrices, the meat and the Bell–McCaffrey df share per-cluster intermediates, as in clubSandwich
export function clusterRobustRegression(
  columns: readonly { name: string; values: ArrayLike<number> }[],
  y: ArrayLike<number>,
  clusters: readonly string[],
  type: ClusterSe,
  confidence = 0.95,
  only: readonly string[] = ["z"],
): ClusterFit {
  const fit = leastSquares(columns, y);
  const { n, rank: k } = fit;
  const X = fit.names.map((name) => columns.find((c) => c.name === name)!.values);
  const B = fit.xtxInverse;
  const groups = new Map<string, number[]>();
  clusters.forEach((c, i) => {
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(i);
  });
  const G = groups.size;
  if (G < 2) throw new Error("clusterRobustRegression: needs at least two clusters");
  const members = [...groups.values()];
  const row = (i: number) => X.map((column) => column[i] as number);
  // A_g per cluster (CR2), and the meat.
  const adjust: number[][][] = [];
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const units of members) {
    const Xg = units.map(row);
    let A: number[][];
    if (type === "CR2") {
      const XgB = Xg.map((x) => B.map((_, b) => x.reduce((sum, xa, a) => sum + xa * B[a]![b]!, 0)));
      const I_H = units.map((_, r) => units.map((__, c) => (r === c ? 1 : 0) - XgB[r]!.reduce((sum, v, b) => sum + v * Xg[c]![b]!, 0)));
      A = inverseSquareRoot(I_H);
    } else {
      A = units.map((_, r) => units.map((__, c) => (r === c ? 1 : 0)));
    }
    adjust.push(A);
    const e = units.map((i) => fit.residuals[i]!);
    const Ae = A.map((r) => r.reduce((sum, v, c) => sum + v * e[c]!, 0));
    const u = new Array<number>(k).fill(0);
    for (let r = 0; r < units.length; r += 1) for (let a = 0; a < k; a += 1) u[a]! += Xg[r]![a]! * Ae[r]!;
    for (let a = 0; a < k; a += 1) for (let b = 0; b < k; b += 1) meat[a]![b]! += u[a]! * u[b]!;
  }
  const scale = type === "CR1" ? (G / (G - 1)) * ((n - 1) / (n - k)) : 1;
  const covariance = sandwich(B, meat).map((r) => r.map((v) => v * scale));
  const degrees = (j: number): number => {
    if (type === "CR1") return G - 1;
    // Columns of G: (I − H) applied to A_g X_g B e_j placed on cluster g's rows.
    const Gcols = members.map((units, g) => {
      const A = adjust[g]!;
      const XgBc = units.map((i) => row(i).reduce((sum, xa, a) => sum + xa * B[a]![j]!, 0));
      const w = A.map((r) => r.reduce((sum, v, c) => sum + v * XgBc[c]!, 0));
      const v = new Float64Array(n);
      units.forEach((i, r) => (v[i] = w[r]!));
      // (I − H) v = v − X B Xᵀ v
      const xtv = new Array<number>(k).fill(0);
      units.forEach((i) => {
        for (let a = 0; a < k; a += 1) xtv[a]! += (X[a]![i] as number) * v[i]!;
      });
      const bxtv = B.map((r) => r.reduce((sum, b, a) => sum + b * xtv[a]!, 0));
      for (let i = 0; i < n; i += 1) {
        let h = 0;
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
  let residualSumOfSquares = 0;
  for (let i = 0; i < n; i += 1) residualSumOfSquares += fit.residuals[i]! ** 2;
  const coefficients = fit.names.map((name, j) => {
    const estimate = fit.coefficients[j]!;
    const standardError = Math.sqrt(covariance[j]![j]!);
    const statistic = estimate / standardError;
    const df = only.includes(name) ? degrees(j) : NaN;
    const quantile = Number.isFinite(df) ? studentTQuantile(1 - (1 - confidence) / 2, df) : NaN;
    return { name, estimate, standardError, statistic, df, p: Number.isFinite(df) ? studentTTwoSidedP(statistic, df) : NaN, confidenceInterval: [estimate - quantile * standardError, estimate + quantile * standardError] as const };
  });
  return { coefficients, dropped: fit.dropped, clusters: G, n, residualSumOfSquares };
}
