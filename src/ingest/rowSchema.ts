/**
 * Builds the zod schema that validates one row of an extract: each source cell is
 * parsed into its canonical field, and every failure becomes an issue that carries
 * the rule it broke (`params.rule`) so the quarantine file can name it.
 */
import { z } from "zod";
import { messages, type Rule } from "../messages.ts";
import type { FieldDefinition } from "./extractKinds.ts";
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
}

function fail(ctx: z.core.$RefinementCtx<string>, rule: Rule, message: string): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message, params: { rule } });
  return z.NEVER;
}

/** A parser from cell text to one canonical value: a number, a string, or null when an optional cell is empty. */
export function cellSchema(definition: FieldDefinition, formats: CellFormats) {
  return z.string().transform((raw, ctx): string | number | null => {
    const text = raw.trim();
    if (text === "") return definition.required ? fail(ctx, "missing_value", messages.rule.missing_value()) : null;
    switch (definition.type) {
      case "id":
        return /^\S{1,64}$/.test(text) ? text : fail(ctx, "invalid_id", messages.rule.invalid_id());
      case "text":
      case "code":
        return text;
      case "benefit_code":
        return !formats.knownCodes || formats.knownCodes.has(text)
          ? text
          : fail(ctx, "unknown_benefit_code", messages.rule.unknown_benefit_code());
      case "category": {
        const value = formats.values ? formats.values[text] : text;
        const allowed = definition.categories ?? [];
        return value !== undefined && allowed.includes(value) ? value : fail(ctx, "unknown_category", messages.rule.unknown_category(allowed));
      }
      case "date":
        return parseDate(text, formats.dateFormat) ?? fail(ctx, "invalid_date", messages.rule.invalid_date(formats.dateFormat));
      case "month":
        return parseMonth(text, formats.monthFormat) ?? fail(ctx, "invalid_month", messages.rule.invalid_month(formats.monthFormat));
      case "week":
        return parseWeek(text, formats.weekFormat) ?? fail(ctx, "invalid_week", messages.rule.invalid_week(formats.weekFormat));
      case "number": {
        const value = parseNumber(text, formats.decimal);
        if (value === null) return fail(ctx, "invalid_number", messages.rule.invalid_number(formats.decimal));
        if (definition.min !== undefined && value < definition.min) return fail(ctx, "below_minimum", messages.rule.below_minimum(definition.min));
        return value;
      }
    }
  });
}

/** One zod object over the canonical fields of a row, each fed by its own source cell. */
export function rowSchema(fields: ReadonlyArray<{ field: string; definition: FieldDefinition; formats: CellFormats }>) {
  return z.object(Object.fromEntries(fields.map(({ field, definition, formats }) => [field, cellSchema(definition, formats)])));
}
