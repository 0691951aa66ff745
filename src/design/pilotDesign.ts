/**
 * Pilot design for a share outcome (e.g. in work 12 months after release): power at a
 * target, the persons per arm needed for it, the minimum detectable effect at the
 * planned size — and, given a business case, the smallest effect that still breaks even
 * and whether the pilot could detect it.
 */
import { minimumDetectableProportion, powerTwoProportions, sampleSizeTwoProportions } from "../stats/power.ts";
import type { CaseProjection } from "../project/schema.ts";

export interface PilotDesignInput {
  /** Persons per arm. */
  readonly n: number;
  /** The comparison group's share. */
  readonly base: number;
  /** The share hoped for in the programme arm. */
  readonly target: number | null;
  readonly alpha: number;
  readonly power: number;
}

export interface PilotDesign {
  readonly n: number;
  readonly base: number;
  readonly alpha: number;
  readonly power: number;
  readonly powerAtTarget: number | null;
  readonly personsPerArmForTarget: number | null;
  readonly minimumDetectableShare: number;
  readonly minimumDetectableEffect: number;
  readonly breakEven: { readonly case: string; readonly effect: number; readonly detectable: boolean; readonly explanation: string } | null;
}

/**
 * The smallest effect that breaks even for society: savings scale with the effect, so it
 * is the stated effect × cost ÷ savings (all lines scaled together, as the case's scenarios do).
 */
export function breakEvenEffect(projection: CaseProjection, statedEffect: number): number {
  const base = projection.scenarios[0];
  if (!base) throw new Error("breakEvenEffect requires a projected case");
  return (statedEffect * base.interventionCostTotal) / base.totals.society;
}

export function pilotDesign(input: PilotDesignInput, businessCase: { projection: CaseProjection; statedEffect: number } | null): PilotDesign {
  const mdeShare = minimumDetectableProportion(input.n, input.base, input.power, input.alpha);
  const mde = mdeShare - input.base;
  let breakEven: PilotDesign["breakEven"] = null;
  if (businessCase) {
    const effect = breakEvenEffect(businessCase.projection, businessCase.statedEffect);
    const detectable = effect >= mde;
    breakEven = {
      case: businessCase.projection.name,
      effect,
      detectable,
      explanation: detectable
        ? `an effect of ${(100 * effect).toFixed(1)} percentage points breaks even, and ${input.n} persons per arm detect effects from ${(100 * mde).toFixed(1)} points`
        : `an effect of ${(100 * effect).toFixed(1)} percentage points already breaks even, but ${input.n} persons per arm only detect effects from ${(100 * mde).toFixed(1)} points (${Math.ceil(sampleSizeTwoProportions(input.power, input.base, Math.min(0.999999, input.base + effect), input.alpha))} per arm would be needed)`,
    };
  }
  return {
    n: input.n,
    base: input.base,
    alpha: input.alpha,
    power: input.power,
    powerAtTarget: input.target === null ? null : powerTwoProportions(input.n, input.base, input.target, input.alpha),
    personsPerArmForTarget: input.target === null ? null : sampleSizeTwoProportions(input.power, input.base, input.target, input.alpha),
    minimumDetectableShare: mdeShare,
    minimumDetectableEffect: mde,
    breakEven,
  };
}
