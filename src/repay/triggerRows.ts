/**
 * The outcome table of a rate card from ingest's work/triggers.csv (long: person, period,
 * trigger, status, value): one row per person and period, a trigger's value where it was
 * observed and null where it was censored or incomplete — never a 0 in its place.
 */
import type { TriggerCsvRow } from "../ingest/schema.ts";
import type { OutcomeRow } from "./outcomeTable.ts";

export function outcomeRowsFromTriggers(rows: readonly TriggerCsvRow[]): OutcomeRow[] {
  const byKey = new Map<string, { personId: string; period: string; outcomes: Record<string, number | null> }>();
  for (const row of rows) {
    const key = `${row.personId}\u0000${row.period}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { personId: row.personId, period: row.period, outcomes: {} };
      byKey.set(key, entry);
    }
    entry.outcomes[row.trigger] = row.status === "observed" && row.value !== "" ? Number(row.value) : null;
  }
  return [...byKey.values()];
}
