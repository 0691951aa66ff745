/**
 * The shapes extract kinds share — a value per month, a spell from a start to an end, a dated
 * event — so each kind's file states only what is its own.
 */
import { firstDayOfMonthIndex } from "../../shared/dates.ts";
import type { ExtractDefinition, Row } from "./types.ts";

const numberOrNull = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** A row's JSON: two rows are the same exactly when every canonical field is. */
export const wholeRow = (row: Row): string => JSON.stringify(row);

/** Nothing known of the period: the whole of time. */
export const unknownSpan = () => ({ from: null, to: null });

/** One value per person and month (`month`): a repeat of the month is a repeat or a conflict. */
export const monthly: Pick<ExtractDefinition, "repeat" | "keyField" | "coverage" | "flagSpan"> = {
  repeat: "period",
  keyField: "month",
  coverage: (row) => ({ from: firstDayOfMonthIndex(row.month as number), to: firstDayOfMonthIndex((row.month as number) + 1) - 1 }),
  flagSpan: (row) => {
    const month = numberOrNull(row.month);
    return month === null ? { from: null, to: null } : { from: firstDayOfMonthIndex(month), to: firstDayOfMonthIndex(month) + 1 };
  },
};

/** Events: rows repeat only as exact copies; any other row is another event. */
export const event: Pick<ExtractDefinition, "repeat" | "keyField" | "signature" | "repeatKey"> = {
  repeat: "event",
  keyField: "personId",
  signature: wholeRow,
  repeatKey: (_row, signature) => signature as string,
};

/** A spell from `startDate` to `endDate` (empty: still running). */
export const spell: Pick<ExtractDefinition, "coverage" | "flagSpan"> = {
  coverage: (row) => ({ from: row.startDate as number, to: Math.max(row.startDate as number, (row.endDate as number | null) ?? (row.startDate as number)) }),
  flagSpan: (row) => {
    const start = numberOrNull(row.startDate);
    const end = numberOrNull(row.endDate);
    // An end that is empty (open) or unreadable: the spell may run on.
    return { from: start, to: start === null || end === null ? null : Math.max(end, start) + 1 };
  },
};

/** An event on one day (the field `field`). */
export const onDay = (field: string): Pick<ExtractDefinition, "coverage" | "flagSpan"> => ({
  coverage: (row) => ({ from: row[field] as number, to: row[field] as number }),
  flagSpan: (row) => {
    const date = numberOrNull(row[field]);
    return date === null ? { from: null, to: null } : { from: date, to: date + 1 };
  },
});
