/**
 * What a group-sequential design costs and gives (rpact `getDesignCharacteristics`; Jennison &
 * Turnbull 2000 §2.6): the drift θ (expected z at full information) at which it has the wanted
 * power, the inflation factor of the maximum sample size against a single look
 * (θ / (z₁₋α/s + z₁₋β))², the power at that drift, and the expected information (as a share of the
 * single-look sample size) under no effect, half the effect and the effect: Σ_k t_k P(stop at k).
 */
import { normalQuantile } from "../distributions.ts";
import { solveDecreasing, type HeldLook, type SpendingPlan } from "./lookBoundary.ts";
import { sequentialExitProbabilities, type LookRegion } from "./sequentialIntegration.ts";

export interface DesignCharacteristics {
  readonly drift: number;
  readonly inflationFactor: number;
  readonly power: number;
  /** Expected sample size as a share of the single-look design's: under no effect, half the effect, the effect. */
  readonly expectedShareH0: number;
  readonly expectedShareH01: number;
  readonly expectedShareH1: number;
  /** Per look under the effect: the chance of rejecting in its direction, and of stopping otherwise. */
  readonly rejectionProbabilities: number[];
  readonly futilityProbabilities: number[];
}

/** The regions a design continues in: efficacy boundaries, two-sided symmetric, with optional futility bounds (one-sided). */
export function designRegions(plan: SpendingPlan, efficacy: readonly HeldLook[], futility: readonly number[] | null): LookRegion[] {
  return efficacy.map((look, k) => ({
    fraction: look.fraction,
    upper: look.boundary,
    lower: plan.sides === 2 ? -look.boundary : k < efficacy.length - 1 && futility ? futility[k]! : -Infinity,
  }));
}

/**
 * At drift θ ≥ 0, per look: the chance of rejecting in the effect's direction (what power counts,
 * as rpact), and the chance of stopping otherwise (futility, or a two-sided design's rejection the
 * wrong way) — both end the evaluation early.
 */
export function rejectionByLook(regions: readonly LookRegion[], drift: number): { rejection: number[]; futility: number[] } {
  const exits = sequentialExitProbabilities(regions, drift);
  return { rejection: exits.map((exit) => exit.above), futility: exits.map((exit) => exit.below) };
}

function expectedShare(regions: readonly LookRegion[], drift: number): number {
  const { rejection, futility } = rejectionByLook(regions, drift);
  let reached = 1;
  let share = 0;
  regions.forEach((region, k) => {
    if (k === regions.length - 1) share += region.fraction * reached;
    else {
      share += region.fraction * (rejection[k]! + futility[k]!);
      reached -= rejection[k]! + futility[k]!;
    }
  });
  return share;
}

/**
 * @param plan α, sides, spending
 * @param efficacy the design's boundaries ({@link efficacyBoundaries}), the last at fraction 1
 * @param futility futility bounds and the drift they were found at ({@link betaSpendingFutility}), or null
 * @param beta the type II error wanted (1 − power)
 */
export function designCharacteristics(
  plan: SpendingPlan,
  efficacy: readonly HeldLook[],
  futility: { bounds: readonly number[]; drift: number } | null,
  beta: number,
): DesignCharacteristics {
  const regions = designRegions(plan, efficacy, futility?.bounds ?? null);
  const power = (theta: number) => rejectionByLook(regions, theta).rejection.reduce((a, b) => a + b, 0);
  const fixed = normalQuantile(1 - plan.alpha / plan.sides) + normalQuantile(1 - beta);
  const drift = futility ? futility.drift : solveDecreasing((theta) => -power(theta), -(1 - beta), 0, fixed + 5);
  const { rejection, futility: futilityStops } = rejectionByLook(regions, drift);
  const share = (theta: number) => (expectedShare(regions, theta) * drift * drift) / (fixed * fixed);
  return {
    drift,
    inflationFactor: (drift * drift) / (fixed * fixed),
    power: rejection.reduce((a, b) => a + b, 0),
    expectedShareH0: share(0),
    expectedShareH01: share(drift / 2),
    expectedShareH1: share(drift),
    rejectionProbabilities: rejection,
    futilityProbabilities: futilityStops,
  };
}
