/**
 * Parsers for the text a register cell holds. Each returns the value or null; the
 * caller names the rule that failed. Nothing here guesses: a format is given, and a
 * cell that does not match it exactly is rejected.
 */
import { dayFromParts, mondayOfIsoWeek, type DayNumber } from "../shared/dates.ts";

/** `mm/dd/yyyy` (month first, as US-language Excel writes) and `ddmmyyyy` were appended after the first six. */
export const DATE_FORMATS = ["iso", "dd-mm-yyyy", "dd.mm.yyyy", "dd/mm/yyyy", "yyyymmdd", "ddmonyyyy", "mm/dd/yyyy", "ddmmyyyy"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const MONTH_FORMATS = ["yyyy-mm", "yyyymm"] as const;
export type MonthFormat = (typeof MONTH_FORMATS)[number];

export const WEEK_FORMATS = ["iso", "yyww"] as const;
export type WeekFormat = (typeof WEEK_FORMATS)[number];

export type DecimalSeparator = "," | ".";

const SAS_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

const DATE_PATTERNS: Record<DateFormat, RegExp> = {
  iso: /^(\d{4})-(\d{2})-(\d{2})$/,
  "dd-mm-yyyy": /^(\d{2})-(\d{2})-(\d{4})$/,
  "dd.mm.yyyy": /^(\d{2})\.(\d{2})\.(\d{4})$/,
  "dd/mm/yyyy": /^(\d{2})\/(\d{2})\/(\d{4})$/,
  yyyymmdd: /^(\d{4})(\d{2})(\d{2})$/,
  ddmonyyyy: /^(\d{2})([A-Za-z]{3})(\d{4})$/,
  "mm/dd/yyyy": /^(\d{2})\/(\d{2})\/(\d{4})$/,
  ddmmyyyy: /^(\d{2})(\d{2})(\d{4})$/,
};

/**
 * Register columns repeat the same few thousand dates and weeks millions of times:
 * parsed values are remembered (per format, up to 200,000 texts, then forgotten).
 */
function memoised<F extends string, V>(parse: (text: string, format: F) => V): (text: string, format: F) => V {
  const caches = new Map<F, Map<string, V>>();
  return (text, format) => {
    let cache = caches.get(format);
    if (!cache) caches.set(format, (cache = new Map()));
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = parse(text, format);
      if (cache.size >= 200_000) cache.clear();
      cache.set(text, value);
    }
    return value as V;
  };
}

/** A calendar date in the given format (SAS `date9.` is `ddmonyyyy`, e.g. 01JAN2022). */
export const parseDate = memoised(parseDateUncached);

function parseDateUncached(text: string, format: DateFormat): DayNumber | null {
  const match = DATE_PATTERNS[format].exec(text);
  if (!match) return null;
  const [, a, b, c] = match as unknown as [string, string, string, string];
  if (format === "iso" || format === "yyyymmdd") return dayFromParts(Number(a), Number(b), Number(c));
  if (format === "ddmonyyyy") {
    const month = SAS_MONTHS.indexOf(b.toUpperCase()) + 1;
    return month === 0 ? null : dayFromParts(Number(c), month, Number(a));
  }
  if (format === "mm/dd/yyyy") return dayFromParts(Number(c), Number(a), Number(b));
  return dayFromParts(Number(c), Number(b), Number(a));
}

/** A calendar month as a month number (year·12 + month − 1). */
export function parseMonth(text: string, format: MonthFormat): number | null {
  const match = (format === "yyyy-mm" ? /^(\d{4})-(\d{2})$/ : /^(\d{4})(\d{2})$/).exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? year * 12 + month - 1 : null;
}

/**
 * An ISO week as the day number of its Monday. `iso` is 2022-W05 or 2022W05; `yyww`
 * is DREAM's four digits (2205 = 2022 week 5; years are 20yy).
 */
export const parseWeek = memoised(parseWeekUncached);

function parseWeekUncached(text: string, format: WeekFormat): DayNumber | null {
  const match = (format === "iso" ? /^(\d{4})-?W(\d{2})$/ : /^(\d{2})(\d{2})$/).exec(text);
  if (!match) return null;
  const year = format === "iso" ? Number(match[1]) : 2000 + Number(match[1]);
  return mondayOfIsoWeek(year, Number(match[2]));
}

const NUMBER_PATTERNS: Record<DecimalSeparator, RegExp> = {
  // Decimal comma; a point may group thousands, but only in whole groups of three (1.234,5).
  ",": /^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/,
  // Decimal point; no grouping, since 1,234 would be ambiguous.
  ".": /^[-+]?\d+(\.\d+)?$/,
};

/** A finite decimal number written with the given decimal separator. */
export function parseNumber(text: string, decimal: DecimalSeparator): number | null {
  if (!NUMBER_PATTERNS[decimal].test(text)) return null;
  const normalised = decimal === "," ? text.replace(/\./g, "").replace(",", ".") : text;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}
