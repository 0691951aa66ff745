/**
 * An extract's date format from its date columns' values (each value with the first
 * line it is on), when the spec does not declare one — or the issue that says why it
 * must be declared: a column that is ambiguous, mixes formats or is in no known
 * format, or columns that disagree. And, when the spec does declare day-first or
 * month-first slashes, the line that proves the other order (a "month" above 12).
 * Messages name columns, formats and lines, never the values.
 */
import { messages } from "../messages.ts";
import { issue, type Issue } from "../shared/issues.ts";
import { detectDateFormat } from "./detectDateFormat.ts";
import { DATE_FORMATS, parseDate, type DateFormat } from "./parseValue.ts";

export interface DateColumnValues {
  readonly column: string;
  /** Each distinct trimmed non-empty value → the first line it is on. */
  readonly values: ReadonlyMap<string, number>;
}

export type DateFormatChoice =
  | { readonly format: DateFormat; readonly columns: readonly { readonly column: string; readonly format: DateFormat | null }[] }
  | { readonly issue: Issue };

export function chooseDateFormat(columns: readonly DateColumnValues[], file: string): DateFormatChoice {
  const where = (column: string) => ({ file, path: [], column });
  const found: { column: string; format: DateFormat | null }[] = [];
  for (const { column, values } of columns) {
    const result = detectDateFormat(values.keys());
    const lineOf = (value: string) => values.get(value) ?? 0;
    switch (result.kind) {
      case "empty":
        found.push({ column, format: null });
        break;
      case "unrecognised": {
        let line = Infinity;
        for (const at of values.values()) if (at < line) line = at;
        return { issue: issue("date_format_unrecognised", messages.dateFormatUnrecognised(column, DATE_FORMATS), { ...where(column), line }) };
      }
      case "ambiguous":
        return { issue: issue("date_format_ambiguous", messages.dateFormatAmbiguous(column, result.formats), { ...where(column), line: lineOf(result.example) }) };
      case "mixed":
        return {
          issue: issue("date_format_mixed", messages.dateFormatMixed(column, result.formats.map((f) => ({ format: f.format, count: f.count, line: lineOf(f.example) }))), where(column)),
        };
      case "detected":
        found.push({ column, format: result.format });
        break;
    }
  }
  const formats = [...new Set(found.map((c) => c.format).filter((f): f is DateFormat => f !== null))];
  if (formats.length > 1) {
    return { issue: issue("date_formats_differ", messages.dateFormatsDiffer(found.filter((c) => c.format !== null).map((c) => ({ column: c.column, format: c.format! }))), { file, path: [] }) };
  }
  return { format: formats[0] ?? "iso", columns: found };
}

const SWAPPED: Partial<Record<DateFormat, DateFormat>> = { "dd/mm/yyyy": "mm/dd/yyyy", "mm/dd/yyyy": "dd/mm/yyyy" };

/** True when a declared format has a twin with day and month swapped, so a wrong declaration can pass silently. */
export function hasSwappedTwin(format: DateFormat): boolean {
  return SWAPPED[format] !== undefined;
}

/**
 * For a declared dd/mm/yyyy (or mm/dd/yyyy) column: the first line whose value only the
 * swapped order reads, which proves the declaration wrong for the column — or null.
 */
export function checkDeclaredDateFormat(declared: DateFormat, column: DateColumnValues, file: string): Issue | null {
  const twin = SWAPPED[declared];
  if (!twin) return null;
  let line = Infinity;
  for (const [value, at] of column.values) {
    if (at < line && parseDate(value, declared) === null && parseDate(value, twin) !== null) line = at;
  }
  if (line === Infinity) return null;
  return issue("date_format_contradicted", messages.dateFormatContradicted(column.column, declared, twin), { file, path: [], line, column: column.column });
}
