/**
 * A period's status at the run's as-of date (dates as yyyy-mm-dd, compared as text):
 *
 *   settled      recorded in the settlement file, settled on or before the as-of date
 *   not_due      no persons yet, or the follow-up has not started (as-of < from)
 *   provisional  under way: from ≤ as-of < due date; computed on the data so far
 *   due          as-of ≥ due date, not yet settled
 */
import type { PeriodStatus } from "./schema.ts";

export function periodStatus(input: { asOf: string; from: string; dueDate: string; persons: number | null; settled: boolean }): { status: PeriodStatus; note: string } {
  const { asOf, from, dueDate, persons, settled } = input;
  if (settled) return { status: "settled", note: "settled: recorded as paid" };
  if (persons === 0) {
    return { status: "not_due", note: asOf >= dueDate ? `no persons yet: due by the schedule on ${dueDate}, but no one has been followed up over the period` : "no persons yet" };
  }
  if (asOf < from) return { status: "not_due", note: `not started: the period starts on ${from}` };
  if (asOf < dueDate) return { status: "provisional", note: `provisional: under way, due on ${dueDate}; computed on the data up to ${asOf}` };
  return { status: "due", note: `due since ${dueDate}, not yet settled` };
}
