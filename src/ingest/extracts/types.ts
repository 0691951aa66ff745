/**
 * What every extract kind declares beyond its fields (../extractKinds.ts): how a repeated row is
 * judged, the days a row shows the extract to reach, the days a rejected row could have counted
 * in, the family outcomes read it as, and where its records go per person. One file per kind
 * (`./<kind>.ts`), collected in `./index.ts` with `satisfies`; ingestExtract.ts and ingest/index.ts
 * read them instead of switching on the kind.
 */
import type { Rule } from "../../messages.ts";
import type { DayNumber } from "../../shared/dates.ts";
import type { ExtractKind } from "../extractKinds.ts";
import type { ExtractContext, WeekColumn } from "../ingestExtract.ts";
import type { ExtractFamily, Span } from "../outcomes/evidence.ts";
import type { PersonRecords } from "../personRecords.ts";

/** A row's canonical fields (parsed values; null where not mapped or empty). */
export type Row = Readonly<Record<string, unknown>>;

/**
 * How a repeated key is judged (README "Duplicates and conflicts"): person — one row per person, another
 * with other values excludes the person; period — one row per person and period; event — a repeat is an
 * exact repeat or a separate event; allocation — a person assigned twice.
 */
export type RepeatPolicy = "person" | "period" | "event" | "allocation";

/** The per-person record lists of PersonRecords, by the name outcomes read them under. */
export type RecordsField = Exclude<keyof PersonRecords, "persons" | "benefitGroups" | "absentGroup">;

/** A rule across two fields of one row, broken: the field it names, its rule and message. */
export interface RowProblem {
  readonly field: string;
  readonly rule: Rule;
  readonly message: string;
}

export interface ExtractDefinition {
  readonly repeat: RepeatPolicy;
  /** The field whose column names a repeat in the quarantine file. */
  readonly keyField: string;
  /** The canonical content of a row, to tell an exact repeat from a conflicting one (compared with ===). */
  readonly signature: (row: Row, cells: readonly string[], weekColumns: readonly WeekColumn[]) => string | number | null;
  /** The key, within a person, under which a row may appear only once ("" for one row per person). */
  readonly repeatKey: (row: Row, signature: string | number | null) => string | number;
  /** The days (inclusive) an accepted row shows the extract to reach; null when its rows say nothing of it. */
  readonly coverage: (row: Row) => { from: DayNumber; to: DayNumber } | null;
  /** The days [from, to) a rejected or conflicting row could have counted in, from what could be read of it (null = unknown). */
  readonly flagSpan: (row: Row) => Span;
  /** Rules across fields of one row, beyond an end before its start (checked for every kind). */
  readonly checkRow?: (row: Row, context: ExtractContext) => RowProblem | null;
  /** The family outcomes read it as (the two benefit layouts are one); null when no outcome reads its rows. */
  readonly family: ExtractFamily | null;
  /** Where its records go per person for outcomes and covariates; null when they are read otherwise (a panel, a set). */
  readonly records: RecordsField | null;
}

export type ExtractDefinitions = { readonly [K in ExtractKind]: ExtractDefinition };
