/**
 * Plausibility bounds per field: values a register cannot hold are rejected
 * (`implausible_value`) instead of driving an estimate. Defaults fit the registers;
 * `extracts.<name>.bounds.<field>` overrides either side.
 *
 * Defaults: hours ≤ 744 a month (31 × 24); social-services kroner ≤ 1,000,000 a
 * person-month; every date, month and week on or after 1900-01-01; a birth date not
 * after the as-of date. Other dates may lie after the as-of date (a quarterly extract
 * runs past it, and a re-run as of an earlier date reads later rows): follow-up, not
 * the bound, keeps them out of the windows.
 */
import { isoDate, type DayNumber } from "../shared/dates.ts";
import type { ExtractKind, FieldDefinition } from "./extractKinds.ts";
import { parseDate, parseMonth } from "./parseValue.ts";

export interface PlausibleRange {
  readonly min?: number;
  readonly max?: number;
  /** The range in words, e.g. "0 – 744" or "1900-01-01 – 2026-09-30". */
  readonly text: string;
}

export const DEFAULT_BOUNDS = {
  hoursPerMonth: 744,
  costKrPerMonth: 1_000_000,
  earliestDate: "1900-01-01",
} as const;

export function plausibleRange(
  kind: ExtractKind,
  field: string,
  definition: FieldDefinition,
  override: { readonly min?: number | string; readonly max?: number | string } | undefined,
  asOf: DayNumber | undefined,
): PlausibleRange | undefined {
  const earliest = parseDate(DEFAULT_BOUNDS.earliestDate, "iso")!;
  let min: number | undefined;
  let max: number | undefined;
  if (definition.type === "number") {
    min = definition.min;
    if (field === "hours") max = DEFAULT_BOUNDS.hoursPerMonth;
    if (field === "costKr") max = DEFAULT_BOUNDS.costKrPerMonth;
    if (typeof override?.min === "number") min = override.min;
    if (typeof override?.max === "number") max = override.max;
    if (min === undefined && max === undefined) return undefined;
    return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), text: `${min ?? "−∞"} – ${max ?? "∞"}` };
  }
  if (definition.type === "date" || definition.type === "week") {
    min = earliest;
    if (kind === "population" && field === "birthDate" && asOf !== undefined) max = asOf;
    if (typeof override?.min === "string") min = parseDate(override.min, "iso") ?? min;
    if (typeof override?.max === "string") max = parseDate(override.max, "iso") ?? max;
    return { min, ...(max !== undefined ? { max } : {}), text: `${isoDate(min)} – ${max === undefined ? "" : isoDate(max)}`.trim() };
  }
  if (definition.type === "month") {
    min = 1900 * 12;
    if (typeof override?.min === "string") min = parseMonth(override.min, "yyyy-mm") ?? min;
    if (typeof override?.max === "string") max = parseMonth(override.max, "yyyy-mm") ?? undefined;
    const month = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    return { min, ...(max !== undefined ? { max } : {}), text: `${month(min)} – ${max === undefined ? "" : month(max)}`.trim() };
  }
  return undefined;
}
