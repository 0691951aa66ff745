/**
 * What an outcome's number rests on, per extract: how far the extract reaches
 * (its coverage) and which of a person's periods hold a rejected or conflicting row.
 * A derivation names the spans it reads; `dataStatus` says whether it may count them.
 */
import type { DayNumber } from "../../shared/dates.ts";
import type { OutcomeValue } from "./types.ts";
import type { ExtractKind } from "../extractKinds.ts";
import { EXTRACT_DEFINITIONS } from "../extracts/index.ts";

/** Extracts as outcomes read them: the two benefit layouts are one family. */
export type ExtractFamily =
  | "benefit_weeks"
  | "education_spells"
  | "paid_hours_monthly"
  | "psychiatric_contacts"
  | "social_services_monthly"
  | "convictions"
  | "prison_releases"
  | "jobcentre_contacts"
  | "checklist_items"
  | "shelter_stays"
  | "benefit_payments_monthly"
  | "action_plan_assessments"
  | "programme_activities"
  | "school_exams";

/** Days [from, to): null on either side is unbounded (a rejected row whose date could not be read). */
export interface Span {
  readonly from: DayNumber | null;
  readonly to: DayNumber | null;
}

export interface FlaggedSpan extends Span {
  readonly reason: "quarantined_row" | "conflicting_rows";
  readonly line: number;
}

export interface ExtractEvidence {
  /** Days the extract covers, inclusive (from null: no known first day); null when nothing is known. */
  readonly coverage: { readonly from: DayNumber | null; readonly to: DayNumber } | null;
  /** Per person: the spans of rejected and conflicting rows. */
  readonly flagged: ReadonlyMap<string, readonly FlaggedSpan[]>;
  /** Rejected rows whose person id could not be read: they could be anyone's. */
  readonly unattributed: readonly FlaggedSpan[];
}

export type Evidence = Partial<Record<ExtractFamily, ExtractEvidence>>;

/** One span of one extract a derivation reads, [from, to) in days. */
export interface Read {
  readonly family: ExtractFamily;
  readonly from: DayNumber;
  readonly to: DayNumber;
}

/** The family outcomes read an extract kind as (its file, ../extracts/<kind>.ts); null when none reads its rows. */
export const familyOf = (kind: ExtractKind): ExtractFamily | null => EXTRACT_DEFINITIONS[kind].family;

/**
 * censored:extract_coverage when a read runs outside its extract's coverage; else
 * incomplete (conflicting_rows before quarantined_row) when a flagged row falls in a read;
 * else null: the value may be counted.
 */
export function dataStatus(evidence: Evidence, personId: string, reads: readonly Read[]): OutcomeValue | null {
  for (const read of reads) {
    const coverage = evidence[read.family]?.coverage;
    if (coverage && ((coverage.from !== null && read.from < coverage.from) || read.to > coverage.to + 1)) return { status: "censored", reason: "extract_coverage" };
  }
  let found: "quarantined_row" | "conflicting_rows" | null = null;
  for (const read of reads) {
    const known = evidence[read.family];
    if (!known) continue;
    for (const span of [...(known.flagged.get(personId) ?? []), ...known.unattributed]) {
      if (overlaps(span, read)) {
        if (span.reason === "conflicting_rows") return { status: "incomplete", reason: "conflicting_rows" };
        found = "quarantined_row";
      }
    }
  }
  return found === null ? null : { status: "incomplete", reason: found };
}

/** The last day an extract covers, or null when unknown. */
export function coveredUntil(evidence: Evidence, family: ExtractFamily): DayNumber | null {
  return evidence[family]?.coverage?.to ?? null;
}

function overlaps(span: Span, read: Read): boolean {
  return (span.from === null || span.from < read.to) && (span.to === null || span.to > read.from);
}
