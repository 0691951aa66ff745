/**
 * What every outcome kind declares: the extracts it needs, its type, its window in
 * words, and its derivation. One file per kind implements it (`./<kind>.ts`); the
 * record in `./index.ts` is typed so that the compiler names what a new kind lacks.
 */
import type { DayNumber } from "../../shared/dates.ts";
import type { OutcomeSpec } from "../../spec/schema.ts";
import type { PersonRecords } from "../personRecords.ts";
import type { Person } from "../schema.ts";
import type { Evidence } from "./evidence.ts";

export type OutcomeKind = OutcomeSpec["kind"];
export type OutcomeOf<K extends OutcomeKind> = Extract<OutcomeSpec, { kind: K }>;
export type OutcomeType = "binary" | "continuous" | "count" | "rate" | "time_to_event";

/** Why a value is not known yet: follow-up ended (as-of, the person's exit) or an extract does not reach that far. */
export type CensoringReason = "as_of" | "emigrated" | "died" | "other" | "extract_coverage";
/** Why a value cannot be trusted: a row it would read was rejected, or two rows for it disagree. */
export type IncompleteReason = "quarantined_row" | "conflicting_rows";

/** What a person's value of one outcome rests on, with the value only when it was observed. */
export type OutcomeValue =
  | { readonly status: "observed"; readonly value: number; readonly exposureYears?: number; readonly event?: 0 | 1; readonly censoredBy?: CensoringReason }
  | { readonly status: "censored"; readonly reason: CensoringReason }
  | { readonly status: "incomplete"; readonly reason: IncompleteReason }
  | { readonly status: "not_applicable" };

/** Everything a derivation may read: the records, the as-of date and what is known about each extract's data. */
export interface DeriveContext {
  readonly records: PersonRecords;
  readonly asOf: DayNumber;
  readonly evidence: Evidence;
}

export interface OutcomeDefinition<K extends OutcomeKind> {
  /** The extract kinds it reads (either one, for the two benefit layouts); a function when they depend on the outcome's settings. */
  readonly extractKinds: readonly string[] | ((outcome: OutcomeOf<K>) => readonly string[]);
  readonly type: (outcome: OutcomeOf<K>) => OutcomeType;
  readonly describeWindow: (outcome: OutcomeOf<K>) => string;
  /** The value for one person; null when an extract it needs is absent (the outcome is skipped). */
  readonly derive: (outcome: OutcomeOf<K>, context: DeriveContext) => ((person: Person) => OutcomeValue) | null;
}
