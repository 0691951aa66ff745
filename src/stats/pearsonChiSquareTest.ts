/**
 * Pearson's χ² test of independence on an r × c table of counts, without continuity
 * correction (R `chisq.test(table, correct = FALSE)`): X² = Σ (O − E)² / E with
 * E = row total · column total / N, df = (r − 1)(c − 1). Rows or columns that are all
 * zero are dropped first, as they carry no information (R would return NaN).
 */
import { chiSquaredUpperTail } from "./distributions.ts";

export interface ChiSquareResult {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** The smallest expected count: below 5, the χ² approximation is doubtful. */
  readonly minExpected: number;
}

export function pearsonChiSquareTest(table: readonly (readonly number[])[]): ChiSquareResult {
  const rows = table.filter((row) => row.some((count) => count > 0));
  const columnCount = rows[0]?.length ?? 0;
  const keptColumns = [...Array(columnCount).keys()].filter((j) => rows.some((row) => (row[j] ?? 0) > 0));
  if (rows.length < 2 || keptColumns.length < 2) throw new Error("pearsonChiSquareTest requires at least two non-empty rows and columns");
  const rowTotals = rows.map((row) => keptColumns.reduce((sum, j) => sum + row[j]!, 0));
  const columnTotals = keptColumns.map((j) => rows.reduce((sum, row) => sum + row[j]!, 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  let statistic = 0;
  let minExpected = Infinity;
  rows.forEach((row, i) =>
    keptColumns.forEach((j, k) => {
      const expected = (rowTotals[i]! * columnTotals[k]!) / total;
      minExpected = Math.min(minExpected, expected);
      statistic += (row[j]! - expected) ** 2 / expected;
    }),
  );
  const df = (rows.length - 1) * (keptColumns.length - 1);
  return { statistic, df, p: chiSquaredUpperTail(statistic, df), minExpected };
}

/**
 * χ² goodness of fit of observed counts to planned proportions
 * (R `chisq.test(x, p = proportions)`), df = k − 1.
 */
export function chiSquareGoodnessOfFit(observed: readonly number[], proportions: readonly number[]): ChiSquareResult {
  if (observed.length !== proportions.length || observed.length < 2) throw new Error("chiSquareGoodnessOfFit requires matching counts and proportions");
  const total = observed.reduce((a, b) => a + b, 0);
  const proportionTotal = proportions.reduce((a, b) => a + b, 0);
  let statistic = 0;
  let minExpected = Infinity;
  observed.forEach((count, i) => {
    const expected = (total * proportions[i]!) / proportionTotal;
    minExpected = Math.min(minExpected, expected);
    statistic += (count - expected) ** 2 / expected;
  });
  const df = observed.length - 1;
  return { statistic, df, p: chiSquaredUpperTail(statistic, df), minExpected };
}
