/**
 * Builds the zod schema that validates one row of an extract: each source cell is
 * parsed into its canonical field, and every failure becomes an issue that carries
 * the rule it broke (`params.rule`) so the quarantine file can name it.
 */
import { z } from "zod";
import { messages, type Rule } from "../messages.ts";
import type { FieldDefinition } from "./extractKinds.ts";
import type { PlausibleRange } from "./plausibility.ts";
import { parseDate, parseMonth, parseNumber, parseWeek, type DateFormat, type DecimalSeparator, type MonthFormat, type WeekFormat } from "./parseValue.ts";

export interface CellFormats {
  readonly dateFormat: DateFormat;
  readonly monthFormat: MonthFormat;
  readonly weekFormat: WeekFormat;
  readonly decimal: DecimalSeparator;
  /** Source value → canonical value, for category fields. */
  readonly values?: Readonly<Record<string, string>>;
  /** Known benefit codes, for code fields that must be in the benefit-code file. */
  readonly knownCodes?: ReadonlySet<string>;
  /** Plausibility bounds (day numbers for dates and weeks, month numbers for months) and the spec setting that overrides them. */
  readonly bounds?: PlausibleRange & { readonly setting: string };
}

export type CellResult = { readonly ok: true; readonly value: string | number | null } | { readonly ok: false; readonly rule: Rule; readonly message: string };

const bad = (rule: Rule, message: string): CellResult => ({ ok: false, rule, message });

/**
 * Parses one cell into its canonical value, or names the rule it breaks. The zod schema
 * below and the ingest fast path both call this, so they accept and reject exactly the same cells.
 */
export function parseCell(definition: FieldDefinition, formats: CellFormats, raw: string): CellResult {
  const text = raw.trim();
  if (text === "") return definition.required ? bad("missing_value", messages.rule.missing_value()) : { ok: true, value: null };
  let value: string | number | null;
  switch (definition.type) {
    case "id":
      return /^\S{1,64}$/.test(text) ? { ok: true, value: text } : bad("invalid_id", messages.rule.invalid_id());
    case "text":
    case "code":
      return { ok: true, value: text };
    case "benefit_code":
      return !formats.knownCodes || formats.knownCodes.has(text) ? { ok: true, value: text } : bad("unknown_benefit_code", messages.rule.unknown_benefit_code());
    case "category": {
      const mapped = formats.values ? formats.values[text] : text;
      const allowed = definition.categories ?? [];
      return mapped !== undefined && allowed.includes(mapped) ? { ok: true, value: mapped } : bad("unknown_category", messages.rule.unknown_category(allowed));
    }
    case "date":
      value = parseDate(text, formats.dateFormat);
      return value === null ? bad("invalid_date", messages.rule.invalid_date(formats.dateFormat)) : plausible(value, formats);
    case "month":
      value = parseMonth(text, formats.monthFormat);
      return value === null ? bad("invalid_month", messages.rule.invalid_month(formats.monthFormat)) : plausible(value, formats);
    case "week":
      value = parseWeek(text, formats.weekFormat);
      return value === null ? bad("invalid_week", messages.rule.invalid_week(formats.weekFormat)) : plausible(value, formats);
    case "number": {
      value = parseNumber(text, formats.decimal);
      if (value === null) return bad("invalid_number", messages.rule.invalid_number(formats.decimal));
      if (significantDigits(text) > 15) return bad("too_many_digits", messages.rule.too_many_digits());
      if (definition.min !== undefined && value < definition.min) return bad("below_minimum", messages.rule.below_minimum(definition.min));
      return plausible(value, formats);
    }
  }
}

/** Distinct texts a memoised parser remembers; beyond, each further text is parsed on its own (memory stays bounded). */
const MEMO_LIMIT = 1 << 16;

/**
 * parseCell for one field, remembering the result per distinct text: a register repeats its
 * months, dates, codes and categories on row after row, and parseCell is a pure function of
 * (definition, formats, text), so the memo returns exactly what parseCell would.
 */
export function memoisedParseCell(definition: FieldDefinition, formats: CellFormats): (raw: string) => CellResult {
  const memo = new Map<string, CellResult>();
  return (raw) => {
    const known = memo.get(raw);
    if (known !== undefined) return known;
    const result = parseCell(definition, formats, raw);
    if (memo.size < MEMO_LIMIT) memo.set(raw, result);
    return result;
  };
}

/** The value, or implausible_value when it lies outside the field's plausibility bounds. */
function plausible(value: number, formats: CellFormats): CellResult {
  const bounds = formats.bounds;
  if (bounds && ((bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max))) {
    return bad("implausible_value", messages.rule.implausible_value(bounds.text, bounds.setting));
  }
  return { ok: true, value };
}

/** Digits of a number's text without its leading zeros (0,0012 has 2; 1.234,50 has 6). */
function significantDigits(text: string): number {
  return text.replace(/[^0-9]/g, "").replace(/^0+/, "").length;
}

/** A parser from cell text to one canonical value: a number, a string, or null when an optional cell is empty. */
export function cellSchema(definition: FieldDefinition, formats: CellFormats) {
  return z.string().transform((raw, ctx): string | number | null => {
    const result = parseCell(definition, formats, raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message, params: { rule: result.rule } });
    return z.NEVER;
  });
}

/** One zod object over the canonical fields of a row, each fed by its own source cell. */
export function rowSchema(fields: ReadonlyArray<{ field: string; definition: FieldDefinition; formats: CellFormats }>) {
  return z.object(Object.fromEntries(fields.map(({ field, definition, formats }) => [field, cellSchema(definition, formats)])));
}
