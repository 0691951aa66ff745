/**
 * Reads one sheet of an .xlsx workbook (the first, or a named one) with read-excel-file
 * and turns it into the same raw rows a CSV gives: the header first, then every
 * non-empty row, each numbered by its row in the sheet (the physical line, as a person
 * sees it in Excel). Cells become the text a CSV export would hold, so the rows go
 * through exactly the same validation:
 *
 *   text     as it stands;
 *   number   its shortest round-trip decimal (7.5, 1102953782), with the extract's decimal separator;
 *   boolean  TRUE / FALSE;
 *   date     a real Excel date cell: text in the date format of its column (declared or
 *            detected), so any `dateFormat` reads it; in a month column, the month format;
 *            elsewhere yyyy-mm-dd. A date cell with a time of day keeps the time
 *            (2022-08-15T13:45:00) and so is quarantined as not a date, not cut silently.
 *
 * A workbook is read into memory whole (read-excel-file has no row stream), and only after
 * checkedWorkbook has checked its parts' sizes, packing ratios and every sheet's extent against
 * src/shared/limits.ts: read-excel-file is given the checked parts alone, so a zip bomb or a
 * cell at XFD1048576 stops the run before anything is unpacked or built.
 */
import { messages } from "../../src/messages.ts";
import { issue, stopRun, StopRun } from "../../src/shared/issues.ts";
import { containsCpr } from "../../src/ingest/containsCpr.ts";
import { checkedWorkbook } from "./checkedWorkbook.ts";
import { formatDate, formatMonth } from "../../src/ingest/formatDate.ts";
import type { DateFormat, MonthFormat } from "../../src/ingest/parseValue.ts";
import type { RawRow } from "../../src/ingest/schema.ts";

export type XlsxCell = string | number | boolean | Date | null;

export interface XlsxSheet {
  /** Rows as read, index 0 = sheet row 1; trailing empty rows and columns dropped by the reader. */
  readonly rows: readonly (readonly XlsxCell[])[];
}

const MS_PER_DAY = 86_400_000;

export async function readXlsxSheet(path: string, shown: string, sheet: string | undefined): Promise<XlsxSheet> {
  try {
    // Loaded only when a workbook is read, so CSV runs do not pay for it.
    const { readSheet } = await import("read-excel-file/node");
    const workbook = await checkedWorkbook(path, shown);
    const rows = (await (sheet === undefined ? readSheet(workbook, { trim: false }) : readSheet(workbook, sheet, { trim: false }))) as unknown as XlsxCell[][];
    return { rows };
  } catch (error) {
    if (error instanceof StopRun) throw error;
    if ((error as { name?: string }).name === "SheetNotFoundError") {
      const sheets = ((error as { sheets?: string[] }).sheets ?? []).filter((name) => !containsCpr(name));
      stopRun(issue("sheet_missing", messages.xlsxSheetMissing(sheet ?? "", sheets), { file: shown, path: [] }));
    }
    stopRun(issue("xlsx_unreadable", messages.xlsxUnreadable(), { file: shown, path: [] }));
  }
}

/** How the cells of one column are written as text: a date or month field's format, else plain. */
export type ColumnFormat = { readonly type: "date"; readonly format: DateFormat } | { readonly type: "month"; readonly format: MonthFormat };

/** The index of the header row: the first row with any non-empty cell (-1 when none). */
export function headerIndex(sheet: XlsxSheet): number {
  return sheet.rows.findIndex((row) => row.some((cell) => !isEmpty(cell)));
}

/**
 * The sheet as raw rows; `formats` maps a column index to the format of its date cells.
 * As in a CSV, the header ends at its last named column, and a row with a value beyond
 * it has more fields than the header (quarantined as wrong_column_count, not dropped).
 */
export function sheetRows(sheet: XlsxSheet, decimal: "," | ".", formats: ReadonlyMap<number, ColumnFormat>): RawRow[] {
  const first = headerIndex(sheet);
  if (first < 0) return [];
  const width = lastFilled(sheet.rows[first]!) + 1;
  const out: RawRow[] = [];
  for (let i = first; i < sheet.rows.length; i += 1) {
    const row = sheet.rows[i]!;
    if (i > first && row.every(isEmpty)) continue; // as an empty line in a CSV
    const cells = Array.from({ length: Math.max(width, lastFilled(row) + 1) }, (_, column) => row[column] ?? null);
    out.push({ line: i + 1, fields: cells.map((cell, column) => cellText(cell, decimal, formats.get(column))) });
  }
  return out;
}

function lastFilled(row: readonly XlsxCell[]): number {
  for (let i = row.length - 1; i >= 0; i -= 1) if (!isEmpty(row[i]!)) return i;
  return -1;
}

function isEmpty(cell: XlsxCell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

export function cellText(cell: XlsxCell, decimal: "," | ".", format: ColumnFormat | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") return decimal === "," ? String(cell).replace(".", ",") : String(cell);
  const ms = cell.getTime();
  if (!Number.isFinite(ms)) return "(unreadable date cell)"; // not a date: quarantined, never empty
  if (ms % MS_PER_DAY !== 0) return cell.toISOString().slice(0, 19);
  const day = ms / MS_PER_DAY;
  if (format?.type === "date") return formatDate(day, format.format);
  if (format?.type === "month") return formatMonth(day, format.format);
  return formatDate(day, "iso");
}
