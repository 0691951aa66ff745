/**
 * Small-cell suppression for everything that leaves the tool: a count of 1 to
 * (threshold − 1) persons is shown as "<threshold"; figures that would reveal it (a share
 * of a small group, the one other cell of a group that sums to a shown total) are
 * suppressed too. Zero is shown: it describes no one.
 */

export type Cell = number | string | null;

export function isSmall(count: number | null | undefined, threshold: number): boolean {
  return count !== null && count !== undefined && count > 0 && count < threshold;
}

/** A count as it may be shown. */
export function count(value: number | null | undefined, threshold: number): Cell {
  if (value === null || value === undefined) return null;
  return isSmall(value, threshold) ? `<${threshold}` : value;
}

/**
 * Counts that add up to a shown total: primary suppression of small cells, then, if
 * exactly one cell is suppressed, the smallest other non-zero cell as well, so the
 * total does not give the small one away.
 */
export function countsOfTotal(values: readonly number[], threshold: number): Cell[] {
  const suppressed = values.map((v) => isSmall(v, threshold));
  if (suppressed.filter(Boolean).length === 1) {
    let pick = -1;
    values.forEach((v, i) => {
      if (!suppressed[i] && v > 0 && (pick < 0 || v < values[pick]!)) pick = i;
    });
    if (pick >= 0) suppressed[pick] = true;
  }
  return values.map((v, i) => (suppressed[i] ? (isSmall(v, threshold) ? `<${threshold}` : "x") : v));
}

/** A share of a group of n: suppressed when it describes fewer than threshold persons on either side. */
export function shareOf(share: number | null, n: number, threshold: number): boolean {
  if (share === null) return false;
  const having = Math.round(share * n);
  return isSmall(having, threshold) || isSmall(n - having, threshold) || isSmall(n, threshold);
}
