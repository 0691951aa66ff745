/**
 * A group-sequential design for `effekt design --looks`: the efficacy boundary at every look
 * (z and nominal p), the α spent, optional non-binding futility bounds, the inflation of the
 * maximum sample size against one look, the expected sample size under no effect and under the
 * effect, and power — rpact's getDesignGroupSequential + getDesignCharacteristics (+
 * getSampleSizeRates when the two shares are given).
 */
import { normalUpperTail } from "../stats/distributions.ts";
import { betaSpendingFutility } from "../stats/sequential/betaSpendingFutility.ts";
import { designCharacteristics, type DesignCharacteristics } from "../stats/sequential/designCharacteristics.ts";
import { groupSequentialSampleSizeRates, type SequentialSampleSize } from "../stats/sequential/groupSequentialSampleSize.ts";
import { efficacyBoundaries, type SpendingPlan } from "../stats/sequential/lookBoundary.ts";
import type { Spending } from "../stats/sequential/spending/index.ts";

export interface SequentialDesignInput extends SpendingPlan {
  /** Information fractions of the looks, increasing, the last 1. */
  readonly fractions: readonly number[];
  /** The power wanted (1 − β). */
  readonly power: number;
  /** β-spending for non-binding futility bounds (one-sided designs only), or null. */
  readonly futility: Spending | null;
  /** The comparison group's share and the share hoped for, to size the design in persons; or null. */
  readonly shares: { readonly base: number; readonly target: number } | null;
}

export interface SequentialLook {
  readonly fraction: number;
  readonly boundary: number;
  /** The p (two-sided in a two-sided design) an estimate must be below to cross at this look. */
  readonly nominalP: number;
  readonly alphaSpent: number;
  readonly futilityBound: number | null;
}

export interface SequentialDesign {
  readonly looks: SequentialLook[];
  readonly characteristics: DesignCharacteristics;
  readonly sampleSize: SequentialSampleSize | null;
}

/** The p-value at which a z boundary is crossed: one- or two-sided as the design. */
export function nominalP(boundary: number, sides: 1 | 2): number {
  return boundary === Infinity ? 0 : sides * normalUpperTail(boundary);
}

export function sequentialDesign(input: SequentialDesignInput): SequentialDesign {
  if (input.fractions.at(-1) !== 1) throw new Error("sequentialDesign requires the last information fraction to be 1");
  const beta = 1 - input.power;
  const efficacy = efficacyBoundaries(input, input.fractions);
  const futility = input.futility && input.sides === 1 ? betaSpendingFutility(efficacy, { beta, spending: input.futility }) : null;
  const characteristics = designCharacteristics(input, efficacy, futility, beta);
  return {
    looks: efficacy.map((look, k) => ({
      fraction: look.fraction,
      boundary: look.boundary,
      nominalP: nominalP(look.boundary, input.sides),
      alphaSpent: look.alphaSpent,
      futilityBound: futility ? futility.bounds[k]! : null,
    })),
    characteristics,
    sampleSize: input.shares ? groupSequentialSampleSizeRates(input.shares.base, input.shares.target, input.alpha, input.sides, beta, characteristics) : null,
  };
}
