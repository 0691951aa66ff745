/**
 * Mean and sample variance (n − 1) in one pass each, with the two-pass correction
 * (Chan, Golub & LeVeque 1983) so that large offsets do not cost digits.
 */

export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) throw new Error("mean requires at least one value");
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i]!;
  const first = sum / values.length;
  let correction = 0;
  for (let i = 0; i < values.length; i += 1) correction += values[i]! - first;
  return first + correction / values.length;
}

/** Sample variance with denominator n − 1 (R `var`). */
export function sampleVariance(values: ArrayLike<number>): number {
  if (values.length < 2) throw new Error("sampleVariance requires at least two values");
  const m = mean(values);
  let squares = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    const d = values[i]! - m;
    squares += d * d;
    sum += d;
  }
  return (squares - (sum * sum) / values.length) / (values.length - 1);
}
