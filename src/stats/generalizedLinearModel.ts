/**
 * Logistic and Poisson regression by iteratively reweighted least squares, as R's
 * `glm`: canonical links and R's starting values, but iterated to the maximum-likelihood
 * estimate: until the largest relative change in the coefficients, |Δβⱼ| / (|βⱼ| + 1e-10),
 * is below 1e-10 (R's default stops when the deviance changes by less than 1e-8 relative,
 * which leaves the SE about 1e-6 off; `glm.control(epsilon = 1e-14)` gives these values to
 * 1e-8). Returns the model-based
 * covariance (XᵀWX)⁻¹ — R's `summary(glm)` — and the robust sandwich
 * (XᵀWX)⁻¹ [Σ sᵢ² xᵢxᵢᵀ] (XᵀWX)⁻¹ — `sandwich::vcovHC(type = "HC0")` — where
 * sᵢ = (yᵢ − μᵢ)/V(μᵢ) · wᵢ is the working residual times the working weight of the
 * last IRLS step, exactly as sandwich's estfun.glm reads them off R's glm object
 * (at convergence sᵢ = yᵢ − μᵢ).
 */
import { leastSquares } from "./leastSquares.ts";
import { sandwich } from "./robustRegression.ts";

export type Family = "binomial" | "poisson";

export interface GlmFit {
  readonly names: string[];
  readonly dropped: string[];
  readonly coefficients: number[];
  readonly modelCovariance: number[][];
  readonly robustCovariance: number[][];
  readonly iterations: number;
  readonly converged: boolean;
  /** The deviance at the estimate (R's `deviance(glm)`). */
  readonly deviance: number;
  /** True when fitted probabilities reach 0 or 1 (complete separation) or rates reach 0. */
  readonly boundary: boolean;
  /** Per unit, sandwich's estfun weight sᵢ = (yᵢ − μᵢ)/V(μᵢ) · wᵢ; the unit's score is sᵢ xᵢ. */
  readonly scoreWeights: Float64Array;
}

const MAX_ITERATIONS = 100;
const RELATIVE_TOLERANCE = 1e-10;

// numerical kernel: IRLS with R's starting values and stopping rule, and the sandwich pieces read off its last step
export function generalizedLinearModel(
  family: Family,
  columns: readonly { name: string; values: ArrayLike<number> }[],
  y: ArrayLike<number>,
  offset: ArrayLike<number> | null = null,
): GlmFit {
  const n = y.length;
  const link = (mu: number) => (family === "binomial" ? Math.log(mu / (1 - mu)) : Math.log(mu));
  const inverseLink = (eta: number) => (family === "binomial" ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta));
  const variance = (mu: number) => (family === "binomial" ? mu * (1 - mu) : mu);
  const deviance = (mu: Float64Array) => {
    let d = 0;
    for (let i = 0; i < n; i += 1) {
      const yi = y[i] as number;
      const m = mu[i]!;
      if (family === "binomial") d += -2 * (yi * Math.log(m) + (1 - yi) * Math.log(1 - m));
      else d += 2 * ((yi > 0 ? yi * Math.log(yi / m) : 0) - (yi - m));
    }
    return d;
  };
  // R's starting values: binomial μ = (y + ½)/2, poisson μ = y + 0.1.
  const mu = Float64Array.from({ length: n }, (_, i) => (family === "binomial" ? ((y[i] as number) + 0.5) / 2 : (y[i] as number) + 0.1));
  const eta = Float64Array.from(mu, (m) => link(m));
  let previousCoefficients: number[] | null = null;
  let previousDeviance = deviance(mu);
  let converged = false;
  let iterations = 0;
  let fit = null as ReturnType<typeof leastSquares> | null;
  const off = (i: number) => (offset ? (offset[i] as number) : 0);
  // The working weights of the last step: R's glm object keeps these, and sandwich's estfun uses them.
  let lastWeights = new Float64Array(n);
  for (; iterations < MAX_ITERATIONS && !converged; iterations += 1) {
    const root = new Float64Array(n);
    lastWeights = Float64Array.from(mu, (m) => variance(m));
    const z = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      const w = variance(mu[i]!); // canonical link: dμ/dη = V(μ)
      root[i] = Math.sqrt(w);
      z[i] = (eta[i]! - off(i) + ((y[i] as number) - mu[i]!) / w) * root[i]!;
    }
    fit = leastSquares(columns.map((c) => ({ name: c.name, values: Float64Array.from({ length: n }, (_, i) => (c.values[i] as number) * root[i]!) })), z);
    const kept = fit.names.map((name) => columns.find((c) => c.name === name)!.values);
    for (let i = 0; i < n; i += 1) {
      let e = off(i);
      for (let j = 0; j < kept.length; j += 1) e += (kept[j]![i] as number) * fit.coefficients[j]!;
      eta[i] = e;
      mu[i] = inverseLink(e);
    }
    const current = fit.coefficients;
    const currentDeviance = deviance(mu);
    const change =
      previousCoefficients !== null && previousCoefficients.length === current.length
        ? Math.max(...current.map((b, j) => Math.abs(b - previousCoefficients![j]!) / (Math.abs(b) + 1e-10)))
        : Infinity;
    // A coefficient at exactly 0 has no relative change to speak of: stop there when the deviance no longer moves in floating point.
    converged = change < RELATIVE_TOLERANCE || (change < 1e-6 && Math.abs(currentDeviance - previousDeviance) <= 1e-15 * Math.abs(currentDeviance));
    previousCoefficients = current;
    previousDeviance = currentDeviance;
  }
  const finalDeviance = deviance(mu);
  if (!fit) throw new Error("generalizedLinearModel requires at least one unit");
  const kept = fit.names.map((name) => columns.find((c) => c.name === name)!.values);
  const k = kept.length;
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let boundary = false;
  const scoreWeights = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    // estfun = working residual × working weight = (y − μ)/V(μ) · w, with w from the last IRLS step (as sandwich).
    const r = (((y[i] as number) - mu[i]!) / variance(mu[i]!)) * lastWeights[i]!;
    scoreWeights[i] = r;
    if (family === "binomial" ? mu[i]! < 1e-10 || mu[i]! > 1 - 1e-10 : mu[i]! < 1e-10) boundary = true;
    for (let a = 0; a < k; a += 1) for (let b = 0; b < k; b += 1) meat[a]![b]! += r * r * (kept[a]![i] as number) * (kept[b]![i] as number);
  }
  return {
    names: fit.names,
    dropped: fit.dropped,
    coefficients: fit.coefficients,
    modelCovariance: fit.xtxInverse,
    robustCovariance: sandwich(fit.xtxInverse, meat),
    iterations,
    converged,
    deviance: finalDeviance,
    boundary,
    scoreWeights,
  };
}
