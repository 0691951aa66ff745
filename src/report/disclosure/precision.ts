/**
 * Published precision: one rule for every number that leaves under report/, so the CSV holds exactly what the HTML,
 * the workbook, the status page and a bundle show (a CSV with 314.4117647058824 beside an HTML with 314,4 publishes
 * the former). A share is published to 0.1 % (3 decimals), the mean of a count-like outcome (days, visits, hours,
 * kroner) to 1 decimal, a p-value to 3 decimals (below 0.001 to one significant digit); other columns to the digits
 * the table shows. What a rounded mean still reveals of a hidden n is judged by ./meanReveals.ts.
 */
import type { Cell } from "../suppression.ts";
import type { Column, ColumnKind, Table } from "../table.ts";

export const PUBLISHED_DIGITS = {
  /** A share (0–1): 0.1 %. */
  share: 3,
  /** The mean of a count-like outcome: days, visits, hours, kroner per person. */
  mean: 1,
  /** A p-value at or above 0.001. */
  p: 3,
} as const;

/** `value` rounded half away from zero to `digits` decimals, without binary noise (0.1 + 0.2 → 0.3). */
export function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * scale + 1e-9) / scale;
  return Number(rounded.toFixed(digits));
}

/** A p-value as published: 3 decimals; below 0.001 one significant digit (the HTML says "< 0,001"). */
export function roundP(p: number): number {
  if (!Number.isFinite(p) || p >= 0.001 || p <= 0) return roundTo(p, PUBLISHED_DIGITS.p);
  return Number(p.toPrecision(1));
}

/** The digits a mean of this outcome type is published with: a share's or a count-like mean's. */
export function meanDigits(binary: boolean): number {
  return binary ? PUBLISHED_DIGITS.share : PUBLISHED_DIGITS.mean;
}

/** The decimals a cell of this column (or row kind) is published with; null: left as it is (text, kroner, years). */
export function columnDigits(column: Column, rowKind?: ColumnKind): number | null {
  const kind = rowKind !== undefined && (column.kind === "number" || column.kind === "count") ? rowKind : column.kind;
  switch (kind) {
    case "count":
      return 0;
    case "number":
      return column.digits ?? 2;
    case "percent":
      return (column.kind === "percent" ? (column.digits ?? 1) : 1) + 2;
    case "points":
      return 3;
    default:
      return null;
  }
}

/** Every number cell of the tables rounded to its published precision (a new table; text cells untouched). */
export function toPublishedPrecision(table: Table): Table {
  const rows = table.rows.map((row, i) => {
    const out: Record<string, Cell> = { ...row };
    for (const column of table.columns) {
      const cell = row[column.key];
      if (typeof cell !== "number") continue;
      if (column.kind === "p") out[column.key] = roundP(cell);
      else {
        const digits = columnDigits(column, table.rowKinds?.[i]);
        if (digits !== null) out[column.key] = roundTo(cell, digits);
      }
    }
    return out;
  });
  return { ...table, rows };
}
