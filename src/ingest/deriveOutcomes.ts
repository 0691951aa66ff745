/**
 * Person-level outcomes over windows counted from each person's own start date. Each
 * kind lives in its own file under `./outcomes/`; this module is what the stage calls.
 *
 * Conventions (also in the README):
 * - A window of W months runs from the start date (inclusive) to the same day W months
 *   later (exclusive; 31 Jan + 1 month = 28/29 Feb). Follow-up is known up to and
 *   including the as-of date, or the exit date (emigrated, died) when earlier: a window
 *   that ends after it is censored, with the reason (`as_of` or the exit reason).
 * - A window that runs outside an extract's coverage is `censored:extract_coverage`; one
 *   that holds a rejected or conflicting row of an extract it reads is `incomplete`
 *   (`quarantined_row`, `conflicting_rows`), its value left empty (see ./outcomes/evidence.ts).
 * - A benefit week belongs to a window when its Monday does; a week counts 7 days.
 *   A week without a code has the benefit-code file's absent group (self-supporting).
 * - A month (paid hours, social services) belongs to a window when its first day does.
 * - "At month k" is the date k months after start: the benefit week containing it, or
 *   an education spell covering it (an open spell runs on).
 * - Admission days are nights: discharge − admission, clipped to the window; an
 *   admission without a discharge date runs to the as-of date.
 * - Convictions per person-year use the follow-up actually observed within the window
 *   (the exposure); only a person with no follow-up at all is censored.
 * - Re-conviction: the first release on or after start; a conviction dated after the
 *   release and at most `withinMonths` later. Persons with no release are not applicable.
 */
import type { Label } from "../shared/label.ts";
import type { DayNumber } from "../shared/dates.ts";
import type { OutcomeSpec } from "../spec/schema.ts";
import type { PersonRecords } from "./personRecords.ts";
import type { Evidence } from "./outcomes/evidence.ts";
import { definitionOf } from "./outcomes/index.ts";
import type { OutcomeType, OutcomeValue } from "./outcomes/types.ts";

export type { CensoringReason, IncompleteReason, OutcomeType, OutcomeValue } from "./outcomes/types.ts";
export { countWeeksInGroups, lastFollowedDay } from "./outcomes/windows.ts";

export interface OutcomeColumn {
  readonly id: string;
  readonly kind: OutcomeSpec["kind"];
  readonly label: Label;
  readonly type: OutcomeType;
  readonly window: string;
  /** One per person, in the order of `records.persons`. */
  readonly values: readonly OutcomeValue[];
}

/** The extract kinds an outcome reads (either one, for the two benefit layouts). */
export function extractKindsFor(outcome: OutcomeSpec): string[] {
  const kinds = definitionOf(outcome).extractKinds;
  return [...(typeof kinds === "function" ? kinds(outcome) : kinds)];
}

export function outcomeType(outcome: OutcomeSpec): OutcomeType {
  return definitionOf(outcome).type(outcome);
}

export function describeWindow(outcome: OutcomeSpec): string {
  return definitionOf(outcome).describeWindow(outcome);
}

/**
 * Derives one outcome for every person. Returns null when a needed extract is absent.
 * `evidence` (coverage and flagged rows per extract) defaults to none: every row counted as delivered.
 */
export function deriveOutcome(outcome: OutcomeSpec, records: PersonRecords, asOf: DayNumber, evidence: Evidence = {}): OutcomeColumn | null {
  const value = definitionOf(outcome).derive(outcome, { records, asOf, evidence });
  if (value === null) return null;
  return {
    id: outcome.id,
    kind: outcome.kind,
    label: outcome.label ?? outcome.id,
    type: outcomeType(outcome),
    window: describeWindow(outcome),
    values: records.persons.map(value),
  };
}
