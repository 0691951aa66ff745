/**
 * Power, sample size and minimum detectable effect for a two-arm pilot, two-sided, as
 * R's `power.prop.test` and `power.t.test` (strict = FALSE): n is per arm.
 *
 *   proportions: power = Φ((√(n (p₁ − p₂)²) − z₁₋α/₂ √((p₁ + p₂)(q₁ + q₂)/2)) / √(p₁q₁ + p₂q₂))
 *   means:       power = P(T' > t₁₋α/₂, 2(n − 1) | ncp = √(n/2) δ/σ), T' noncentral t
 * Sample size and the minimum detectable effect are found by bisection to 1e-12 (R's
 * uniroot stops at tol = ε^¼ unless given a smaller `tol`).
 */
import { normalQuantile, normalUpperTail, studentTQuantile } from "./distributions.ts";
import { noncentralTCdf } from "./noncentralT.ts";

export function powerTwoProportions(n: number, p1: number, p2: number, alpha = 0.05): number {
  const q1 = 1 - p1;
  const q2 = 1 - p2;
  const z = normalQuantile(1 - alpha / 2);
  const x = (Math.sqrt(n * (p1 - p2) ** 2) - z * Math.sqrt(((p1 + p2) * (q1 + q2)) / 2)) / Math.sqrt(p1 * q1 + p2 * q2);
  return normalUpperTail(-x);
}

export function powerTwoMeans(n: number, delta: number, sd: number, alpha = 0.05): number {
  const df = 2 * (n - 1);
  const critical = studentTQuantile(1 - alpha / 2, df);
  return 1 - noncentralTCdf(critical, df, Math.sqrt(n / 2) * (Math.abs(delta) / sd));
}

/** The x in [low, high] where an increasing f reaches the target. */
function solveIncreasing(f: (x: number) => number, target: number, low: number, high: number): number {
  if (f(high) < target) throw new Error("solveIncreasing: the target is out of reach in the interval");
  for (let i = 0; i < 300 && high - low > 1e-12 * Math.max(1, Math.abs(high)); i += 1) {
    const middle = (low + high) / 2;
    if (f(middle) < target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

export function sampleSizeTwoProportions(power: number, p1: number, p2: number, alpha = 0.05): number {
  return solveIncreasing((n) => powerTwoProportions(n, p1, p2, alpha), power, 2, 1e7);
}

export function sampleSizeTwoMeans(power: number, delta: number, sd: number, alpha = 0.05): number {
  return solveIncreasing((n) => powerTwoMeans(n, delta, sd, alpha), power, 2, 1e7);
}

/** The smallest p₂ above p₁ that n per arm detects with the given power. */
export function minimumDetectableProportion(n: number, p1: number, power: number, alpha = 0.05): number {
  return solveIncreasing((p2) => powerTwoProportions(n, p1, p2, alpha), power, p1, 1 - 1e-10);
}

/** The smallest difference in means (in the units of sd) that n per arm detects with the given power. */
export function minimumDetectableDifference(n: number, sd: number, power: number, alpha = 0.05): number {
  return solveIncreasing((delta) => powerTwoMeans(n, delta, sd, alpha), power, 0, 100 * sd);
}
