/**
 * Estimators for a cluster-randomised design (whole clusters — caseworkers, teams, schools,
 * families — were assigned), as estimatr:
 * - `ols`, `ols_adjusted`, `lin` with cluster-robust SEs: CR2 with Bell–McCaffrey df
 *   (`lm_robust(clusters =, se_type = "CR2")`, `lm_lin`), or CR1 (`se_type = "stata"`, df = G − 1);
 * - `difference_in_means` with clusters: the CR2 regression of y on treatment
 *   (`difference_in_means(clusters =)`);
 * - `risk_difference` with clusters: the regression of the 0/1 outcome on treatment with the chosen cluster-robust
 *   SE (`lm_robust(yb ~ z, clusters =, se_type =)`);
 * - `difference_in_means_blocked` with blocks and clusters: τ = Σⱼ (Nⱼ/N) τⱼ; when a block
 *   holds two clusters, the matched-pairs variance
 *   SE² = J/((J − 1) N²) Σⱼ (Nⱼ τⱼ − N τ / J)², df = J − 1; otherwise
 *   SE² = Σⱼ (Nⱼ/N)² SE²ⱼ with each block's CR2 SE, df = G − 2J.
 */
import { note } from "../shared/note.ts";
import { clusterRobustRegression, type ClusterSe } from "../stats/clusterRobust.ts";
import { mean } from "../stats/describe.ts";
import { baseEntry, notEstimable, noteOfModelError, relativeEffect, tEntry, type ContrastData } from "./contrastData.ts";
import type { EffectEstimate } from "./schema.ts";

type Column = { name: string; values: number[] };

export interface Clustering {
  /** Cluster of each table row. */
  readonly clusters: readonly string[];
  readonly type: ClusterSe;
  /** True when the clusters are the unit of assignment (each must hold one arm); false for `--cluster-se` at any level. */
  readonly assignment?: boolean;
  /** Block of each table row, absorbed as fixed effects (`--fixed-effects`); null without. */
  readonly fixedEffects?: readonly string[] | null;
  /** The clusters that were assigned whole (for randomisation inference), when the table has them. */
  readonly assignmentClusters?: readonly string[] | null;
}

function fromFit(data: ContrastData, estimator: EffectEstimate["estimator"], fit: ReturnType<typeof clusterRobustRegression>, type: ClusterSe, extra: Partial<EffectEstimate> = {}): EffectEstimate {
  const c = fit.coefficients.find((x) => x.name === "z");
  if (!c) return notEstimable(data, estimator, note("collinear_treatment"));
  if (!Number.isFinite(c.standardError) || c.standardError === 0) return notEstimable(data, estimator, note("perfect_fit"));
  const base = baseEntry(data, estimator);
  return {
    ...base,
    estimate: c.estimate,
    std_error: c.standardError,
    statistic: c.statistic,
    df: c.df,
    p_value: c.p,
    conf_low: c.confidenceInterval[0],
    conf_high: c.confidenceInterval[1],
    relative_effect: relativeEffect(c.estimate, base.mean_control),
    clusters: fit.clusters,
    notes: [
      type === "CR2" ? note("cluster_cr2", { clusters: fit.clusters }) : type === "CR1" ? note("cluster_cr1", { df: fit.clusters - 1 }) : note("cluster_cr0", { df: fit.clusters - 1 }),
      ...(fit.fixedEffects > 0 ? [note("fixed_effects_absorbed", { blocks: fit.fixedEffects })] : []),
    ],
    ...extra,
  };
}

/** Whether treatment is constant within every cluster of the contrast (else it was not cluster-randomised). */
function clustersNested(data: ContrastData, clusters: readonly string[]): string | null {
  const arm = new Map<string, number>();
  for (let i = 0; i < data.units.length; i += 1) {
    const c = clusters[data.units[i]!]!;
    if (arm.has(c) && arm.get(c) !== data.z[i]) return c;
    arm.set(c, data.z[i]!);
  }
  return null;
}

export function clusteredRegressionEstimate(data: ContrastData, estimator: "ols" | "ols_adjusted" | "lin" | "difference_in_means" | "risk_difference", covariates: readonly Column[], clustering: Clustering): EffectEstimate {
  const mixed = clustering.assignment === false ? null : clustersNested(data, clustering.clusters);
  if (mixed !== null) return notEstimable(data, estimator, note("cluster_mixed_arms"));
  const n = data.y.length;
  let design: Column[] = [{ name: "(Intercept)", values: new Array<number>(n).fill(1) }, { name: "z", values: [...data.z] }];
  if (estimator === "ols_adjusted") design = [...design, ...covariates];
  if (estimator === "lin") {
    const centred = covariates.map((c) => {
      const m = mean(c.values);
      return { name: c.name, values: c.values.map((v) => v - m) };
    });
    design = [...design, ...centred, ...centred.map((c) => ({ name: `z:${c.name}`, values: c.values.map((v, i) => v * data.z[i]!) }))];
  }
  const type = estimator === "difference_in_means" ? "CR2" : clustering.type;
  let fit;
  try {
    const fixedEffects = clustering.fixedEffects ? data.units.map((u) => clustering.fixedEffects![u]!) : null;
    fit = clusterRobustRegression(design, data.y, data.units.map((u) => clustering.clusters[u]!), type, data.confidence, ["z"], { fixedEffects });
  } catch (error) {
    return notEstimable(data, estimator, noteOfModelError(error));
  }
  const dropped = fit.dropped.filter((name) => name !== "z").map((name) => name.replace(/^z:/, ""));
  return fromFit(data, estimator, fit, type, estimator === "ols_adjusted" || estimator === "lin" ? { dropped_covariates: [...new Set(dropped)] } : {});
}

export function blockedClusteredDifferenceInMeans(data: ContrastData, blockOfUnit: readonly string[], clusters: readonly string[]): EffectEstimate {
  const estimator = "difference_in_means_blocked" as const;
  const mixed = clustersNested(data, clusters);
  if (mixed !== null) return notEstimable(data, estimator, note("cluster_mixed_arms"));
  const blocks = new Map<string, number[]>();
  data.units.forEach((unit, i) => {
    const key = blockOfUnit[unit]!;
    if (!blocks.has(key)) blocks.set(key, []);
    blocks.get(key)!.push(i);
  });
  const clustersIn = (members: number[]) => new Set(members.map((i) => clusters[data.units[i]!]!));
  const counts = [...blocks.values()].map((m) => clustersIn(m).size);
  if (counts.some((c) => c < 2)) return notEstimable(data, estimator, note("block_needs_two_clusters"));
  const pairs = counts.some((c) => c === 2);
  const n = data.units.length;
  const J = blocks.size;
  const perBlock: { n: number; tau: number; se: number; clusters: number }[] = [];
  for (const members of blocks.values()) {
    const y = members.map((i) => data.y[i]!);
    const z = members.map((i) => data.z[i]!);
    const treated = y.filter((_, k) => z[k] === 1);
    const control = y.filter((_, k) => z[k] === 0);
    if (treated.length === 0 || control.length === 0) return notEstimable(data, estimator, note("block_lacks_arm"));
    const tau = mean(treated) - mean(control);
    let se = NaN;
    if (!pairs) {
      const sub: ContrastData = { ...data, units: members.map((i) => data.units[i]!), y, z };
      const fit = clusterRobustRegression([{ name: "(Intercept)", values: y.map(() => 1) }, { name: "z", values: z }], y, sub.units.map((u) => clusters[u]!), "CR2", data.confidence, []);
      se = fit.coefficients.find((c) => c.name === "z")!.standardError;
    }
    perBlock.push({ n: members.length, tau, se, clusters: clustersIn(members).size });
  }
  const estimate = perBlock.reduce((sum, b) => sum + (b.n / n) * b.tau, 0);
  let standardError: number;
  let df: number;
  if (pairs) {
    standardError = Math.sqrt((J / ((J - 1) * n * n)) * perBlock.reduce((sum, b) => sum + (b.n * b.tau - (n * estimate) / J) ** 2, 0));
    df = J - 1;
  } else {
    standardError = Math.sqrt(perBlock.reduce((sum, b) => sum + (b.n / n) ** 2 * b.se ** 2, 0));
    df = perBlock.reduce((sum, b) => sum + b.clusters, 0) - 2 * J;
  }
  if (!(standardError > 0) || !(df > 0)) return notEstimable(data, estimator, note("too_few_blocks_or_clusters"));
  return {
    ...tEntry(data, estimator, estimate, standardError, df),
    clusters: perBlock.reduce((sum, b) => sum + b.clusters, 0),
    notes: [pairs ? note("blocks_clusters_pairs", { df: J - 1 }) : note("blocks_clusters_cr2", { df })],
  };
}
