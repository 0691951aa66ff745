/**
 * The message that stops a run whose extract quarantined too many rows: the share, and
 * then what a person needs to fix it — the rule most rows broke, how many, two example
 * lines and the fix. Where the quarantined values themselves show the fix (dates that
 * all read as dd-mm-yyyy, numbers that all read with a decimal comma), the fix names
 * the exact declaration; values are never quoted.
 */
import { messages } from "../messages.ts";
import { detectDateFormat } from "./detectDateFormat.ts";
import { MONTH_FORMATS, WEEK_FORMATS, parseMonth, parseNumber, parseWeek, type DateFormat, type DecimalSeparator, type MonthFormat, type WeekFormat } from "./parseValue.ts";
import type { QuarantineEntry } from "./schema.ts";

export interface ReadFormats {
  readonly dateFormat: DateFormat;
  readonly monthFormat: MonthFormat;
  readonly weekFormat: WeekFormat;
  readonly decimal: DecimalSeparator;
}

export interface QuarantineStop {
  readonly extract: string;
  readonly quarantined: number;
  readonly read: number;
  readonly maxShare: number;
  readonly quarantineFile: string;
}

export function quarantineStopMessage(stop: QuarantineStop, entries: readonly QuarantineEntry[], formats: ReadFormats): string {
  const head = messages.quarantineExceeded(stop.extract, stop.quarantined, stop.read, stop.maxShare, stop.quarantineFile);
  const dominant = dominantRule(entries);
  if (dominant === null) return head;
  return `${head}. ${capitalise(messages.quarantineDominant(dominant.rule, dominant.lines.length, dominant.lines.slice(0, 2), fixFor(dominant.rule, dominant.entries, formats)))}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The rule broken on the most lines (ties: alphabetical), its lines in order and its entries. */
export function dominantRule(entries: readonly QuarantineEntry[]): { rule: string; lines: number[]; entries: QuarantineEntry[] } | null {
  const byRule = new Map<string, { lines: Set<number>; entries: QuarantineEntry[] }>();
  for (const entry of entries) {
    let group = byRule.get(entry.rule);
    if (!group) byRule.set(entry.rule, (group = { lines: new Set(), entries: [] }));
    group.lines.add(entry.line);
    group.entries.push(entry);
  }
  const ranked = [...byRule].sort(([a, x], [b, y]) => y.lines.size - x.lines.size || (a < b ? -1 : a > b ? 1 : 0));
  if (ranked.length === 0) return null;
  const [rule, group] = ranked[0]!;
  return { rule, lines: [...group.lines].sort((a, b) => a - b), entries: group.entries };
}

function fixFor(rule: string, entries: readonly QuarantineEntry[], formats: ReadFormats): string {
  const values = entries.map((e) => e.value.trim()).filter((v) => v !== "");
  const column = mostCommon(entries.map((e) => e.column)) ?? "";
  const allRead = (read: (text: string) => unknown) => values.length > 0 && values.every((v) => read(v) !== null);
  switch (rule) {
    case "invalid_date": {
      const detected = detectDateFormat(values);
      if (detected.kind === "detected" && detected.format !== formats.dateFormat && detected.unreadable === 0) return messages.quarantineFix.dateFormat(detected.format);
      if (detected.kind === "ambiguous") return messages.quarantineFix.dateFormat(`${detected.formats.join('" or "')}`);
      return messages.quarantineFix.other();
    }
    case "invalid_number": {
      const other: DecimalSeparator = formats.decimal === "," ? "." : ",";
      return allRead((v) => parseNumber(v, other)) ? messages.quarantineFix.decimal(other) : messages.quarantineFix.other();
    }
    case "invalid_month": {
      const other = MONTH_FORMATS.find((f) => f !== formats.monthFormat && allRead((v) => parseMonth(v, f)));
      return other ? messages.quarantineFix.monthFormat(other) : messages.quarantineFix.other();
    }
    case "invalid_week": {
      const other = WEEK_FORMATS.find((f) => f !== formats.weekFormat && allRead((v) => parseWeek(v, f)));
      return other ? messages.quarantineFix.weekFormat(other) : messages.quarantineFix.other();
    }
    case "wrong_column_count":
      return messages.quarantineFix.columnCount();
    case "unknown_category":
      return messages.quarantineFix.category(column);
    case "unknown_benefit_code":
      return messages.quarantineFix.benefitCode();
    case "missing_value":
      return messages.quarantineFix.missing(column);
    case "malformed_csv":
      return messages.quarantineFix.malformed();
    default:
      return messages.quarantineFix.other();
  }
}

function mostCommon(items: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  let best: string | null = null;
  for (const [item, count] of counts) if (best === null || count > counts.get(best)!) best = item;
  return best;
}
