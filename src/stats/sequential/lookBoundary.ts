/**
 * The efficacy boundary at one look of an α-spending design (Lan & DeMets 1983): the z that the
 * chance under no effect of first crossing here — having continued at every earlier look — equals
 * the α this look may spend, α(t_k) − α(t_{k−1}). Earlier looks are taken as they were held (their
 * fractions and boundaries as recorded), so a look at an unplanned time spends by the function at its
 * actual fraction. A futility bound is non-binding: it never lowers the efficacy boundary.
 */
import { continuationGrid, exitProbabilities, type LookRegion } from "./sequentialIntegration.ts";
import { spentAlpha, type Spending } from "./spending/index.ts";

export interface SpendingPlan {
  /** The overall error probability: two-sided when `sides` is 2 (split equally between the sides). */
  readonly alpha: number;
  readonly sides: 1 | 2;
  readonly spending: Spending;
}

/** An efficacy look already held: its information fraction, boundary (z) and cumulative α spent. */
export interface HeldLook {
  readonly fraction: number;
  readonly boundary: number;
  readonly alphaSpent: number;
}

export interface LookBoundaryResult {
  readonly fraction: number;
  /** Cross when Z ≥ boundary (two-sided: |Z| ≥ boundary); Infinity when this look spends nothing. */
  readonly boundary: number;
  /** α spent by this look and every earlier one. */
  readonly alphaSpent: number;
}

/** Under no effect the continuation region of an efficacy-only look. */
export function efficacyRegion(plan: SpendingPlan, look: { fraction: number; boundary: number }): LookRegion {
  return { fraction: look.fraction, lower: plan.sides === 2 ? -look.boundary : -Infinity, upper: look.boundary };
}

/**
 * Where a decreasing f crosses `target` in [low, high], to 1e-12 in x: regula falsi with the
 * Illinois step (Dowell & Jarratt 1971), falling back to bisection; an end when f never crosses.
 */
export function solveDecreasing(f: (x: number) => number, target: number, low: number, high: number): number {
  let fLow = f(low) - target;
  let fHigh = f(high) - target;
  if (fLow <= 0) return low;
  if (fHigh >= 0) return high;
  let side = 0;
  for (let i = 0; i < 200 && high - low > 1e-12; i += 1) {
    let x = (low * fHigh - high * fLow) / (fHigh - fLow);
    if (!(x > low && x < high) || i % 8 === 7) x = (low + high) / 2;
    const fx = f(x) - target;
    if (fx === 0) return x;
    if (fx > 0) {
      low = x;
      fLow = fx;
      if (side === 1) fHigh /= 2;
      side = 1;
    } else {
      high = x;
      fHigh = fx;
      if (side === -1) fLow /= 2;
      side = -1;
    }
  }
  return (low + high) / 2;
}

/**
 * @param plan α, sides and spending function
 * @param held the looks already held, in order
 * @param fraction this look's information fraction (may pass 1 when more information came than planned)
 * @param final true when this look ends the evaluation: it spends all α left, whatever its fraction
 * @example lookBoundary({ alpha: 0.025, sides: 1, spending: { kind: "obf" } }, [], 0.5, false).boundary // 2.9626 (rpact asOF, kMax 2)
 */
export function lookBoundary(plan: SpendingPlan, held: readonly HeldLook[], fraction: number, final: boolean): LookBoundaryResult {
  const before = held.at(-1)?.alphaSpent ?? 0;
  const alphaSpent = final || fraction >= 1 ? plan.alpha : Math.max(before, spentAlpha(plan.spending, plan.alpha, plan.sides, fraction));
  const increment = alphaSpent - before;
  if (!(increment > 1e-15)) return { fraction, boundary: Infinity, alphaSpent: before };
  const grid = continuationGrid(held.map((look) => efficacyRegion(plan, look)), fraction, 0);
  const exit = (z: number) => {
    const { above, below } = exitProbabilities(grid, fraction, plan.sides === 2 ? -z : -Infinity, z, 0);
    return above + below;
  };
  return { fraction, boundary: solveDecreasing(exit, increment, -12, 40), alphaSpent };
}

/**
 * The efficacy boundaries of a whole design at planned fractions (rpact
 * `getDesignGroupSequential(typeOfDesign = "asOF" | "asP" | "asHSD" | "asUser")$criticalValues`).
 * The last fraction is the final analysis and spends all of α.
 */
export function efficacyBoundaries(plan: SpendingPlan, fractions: readonly number[]): HeldLook[] {
  const looks: HeldLook[] = [];
  fractions.forEach((fraction, k) => looks.push(lookBoundary(plan, looks, fraction, k === fractions.length - 1)));
  return looks;
}
