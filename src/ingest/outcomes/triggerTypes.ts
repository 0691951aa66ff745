/**
 * What every rate-card trigger kind declares (the per-person-and-period counterpart of
 * ./types.ts): the extracts it reads, what it measures in words, and its value for one
 * person in one calendar-year period. One file per kind; the record is in ./triggers.ts.
 *
 * Two ways a trigger meets the periods:
 *   window — measured over the first `windowMonths` from the person's start, and counted in
 *            the year that window ends (one row per person);
 *   year   — measured in each calendar year the person is followed in (one row per year).
 */
import type { DayNumber } from "../../shared/dates.ts";
import type { TriggerSpec } from "../../spec/schema.ts";
import type { Person } from "../schema.ts";
import type { DeriveContext, OutcomeValue } from "./types.ts";

export type TriggerKind = TriggerSpec["kind"];
export type TriggerOf<K extends TriggerKind> = Extract<TriggerSpec, { kind: K }>;

/** One calendar year: days [from, to). */
export interface YearPeriod {
  readonly year: number;
  readonly from: DayNumber;
  readonly to: DayNumber;
}

export interface TriggerDefinition<K extends TriggerKind> {
  readonly extractKinds: readonly string[];
  readonly attribution: "window" | "year";
  /** binary: 0/1; hours: a number the contract sets its threshold on. */
  readonly type: "binary" | "hours";
  readonly describe: (trigger: TriggerOf<K>) => string;
  /** The value for one person in one period it applies to; null when an extract it needs is absent. */
  readonly derive: (trigger: TriggerOf<K>, context: DeriveContext) => ((person: Person, period: YearPeriod) => OutcomeValue) | null;
}
