/**
 * A monitoring plan's non-binding futility bound at one look (one-sided plans). The drift θ is the
 * planned design's (rpact typeBetaSpending, bindingFutility = FALSE): the one at which the planned
 * looks' last futility bound meets the last efficacy boundary. At the looks actually held — their
 * fractions and efficacy boundaries as recorded — β is spent by the function at each actual
 * fraction, so at the planned fractions the bounds are the design's. The final look has none.
 */
import { betaIncrement, betaSpendingFutility, futilityBoundAt, type FutilityPlan } from "../stats/sequential/betaSpendingFutility.ts";
import { efficacyBoundaries, type HeldLook, type SpendingPlan } from "../stats/sequential/lookBoundary.ts";
import type { LookRegion } from "../stats/sequential/sequentialIntegration.ts";

/** Equally spaced looks, or the fractions as planned. */
export function plannedFractions(looks: number | readonly number[]): number[] {
  return typeof looks === "number" ? Array.from({ length: looks }, (_, k) => (k + 1) / looks) : [...looks];
}

/**
 * @param plan the one-sided efficacy plan
 * @param futility β and its spending function
 * @param planned the planned information fractions (the last 1)
 * @param looks the looks held so far and this one last: fraction and efficacy boundary
 * @returns the futility bound (z) of every look given, null at a look at or past full information
 */
export function futilityAtLooks(plan: SpendingPlan, futility: FutilityPlan, planned: readonly number[], looks: readonly Pick<HeldLook, "fraction" | "boundary">[]): (number | null)[] {
  if (plan.sides !== 1) throw new Error("futilityAtLooks requires a one-sided plan");
  const { drift } = betaSpendingFutility(efficacyBoundaries(plan, planned), futility);
  const regions: LookRegion[] = [];
  return looks.map((look, k) => {
    if (look.fraction >= 1) return null;
    const bound = Math.min(futilityBoundAt(regions, look.fraction, drift, betaIncrement(futility, k === 0 ? 0 : looks[k - 1]!.fraction, look.fraction), look.boundary), look.boundary);
    regions.push({ fraction: look.fraction, lower: bound, upper: look.boundary });
    return bound;
  });
}
