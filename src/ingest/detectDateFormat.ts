/**
 * Which date format a column is written in, worked out from all of its values — never
 * guessed from a sample. A format is the column's format when it reads every value
 * that any known format reads (values no format reads, such as `ukendt`, are left to
 * be quarantined). When two formats read every value but give different days for some
 * (`03/04/2022`: 3 April or 4 March), the column is ambiguous and must be declared;
 * when no single format reads them all (some values only dd/mm/yyyy, others only
 * yyyy-mm-dd) the column mixes formats and must be declared too.
 *
 * Complexity: O(values × formats).
 *
 * @example
 * detectDateFormat(["15-08-2022", "01-02-2023"]) // { kind: "detected", format: "dd-mm-yyyy", … }
 * detectDateFormat(["03/04/2022", "05/06/2022"]) // { kind: "ambiguous", formats: ["dd/mm/yyyy", "mm/dd/yyyy"], … }
 */
import { DATE_FORMATS, parseDate, type DateFormat } from "./parseValue.ts";

export type DateDetection =
  /** No non-empty value: nothing to detect from. */
  | { readonly kind: "empty" }
  /** No known format reads any value. */
  | { readonly kind: "unrecognised"; readonly values: number }
  | {
      readonly kind: "detected";
      readonly format: DateFormat;
      /** Distinct values the format reads. */
      readonly read: number;
      /** Distinct values no known format reads (they will be quarantined). */
      readonly unreadable: number;
    }
  /** Several formats read every value, with different days: `example` is read differently by them. */
  | { readonly kind: "ambiguous"; readonly formats: readonly DateFormat[]; readonly example: string }
  /** No format reads every readable value: each format that reads some, with how many and one value only it reads. */
  | { readonly kind: "mixed"; readonly formats: readonly { readonly format: DateFormat; readonly count: number; readonly example: string }[] };

export function detectDateFormat(values: Iterable<string>): DateDetection {
  const distinct = new Set<string>();
  for (const value of values) {
    const text = value.trim();
    if (text !== "") distinct.add(text);
  }
  if (distinct.size === 0) return { kind: "empty" };

  const readBy = new Map<DateFormat, Set<string>>(DATE_FORMATS.map((f) => [f, new Set<string>()]));
  const readable = new Set<string>();
  for (const text of distinct) {
    for (const format of DATE_FORMATS) {
      if (parseDate(text, format) !== null) {
        readBy.get(format)!.add(text);
        readable.add(text);
      }
    }
  }
  if (readable.size === 0) return { kind: "unrecognised", values: distinct.size };

  const candidates = DATE_FORMATS.filter((f) => readBy.get(f)!.size === readable.size);
  if (candidates.length === 0) {
    const formats = DATE_FORMATS.filter((f) => readBy.get(f)!.size > 0)
      .map((format) => {
        const own = [...readBy.get(format)!];
        const example = own.find((v) => DATE_FORMATS.every((other) => other === format || !readBy.get(other)!.has(v))) ?? own[0]!;
        return { format, count: own.length, example };
      })
      .sort((a, b) => b.count - a.count || DATE_FORMATS.indexOf(a.format) - DATE_FORMATS.indexOf(b.format));
    return { kind: "mixed", formats };
  }
  if (candidates.length > 1) {
    // Formats that read every value alike (01/01/2022, 12/12/2022) are not a real ambiguity.
    const example = [...readable].find((v) => new Set(candidates.map((f) => parseDate(v, f))).size > 1);
    if (example !== undefined) return { kind: "ambiguous", formats: candidates, example };
  }
  return { kind: "detected", format: candidates[0]!, read: readable.size, unreadable: distinct.size - readable.size };
}
