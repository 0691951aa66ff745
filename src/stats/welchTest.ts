/**
 * Welch's two-sample t test (R `t.test(x, y)`, var.equal = FALSE): the difference of
 * means x̄ − ȳ, its standard error √(s²ₓ/nₓ + s²ᵧ/nᵧ), Welch–Satterthwaite degrees of
 * freedom (s²ₓ/nₓ + s²ᵧ/nᵧ)² / [(s²ₓ/nₓ)²/(nₓ−1) + (s²ᵧ/nᵧ)²/(nᵧ−1)], and the two-sided
 * p-value and confidence interval from the t distribution.
 * Reference: Welch, B. L. (1947), Biometrika 34, 28–35.
 */
import { mean, sampleVariance } from "./describe.ts";
import { studentTQuantile, studentTTwoSidedP } from "./distributions.ts";

export interface WelchResult {
  readonly difference: number;
  readonly standardError: number;
  readonly t: number;
  readonly df: number;
  readonly p: number;
  readonly confidenceInterval: readonly [number, number];
}

/**
 * @example welchTest([1, 2, 3, 4], [2, 4, 6, 8, 10]).p // 0.0691... (R t.test, scipy ttest_ind(equal_var=False))
 */
export function welchTest(x: ArrayLike<number>, y: ArrayLike<number>, confidence = 0.95): WelchResult {
  if (x.length < 2 || y.length < 2) throw new Error("welchTest requires at least two values per group");
  const vx = sampleVariance(x) / x.length;
  const vy = sampleVariance(y) / y.length;
  const difference = mean(x) - mean(y);
  const standardError = Math.sqrt(vx + vy);
  if (standardError === 0) throw new Error("welchTest requires data that are not constant in both groups");
  const df = (vx + vy) ** 2 / ((vx * vx) / (x.length - 1) + (vy * vy) / (y.length - 1));
  const t = difference / standardError;
  const margin = studentTQuantile(1 - (1 - confidence) / 2, df) * standardError;
  return { difference, standardError, t, df, p: studentTTwoSidedP(t, df), confidenceInterval: [difference - margin, difference + margin] };
}
