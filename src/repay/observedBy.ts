/**
 * What a typed-in outcome table shows as of a date: its rows observed on or before the as-of date
 * (a later row is not counted anywhere: not paid, not provisional, not simulated), how many were left
 * out, and the latest observation counted — the date the ledger is "computed on the data up to".
 * Rows without an observation date (measured from the registers) are all kept.
 */
import type { OutcomeRow } from "./outcomeTable.ts";

export function observedBy(rows: readonly OutcomeRow[], asOf: string): { rows: OutcomeRow[]; later: number; observedUpTo: string | null } {
  const kept = rows.filter((r) => r.observedOn === undefined || r.observedOn <= asOf);
  const observedUpTo = kept.reduce<string | null>((latest, r) => (r.observedOn !== undefined && (latest === null || r.observedOn > latest) ? r.observedOn : latest), null);
  return { rows: kept, later: rows.length - kept.length, observedUpTo };
}
