/**
 * Difference in means, as estimatr's `difference_in_means`: unblocked, Welch's test
 * (R t.test); blocked, τ = Σⱼ (Nⱼ/N) τⱼ with SE = √(Σⱼ (Nⱼ/N)² (s²ₜⱼ/nₜⱼ + s²꜀ⱼ/n꜀ⱼ))
 * and df = N − 2J (Gerber & Green 2012, eq. 3.10).
 */
import { note } from "../shared/note.ts";
import { mean, sampleVariance } from "../stats/describe.ts";
import { welchTest } from "../stats/welchTest.ts";
import { baseEntry, notEstimable, relativeEffect, split, tEntry, type ContrastData } from "./contrastData.ts";
import type { EffectEstimate } from "./schema.ts";

export function differenceInMeans(data: ContrastData): EffectEstimate {
  const { treated, control } = split(data);
  if (treated.length < 2 || control.length < 2) return notEstimable(data, "difference_in_means", note("too_few_per_arm"));
  if (sampleVariance(treated) === 0 && sampleVariance(control) === 0) {
    return notEstimable(data, "difference_in_means", note("outcome_constant_in_arms"));
  }
  const welch = welchTest(treated, control, data.confidence);
  const base = baseEntry(data, "difference_in_means");
  return {
    ...base,
    estimate: welch.difference,
    std_error: welch.standardError,
    statistic: welch.t,
    df: welch.df,
    p_value: welch.p,
    conf_low: welch.confidenceInterval[0],
    conf_high: welch.confidenceInterval[1],
    relative_effect: relativeEffect(welch.difference, base.mean_control),
  };
}

export function blockedDifferenceInMeans(data: ContrastData, blockOfUnit: readonly string[]): EffectEstimate {
  const blocks = new Map<string, { treated: number[]; control: number[] }>();
  data.units.forEach((unit, i) => {
    const key = blockOfUnit[unit]!;
    const block = blocks.get(key) ?? { treated: [], control: [] };
    (data.z[i] === 1 ? block.treated : block.control).push(data.y[i]!);
    blocks.set(key, block);
  });
  const thin = [...blocks].filter(([, b]) => b.treated.length < 2 || b.control.length < 2).map(([key]) => key);
  if (thin.length > 0) {
    // The strata are not named: a stratum with fewer than two persons in an arm is a count below 5.
    return notEstimable(data, "difference_in_means_blocked", note("too_few_per_stratum"));
  }
  const n = data.units.length;
  let estimate = 0;
  let variance = 0;
  for (const block of blocks.values()) {
    const weight = (block.treated.length + block.control.length) / n;
    estimate += weight * (mean(block.treated) - mean(block.control));
    variance += weight * weight * (sampleVariance(block.treated) / block.treated.length + sampleVariance(block.control) / block.control.length);
  }
  const standardError = Math.sqrt(variance);
  if (standardError === 0) return notEstimable(data, "difference_in_means_blocked", note("outcome_constant_in_blocks"));
  const df = n - 2 * blocks.size;
  return tEntry(data, "difference_in_means_blocked", estimate, standardError, df);
}
