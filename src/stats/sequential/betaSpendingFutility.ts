/**
 * Non-binding futility bounds by β-spending (Pampallona, Tsiatis & Kim 2001, Stat Med 20:1365;
 * rpact `typeBetaSpending`, one-sided designs): at the drift θ the design is powered for, the
 * chance of first falling below the futility bound at look k equals β(t_k) − β(t_{k−1}); θ is
 * the one at which the last futility bound meets the last efficacy boundary, so the power is
 * exactly 1 − β. Non-binding: the efficacy boundaries are computed as if there were no futility
 * bounds, so ignoring one never raises the type I error.
 */
import { normalQuantile } from "../distributions.ts";
import { solveDecreasing, type HeldLook } from "./lookBoundary.ts";
import { continuationGrid, exitProbabilities, type LookRegion } from "./sequentialIntegration.ts";
import { spentAlpha, type Spending } from "./spending/index.ts";

export interface FutilityPlan {
  /** The type II error the design is powered for (1 − power). */
  readonly beta: number;
  readonly spending: Spending;
}

/**
 * The futility bound at one look: the z below which the chance at drift θ of stopping here, having
 * continued at every earlier look (`regions`), is `increment` = β(t_k) − β(t_{k−1}); searched up to
 * `ceiling` (the look's efficacy boundary; −∞ when the look may spend no β).
 */
export function futilityBoundAt(regions: readonly LookRegion[], fraction: number, drift: number, increment: number, ceiling: number): number {
  if (!(increment > 1e-15)) return -Infinity;
  const grid = continuationGrid(regions, fraction, drift);
  const below = (z: number) => exitProbabilities(grid, fraction, z, Infinity, drift).below;
  // below() increases with z; solveDecreasing finds where −below crosses −increment
  return solveDecreasing((z) => -below(z), -increment, -12, Math.min(ceiling, 40));
}

/** β spent between two information fractions. */
export function betaIncrement(futility: FutilityPlan, from: number, to: number): number {
  return spentAlpha(futility.spending, futility.beta, 1, Math.min(to, 1)) - spentAlpha(futility.spending, futility.beta, 1, from);
}

/** The futility bounds (z; continue while Z > bound) at one drift, the last one unconstrained. */
function boundsAtDrift(efficacy: readonly HeldLook[], futility: FutilityPlan, drift: number): number[] {
  const regions: LookRegion[] = [];
  const bounds: number[] = [];
  efficacy.forEach((look, k) => {
    const last = k === efficacy.length - 1;
    const bound = futilityBoundAt(regions, look.fraction, drift, betaIncrement(futility, k === 0 ? 0 : efficacy[k - 1]!.fraction, look.fraction), last ? 40 : look.boundary);
    const kept = last ? bound : Math.min(bound, look.boundary);
    bounds.push(kept);
    regions.push({ fraction: look.fraction, lower: kept, upper: look.boundary });
  });
  return bounds;
}

/**
 * @param efficacy the design's efficacy boundaries (one-sided), the last at fraction 1
 * @returns the futility bound at every look (the last equal to the last efficacy boundary) and the drift θ
 */
export function betaSpendingFutility(efficacy: readonly HeldLook[], futility: FutilityPlan): { bounds: number[]; drift: number } {
  if (!(futility.beta > 0 && futility.beta < 0.5)) throw new Error("betaSpendingFutility requires 0 < beta < 0.5");
  const finalBoundary = efficacy.at(-1)!.boundary;
  const start = finalBoundary + normalQuantile(1 - futility.beta);
  // the last unconstrained bound rises with θ: find θ where it meets the last efficacy boundary
  const drift = solveDecreasing((theta) => finalBoundary - boundsAtDrift(efficacy, futility, theta).at(-1)!, 0, Math.max(0, start - 3), start + 3);
  const bounds = boundsAtDrift(efficacy, futility, drift);
  bounds[bounds.length - 1] = finalBoundary;
  return { bounds, drift };
}
