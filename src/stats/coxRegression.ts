/**
 * Cox proportional-hazards regression by Newton–Raphson on the partial likelihood, as R's
 * `survival::coxph(Surv(time, event) ~ x, ties = "efron")` (the default; `"breslow"` as an
 * option): coefficients, the model-based variance (inverse information) and the robust
 * sandwich variance D'D from the dfbeta residuals (`coxph(..., robust = TRUE)`, each person
 * their own cluster; Lin & Wei 1989).
 *
 * With d tied events at a time, Efron's approximation takes the risk-set sums
 * S − (k/d)·D for k = 0 … d − 1 (D the sums over those with the event); Breslow takes S each time.
 * Covariates are centred, as coxph does; iteration stops when the largest change in a
 * coefficient is below 1e-12 (relative), so the result is the maximum of the partial likelihood.
 *
 * Reference: Cox (1972); Efron (1977); Therneau & Grambsch (2000), ch. 3 and 7.
 */
import { invertSymmetric, type Matrix } from "./matrix.ts";

export type CoxTies = "efron" | "breslow";

export interface CoxFit {
  readonly coefficients: readonly number[];
  readonly variance: Matrix;
  readonly robustVariance: Matrix;
  readonly logLikelihood: number;
  /** The partial log-likelihood at β = 0 (coxph's `loglik[1]`). */
  readonly nullLogLikelihood: number;
  /** The score test of β = 0: U(0)ᵀ I(0)⁻¹ U(0) (coxph's `score`). */
  readonly scoreStatistic: number;
  /** Per person, the dfbeta residuals (score residuals × variance): the robust variance sums their outer products. */
  readonly dfbeta: readonly (readonly number[])[];
  readonly iterations: number;
  readonly converged: boolean;
}

interface Moments {
  logLikelihood: number;
  score: number[];
  information: Matrix;
}

/**
 * @param covariates one array per covariate, one value per person
 */
// numerical kernel: Newton–Raphson on the partial likelihood with its moments, step halving and the tests at β = 0 in one place
export function coxRegression(time: readonly number[], event: readonly number[], covariates: readonly (readonly number[])[], ties: CoxTies = "efron"): CoxFit {
  const n = time.length;
  const p = covariates.length;
  if (p === 0) throw new Error("coxRegression requires at least one covariate");
  const means = covariates.map((x) => x.reduce((a, b) => a + b, 0) / n);
  const x = Array.from({ length: n }, (_, i) => covariates.map((column, j) => column[i]! - means[j]!));
  // Descending time; at equal times the events are taken together.
  const order = time.map((_, i) => i).sort((a, b) => time[b]! - time[a]!);
  const groups: number[][] = [];
  for (let k = 0; k < n; ) {
    const group: number[] = [];
    const t = time[order[k]!];
    while (k < n && time[order[k]!] === t) group.push(order[k++]!);
    groups.push(group);
  }

  const moments = (beta: readonly number[]): Moments => {
    const risk = x.map((row) => Math.exp(row.reduce((s, v, j) => s + v * beta[j]!, 0)));
    let s0 = 0;
    const s1 = new Array<number>(p).fill(0);
    const s2 = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    let logLikelihood = 0;
    const score = new Array<number>(p).fill(0);
    const information = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (const group of groups) {
      let d0 = 0;
      const d1 = new Array<number>(p).fill(0);
      const d2 = Array.from({ length: p }, () => new Array<number>(p).fill(0));
      let deaths = 0;
      for (const i of group) {
        const r = risk[i]!;
        const xi = x[i]!;
        s0 += r;
        for (let a = 0; a < p; a += 1) {
          s1[a]! += r * xi[a]!;
          for (let b = 0; b <= a; b += 1) s2[a]![b]! += r * xi[a]! * xi[b]!;
        }
        if (event[i] !== 1) continue;
        deaths += 1;
        d0 += r;
        logLikelihood += Math.log(r);
        for (let a = 0; a < p; a += 1) {
          score[a]! += xi[a]!;
          d1[a]! += r * xi[a]!;
          for (let b = 0; b <= a; b += 1) d2[a]![b]! += r * xi[a]! * xi[b]!;
        }
      }
      for (let k = 0; k < deaths; k += 1) {
        const f = ties === "efron" ? k / deaths : 0;
        const a0 = s0 - f * d0;
        logLikelihood -= Math.log(a0);
        for (let a = 0; a < p; a += 1) {
          const meanA = (s1[a]! - f * d1[a]!) / a0;
          score[a]! -= meanA;
          for (let b = 0; b <= a; b += 1) {
            const meanB = (s1[b]! - f * d1[b]!) / a0;
            information[a]![b]! += (s2[a]![b]! - f * d2[a]![b]!) / a0 - meanA * meanB;
          }
        }
      }
    }
    for (let a = 0; a < p; a += 1) for (let b = a + 1; b < p; b += 1) information[a]![b] = information[b]![a]!;
    return { logLikelihood, score, information };
  };

  let beta = new Array<number>(p).fill(0);
  let current = moments(beta);
  const atZero = current;
  const zeroInverse = invertSymmetric(atZero.information);
  const scoreStatistic = atZero.score.reduce((s, u, a) => s + u * zeroInverse[a]!.reduce((t, v, b) => t + v * atZero.score[b]!, 0), 0);
  let iterations = 0;
  let converged = false;
  while (iterations < 50) {
    iterations += 1;
    const inverse = invertSymmetric(current.information);
    const step = inverse.map((row) => row.reduce((s, v, j) => s + v * current.score[j]!, 0));
    let next = beta.map((b, j) => b + step[j]!);
    let trial = moments(next);
    // Step halving, as coxph, when the likelihood falls.
    for (let halving = 0; halving < 30 && !(trial.logLikelihood >= current.logLikelihood - 1e-12 * Math.abs(current.logLikelihood)); halving += 1) {
      next = next.map((b, j) => (b + beta[j]!) / 2);
      trial = moments(next);
    }
    const change = Math.max(...next.map((b, j) => Math.abs(b - beta[j]!) / Math.max(1, Math.abs(b))));
    beta = next;
    current = trial;
    if (change < 1e-12) {
      converged = true;
      break;
    }
  }
  const variance = invertSymmetric(current.information);
  const residuals = scoreResiduals(beta, x, event, groups, ties);
  const dfbeta = residuals.map((row) => variance.map((v) => v.reduce((s, value, j) => s + value * row[j]!, 0)));
  const robustVariance = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => dfbeta.reduce((s, row) => s + row[a]! * row[b]!, 0)));
  return { coefficients: beta, variance, robustVariance, logLikelihood: current.logLikelihood, nullLogLikelihood: atZero.logLikelihood, scoreStatistic, dfbeta, iterations, converged };
}

/**
 * Score residuals per person (coxph's `residuals(type = "score")`): the event term x_i − x̄
 * minus the person's share of the compensator, with Efron's weights 1 − k/d for those who have
 * the event at a tied time.
 */
function scoreResiduals(beta: readonly number[], x: readonly number[][], event: readonly number[], groupsDescending: readonly number[][], ties: CoxTies): number[][] {
  const p = beta.length;
  const risk = x.map((row) => Math.exp(row.reduce((s, v, j) => s + v * beta[j]!, 0)));
  const residuals = x.map(() => new Array<number>(p).fill(0));
  // Per event time: the increments h_k = 1/a_k and their weighted means x̄_k.
  const increments: { hazard: number[]; means: number[][]; weights: number[] }[] = [];
  let s0 = 0;
  const s1 = new Array<number>(p).fill(0);
  for (const group of groupsDescending) {
    for (const i of group) {
      s0 += risk[i]!;
      for (let a = 0; a < p; a += 1) s1[a]! += risk[i]! * x[i]![a]!;
    }
    const dying = group.filter((i) => event[i] === 1);
    const d = dying.length;
    const d0 = dying.reduce((s, i) => s + risk[i]!, 0);
    const d1 = Array.from({ length: p }, (_, a) => dying.reduce((s, i) => s + risk[i]! * x[i]![a]!, 0));
    const hazard: number[] = [];
    const means: number[][] = [];
    const weights: number[] = [];
    for (let k = 0; k < d; k += 1) {
      const f = ties === "efron" ? k / d : 0;
      const a0 = s0 - f * d0;
      hazard.push(1 / a0);
      means.push(s1.map((v, a) => (v - f * d1[a]!) / a0));
      weights.push(f);
    }
    increments.push({ hazard, means, weights });
  }
  // Ascending time: cumulative Σ h and Σ h x̄ over event times up to each person's time.
  const cumulativeHazard = { h: 0, hx: new Array<number>(p).fill(0) };
  for (let g = groupsDescending.length - 1; g >= 0; g -= 1) {
    const { hazard, means, weights } = increments[g]!;
    for (let k = 0; k < hazard.length; k += 1) {
      cumulativeHazard.h += hazard[k]!;
      for (let a = 0; a < p; a += 1) cumulativeHazard.hx[a]! += hazard[k]! * means[k]![a]!;
    }
    for (const i of groupsDescending[g]!) {
      const r = risk[i]!;
      for (let a = 0; a < p; a += 1) residuals[i]![a] = -r * (x[i]![a]! * cumulativeHazard.h - cumulativeHazard.hx[a]!);
      if (event[i] !== 1) continue;
      const d = hazard.length;
      for (let a = 0; a < p; a += 1) {
        let meanOfMeans = 0;
        let giveBack = 0;
        for (let k = 0; k < d; k += 1) {
          meanOfMeans += means[k]![a]! / d;
          giveBack += weights[k]! * hazard[k]! * (x[i]![a]! - means[k]![a]!);
        }
        residuals[i]![a]! += x[i]![a]! - meanOfMeans + r * giveBack;
      }
    }
  }
  return residuals;
}
