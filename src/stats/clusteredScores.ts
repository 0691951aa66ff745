/**
 * Cluster-robust covariances from per-unit scores, for the models whose variance is a sandwich of
 * summed scores:
 *
 *   logistic / Poisson (`sandwich::vcovCL(glm, cluster =, type)`):
 *     V = c · B [Σ_g (Σ_{i∈g} sᵢxᵢ)(Σ_{i∈g} sᵢxᵢ)ᵀ] B,   B = (XᵀWX)⁻¹,
 *     c = G/(G − 1) for "HC0" (vcovCL's default cadjust), and also (N − 1)/(N − K) for "HC1";
 *   Cox (`coxph(..., cluster = g)`): V = Σ_g (Σ_{i∈g} dfbetaᵢ)(Σ_{i∈g} dfbetaᵢ)ᵀ, no small-sample factor.
 *
 * Reference: Zeileis, Köll & Graham (2020), "Various versatile variances", J. Stat. Softw. 95(1);
 * Lin & Wei (1989); Therneau & Grambsch (2000), §8.
 */
import type { GlmFit } from "./generalizedLinearModel.ts";
import type { CoxFit } from "./coxRegression.ts";
import { sandwich } from "./robustRegression.ts";

export type GlmClusterType = "HC0" | "HC1";

/** Σ_g u_g u_gᵀ with u_g the sum of the rows of cluster g. */
export function clusteredMeat(rows: readonly (readonly number[])[], clusters: readonly string[]): { meat: number[][]; clusters: number } {
  const k = rows[0]?.length ?? 0;
  const sums = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = clusters[i]!;
    const sum = sums.get(key) ?? new Array<number>(k).fill(0);
    for (let a = 0; a < k; a += 1) sum[a]! += row[a]!;
    sums.set(key, sum);
  });
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const u of sums.values()) for (let a = 0; a < k; a += 1) for (let b = 0; b < k; b += 1) meat[a]![b]! += u[a]! * u[b]!;
  return { meat, clusters: sums.size };
}

/** vcovCL of a logistic or Poisson fit. `columns` are the model's design columns (the fit keeps those named in fit.names). */
export function glmClusterCovariance(fit: GlmFit, columns: readonly { name: string; values: ArrayLike<number> }[], clusters: readonly string[], type: GlmClusterType): number[][] {
  const kept = fit.names.map((name) => columns.find((c) => c.name === name)!.values);
  const n = fit.scoreWeights.length;
  const rows = Array.from({ length: n }, (_, i) => kept.map((column) => fit.scoreWeights[i]! * (column[i] as number)));
  const { meat, clusters: G } = clusteredMeat(rows, clusters);
  if (G < 2) throw new Error("glmClusterCovariance needs at least two clusters");
  const c = (G / (G - 1)) * (type === "HC1" ? (n - 1) / (n - kept.length) : 1);
  return sandwich(fit.modelCovariance, meat).map((row) => row.map((v) => v * c));
}

/** coxph's robust variance with `cluster =`: the outer products of each cluster's summed dfbeta. */
export function coxClusterVariance(fit: CoxFit, clusters: readonly string[]): number[][] {
  return clusteredMeat(fit.dfbeta, clusters).meat;
}
