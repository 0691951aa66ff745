/**
 * What a rounded mean reveals of a hidden n. A mean of values that are whole multiples of a unit q (days: 1; days
 * counted in weeks: 7; a 0/1 outcome: 1) is k·q/n for a whole k. A reader who sees the mean rounded to d decimals
 * and knows n lies near a published total T (n analysed of n randomised) keeps the n for which some whole k gives a
 * mean that rounds to the printed one. 314.4117647058824 beside n = x of 239 randomised leaves only n = 238
 * (74,830 days): one person not analysed. Printed to 1 decimal (314.4), every n from 235 to 239 fits, and the mean
 * says nothing about n.
 *
 * The rule: a mean whose n is hidden may be published only if it fits every n from T − (minCell − 1) to T; else it
 * narrows down a count of 1 to minCell − 1 persons and is suppressed.
 */

/** The n among `candidates` for which a whole number k of units gives k·unit/n inside [low, high]. */
export function consistentCounts(low: number, high: number, unit: number, candidates: readonly number[]): number[] {
  return candidates.filter((n) => {
    if (n <= 0) return false;
    const kLow = Math.ceil((low * n) / unit - 1e-9);
    const kHigh = Math.floor((high * n) / unit + 1e-9);
    return kLow <= kHigh;
  });
}

/** The interval of true values that print as `shown` with `digits` decimals. */
export function roundingInterval(shown: number, digits: number): [number, number] {
  const half = 0.5 * 10 ** -digits;
  return [shown - half, shown + half];
}

/**
 * Does a mean whose true value lies in `interval` (as printed) narrow down a hidden n within minCell − 1 of the
 * published total `total`? A null unit (no common unit: truly continuous values) never does.
 *
 * @example
 * meanNarrowsCount(roundingInterval(314.4117647058824, 13), 1, 239, 5) // true: only n = 238 fits
 * meanNarrowsCount(roundingInterval(314.4, 1), 1, 239, 5) // false: 235 … 239 all fit
 */
export function meanNarrowsCount(interval: readonly [number, number], unit: number | null, total: number, minCell: number): boolean {
  if (unit === null || unit <= 0) return false;
  const window: number[] = [];
  for (let n = Math.max(1, total - (minCell - 1)); n <= total; n++) window.push(n);
  return consistentCounts(interval[0], interval[1], unit, window).length < window.length;
}
