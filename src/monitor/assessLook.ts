/**
 * One look of a group-sequential analysis, from the looks held before it and this look's estimate:
 * the α spent so far, the boundary (|z| and the two-sided p an effect must be below), whether it is
 * crossed, the repeated confidence interval, and — at the look that ends the monitoring (crossed, or
 * the final one) — the stage-wise adjusted p. The estimate's own two-sided p is put on the z scale
 * (z = sign × Φ⁻¹(1 − p/2)), so "crossed" is exactly "p below the nominal p", whatever reference
 * distribution the estimator's p used, and the RCI's standard error is |estimate / z|.
 */
import { normalQuantile } from "../stats/distributions.ts";
import { lookBoundary, type HeldLook, type SpendingPlan } from "../stats/sequential/lookBoundary.ts";
import { repeatedConfidenceInterval } from "../stats/sequential/repeatedConfidenceInterval.ts";
import { stagewiseAdjustedP } from "../stats/sequential/stagewiseAdjustedP.ts";
import { nominalP } from "../design/sequentialDesign.ts";

export interface LookEstimate {
  readonly estimate: number;
  readonly stdError: number;
  /** The estimator's two-sided p. */
  readonly p: number;
}

export interface AssessedLook {
  readonly fraction: number;
  readonly alphaSpent: number;
  readonly boundary: number;
  readonly nominalP: number;
  readonly z: number;
  readonly crossed: boolean;
  readonly rci: { readonly lower: number; readonly upper: number };
  readonly adjustedP: number | null;
}

/** z on the two-sided p's scale, signed as the estimate. */
export function zOfP(estimate: number, p: number): number {
  if (p >= 1) return 0;
  const z = -normalQuantile(Math.max(p, 1e-300) / 2);
  return estimate < 0 ? -z : z;
}

/**
 * @param plan α (two-sided), sides 2, spending
 * @param held the looks before this one, as recorded
 * @param fraction this look's information fraction
 * @param estimate this look's estimate, SE and p
 * @param recorded this look as recorded earlier (its boundary and α spent are kept), or null for a new look
 * @param better in a one-sided plan, the sign of an estimate that favours the programme (z is signed so that up is better)
 */
export function assessLook(plan: SpendingPlan, held: readonly HeldLook[], fraction: number, estimate: LookEstimate, recorded: { boundary: number; alphaSpent: number } | null = null, better: 1 | -1 = 1): AssessedLook {
  const final = fraction >= 1;
  const boundary = recorded ?? lookBoundary(plan, held, fraction, final);
  const z = plan.sides === 2 ? zOfP(estimate.estimate, estimate.p) : better * zOfP(estimate.estimate, estimate.p);
  const crossed = (plan.sides === 2 ? Math.abs(z) : z) >= boundary.boundary;
  const standardError = z === 0 ? estimate.stdError : Math.abs(estimate.estimate / z);
  return {
    fraction,
    alphaSpent: boundary.alphaSpent,
    boundary: boundary.boundary,
    nominalP: nominalP(boundary.boundary, plan.sides),
    z,
    crossed,
    rci: repeatedConfidenceInterval(estimate.estimate, standardError, boundary.boundary),
    adjustedP: crossed || final ? stagewiseAdjustedP(plan, held, fraction, z) : null,
  };
}
