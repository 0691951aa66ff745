/**
 * A period's status at the run's as-of date (dates as yyyy-mm-dd, compared as text):
 *
 *   settled      recorded in the settlement file, settled on or before the as-of date
 *   not_due      no persons yet (on a typed-in table: no row observed by the as-of date — no data yet),
 *                or the follow-up has not started (as-of < from)
 *   provisional  under way: from ≤ as-of < due date; computed on the data so far (the as-of date, or on
 *                a typed-in table the latest observation on or before it)
 *   due          as-of ≥ due date, not yet settled
 */
import type { PeriodStatus } from "./schema.ts";

export function periodStatus(input: { asOf: string; from: string; dueDate: string; persons: number | null; settled: boolean; typedIn?: { observedUpTo: string | null } | null }): { status: PeriodStatus; note: string } {
  const { asOf, from, dueDate, persons, settled, typedIn } = input;
  if (settled) return { status: "settled", note: "settled: recorded as paid" };
  if (persons === 0 && typedIn) {
    return { status: "not_due", note: `no data yet: no row of the typed-in outcome table for this period is observed on or before ${asOf}${asOf >= dueDate ? ` (due by the schedule on ${dueDate})` : ""}` };
  }
  if (persons === 0) {
    return { status: "not_due", note: asOf >= dueDate ? `no persons yet: due by the schedule on ${dueDate}, but no one has been followed up over the period` : "no persons yet" };
  }
  if (asOf < from) return { status: "not_due", note: `not started: the period starts on ${from}` };
  if (asOf < dueDate) return { status: "provisional", note: `provisional: under way, due on ${dueDate}; computed on the data up to ${typedIn ? `${typedIn.observedUpTo ?? asOf} (the latest observation of the typed-in outcome table on or before ${asOf})` : asOf}` };
  return { status: "due", note: `due since ${dueDate}, not yet settled` };
}
