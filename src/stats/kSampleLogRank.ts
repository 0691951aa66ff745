/**
 * The log-rank test of k ≥ 2 survival curves, as R's `survival::survdiff(Surv(time, event) ~ group)`
 * (rho = 0): per group j, observed O_j and expected E_j = Σ_t d_t n_jt / n_t events, and the
 * hypergeometric covariance V_jl = Σ_t d_t (n_jt/n_t)(δ_jl − n_lt/n_t)(n_t − d_t)/(n_t − 1);
 * χ² = (O − E)ᵀ V⁻ (O − E) on k − 1 df, V⁻ taken by leaving out the last group.
 *
 * Reference: Mantel (1966); Peto & Peto (1972); Klein & Moeschberger (2003), §7.3.
 */
import { chiSquaredUpperTail } from "./distributions.ts";
import { waldStatistic } from "./matrix.ts";

export interface KSampleLogRank {
  /** The groups in sorted order, as survdiff's factor levels. */
  readonly groups: readonly string[];
  readonly observed: readonly number[];
  readonly expected: readonly number[];
  readonly variance: readonly (readonly number[])[];
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

export function kSampleLogRank(time: readonly number[], event: readonly number[], group: readonly string[]): KSampleLogRank {
  const groups = [...new Set(group)].sort();
  const k = groups.length;
  if (k < 2) throw new Error("kSampleLogRank requires at least two groups");
  const index = group.map((g) => groups.indexOf(g));
  const order = time.map((_, i) => i).sort((a, b) => time[a]! - time[b]!);
  const atRisk = groups.map((_, j) => index.filter((g) => g === j).length);
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let m = 0; m < order.length; ) {
    const t = time[order[m]!]!;
    const deaths = new Array<number>(k).fill(0);
    const leaving = new Array<number>(k).fill(0);
    while (m < order.length && time[order[m]!] === t) {
      const i = order[m]!;
      if (event[i] === 1) deaths[index[i]!]! += 1;
      leaving[index[i]!]! += 1;
      m += 1;
    }
    const d = deaths.reduce((a, b) => a + b, 0);
    const total = atRisk.reduce((a, b) => a + b, 0);
    if (d > 0) {
      const factor = total > 1 ? (d * (total - d)) / (total - 1) : 0;
      for (let j = 0; j < k; j += 1) {
        observed[j]! += deaths[j]!;
        expected[j]! += (d * atRisk[j]!) / total;
        for (let l = 0; l < k; l += 1) variance[j]![l]! += factor * (atRisk[j]! / total) * ((j === l ? 1 : 0) - atRisk[l]! / total);
      }
    }
    for (let j = 0; j < k; j += 1) atRisk[j]! -= leaving[j]!;
  }
  const difference = observed.slice(0, k - 1).map((o, j) => o - expected[j]!);
  const statistic = waldStatistic(difference, variance.slice(0, k - 1).map((row) => row.slice(0, k - 1)));
  return { groups, observed, expected, variance, statistic, df: k - 1, pValue: chiSquaredUpperTail(statistic, k - 1) };
}
