/**
 * The log-rank test of two survival curves, as R's `survival::survdiff(Surv(time, event) ~ group)`
 * (rho = 0): χ² = (O₁ − E₁)² / V with the hypergeometric variance
 * V = Σ d (n₁/n)(1 − n₁/n)(n − d)/(n − 1), on 1 degree of freedom.
 *
 * Reference: Mantel (1966); Peto & Peto (1972).
 */
import { chiSquaredUpperTail } from "./distributions.ts";

export interface LogRankResult {
  /** Observed and expected events in group 0 and group 1. */
  readonly observed: readonly [number, number];
  readonly expected: readonly [number, number];
  readonly variance: number;
  readonly statistic: number;
  readonly pValue: number;
}

/** @param group 1 or 0 per person */
export function logRank(time: readonly number[], event: readonly number[], group: readonly number[]): LogRankResult {
  const order = time.map((_, i) => i).sort((a, b) => time[a]! - time[b]!);
  let atRisk = time.length;
  let atRisk1 = group.filter((g) => g === 1).length;
  const observed: [number, number] = [0, 0];
  let expected1 = 0;
  let variance = 0;
  for (let k = 0; k < order.length; ) {
    const t = time[order[k]!]!;
    let d = 0;
    let d1 = 0;
    let leaving = 0;
    let leaving1 = 0;
    while (k < order.length && time[order[k]!] === t) {
      const i = order[k]!;
      if (event[i] === 1) {
        d += 1;
        if (group[i] === 1) d1 += 1;
      }
      leaving += 1;
      if (group[i] === 1) leaving1 += 1;
      k += 1;
    }
    if (d > 0) {
      const share = atRisk1 / atRisk;
      expected1 += d * share;
      if (atRisk > 1) variance += (d * share * (1 - share) * (atRisk - d)) / (atRisk - 1);
      observed[1] += d1;
      observed[0] += d - d1;
    }
    atRisk -= leaving;
    atRisk1 -= leaving1;
  }
  const totalEvents = observed[0] + observed[1];
  const statistic = variance > 0 ? (observed[1] - expected1) ** 2 / variance : NaN;
  return { observed, expected: [totalEvents - expected1, expected1], variance, statistic, pValue: variance > 0 ? chiSquaredUpperTail(statistic, 1) : NaN };
}
