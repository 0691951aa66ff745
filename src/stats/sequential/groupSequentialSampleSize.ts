/**
 * Persons per arm for a group-sequential comparison of two shares (rpact
 * `getSampleSizeRates(design, pi1, pi2)`, two groups, equal allocation, difference, no margin):
 * the single-look size
 *   n = (z₁₋α/s √(2 p̄ q̄) + z₁₋β √(p₁q₁ + p₂q₂))² / (p₁ − p₂)²   per arm (p̄ the mean share),
 * times the design's inflation factor for the maximum, and times its expected-information shares
 * for the expected persons under no effect and under the effect.
 */
import { normalQuantile } from "../distributions.ts";
import type { DesignCharacteristics } from "./designCharacteristics.ts";

export interface SequentialSampleSize {
  readonly fixedPerArm: number;
  readonly maximumPerArm: number;
  readonly expectedPerArmH0: number;
  readonly expectedPerArmH1: number;
}

/** @example groupSequentialSampleSizeRates(0.4, 0.55, 0.05, 2, 0.2, characteristics) */
export function groupSequentialSampleSizeRates(
  base: number,
  target: number,
  alpha: number,
  sides: 1 | 2,
  beta: number,
  characteristics: Pick<DesignCharacteristics, "inflationFactor" | "expectedShareH0" | "expectedShareH1">,
): SequentialSampleSize {
  if (!(base > 0 && base < 1 && target > 0 && target < 1 && base !== target)) throw new Error("groupSequentialSampleSizeRates requires two different shares in (0, 1)");
  const mean = (base + target) / 2;
  const root = normalQuantile(1 - alpha / sides) * Math.sqrt(2 * mean * (1 - mean)) + normalQuantile(1 - beta) * Math.sqrt(base * (1 - base) + target * (1 - target));
  const fixedPerArm = (root * root) / ((target - base) * (target - base));
  return {
    fixedPerArm,
    maximumPerArm: fixedPerArm * characteristics.inflationFactor,
    expectedPerArmH0: fixedPerArm * characteristics.expectedShareH0,
    expectedPerArmH1: fixedPerArm * characteristics.expectedShareH1,
  };
}
