/**
 * Mean and sample variance (n − 1), from simple-statistics (its `sampleVariance` is the
 * two-pass sum of squared deviations, as R's `var`), with effekt's fixed phrasing for
 * the empty and single-value cases.
 */
import * as ss from "simple-statistics";

export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) throw new Error("mean requires at least one value");
  return ss.mean(Array.from(values));
}

/** Sample variance with denominator n − 1 (R `var`). */
export function sampleVariance(values: ArrayLike<number>): number {
  if (values.length < 2) throw new Error("sampleVariance requires at least two values");
  return ss.sampleVariance(Array.from(values));
}
