/**
 * What the ingest stage reads and writes. Canonical records are what every extract
 * becomes once its own columns are mapped and validated; the artefact is the
 * aggregate summary written to `ingest.json`.
 */
import { z } from "zod";
import { Label } from "../shared/label.ts";
import type { DayNumber } from "../shared/dates.ts";
import { IssueSchema } from "../shared/issueSchema.ts";

/** One raw line of a CSV source, as the reader yields it: the header first, then data lines. */
export type RawRow = { readonly line: number; readonly fields: readonly string[] } | { readonly line: number; readonly malformed: string; readonly raw: string };

/** A rejected row: where it is, what it held and which rule it broke. One entry per broken rule. */
export const QuarantineEntry = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.string(),
  value: z.string(),
  rule: z.string(),
  message: z.string(),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntry>;

export interface Person {
  readonly personId: string;
  readonly birthDate: DayNumber;
  readonly sex: "female" | "male";
  readonly startDate: DayNumber;
  readonly referralDate: DayNumber | null;
  readonly targetGroup: string | null;
  readonly exitDate: DayNumber | null;
  readonly exitReason: "emigrated" | "died" | "other" | null;
  /** The cluster (caseworker, team, school, family), when the spec's assignment.cluster names its column. */
  readonly cluster?: string | null;
}
export interface BenefitWeek { readonly personId: string; readonly week: DayNumber; readonly code: string }
export interface EducationSpell {
  readonly personId: string;
  readonly startDate: DayNumber;
  readonly endDate: DayNumber | null;
  readonly level: string | null;
  readonly suEligible?: "yes" | "no" | null;
  readonly completed?: "yes" | "no" | null;
}
export interface PaidHours { readonly personId: string; readonly month: number; readonly hours: number }
export interface PsychiatricContact {
  readonly personId: string;
  readonly contactType: "admission" | "emergency" | "outpatient";
  readonly startDate: DayNumber;
  readonly endDate: DayNumber | null;
}
export interface SocialServicesCost { readonly personId: string; readonly month: number; readonly costKr: number; readonly measure: string | null }
export interface Conviction { readonly personId: string; readonly date: DayNumber }
export interface PrisonRelease { readonly personId: string; readonly releaseDate: DayNumber; readonly admissionDate?: DayNumber | null }
export interface JobcentreContact { readonly personId: string; readonly date: DayNumber }
export interface ChecklistItem { readonly personId: string; readonly item: string; readonly date: DayNumber }
export interface BenefitPayment { readonly personId: string; readonly month: number; readonly amountKr: number; readonly benefit: string | null }
export interface ShelterStay { readonly personId: string; readonly startDate: DayNumber; readonly endDate: DayNumber | null }
export interface ActionPlanAssessment { readonly personId: string; readonly date: DayNumber; readonly result: "progress" | "no_progress" }
export interface ProgrammeActivity { readonly personId: string; readonly activity: string; readonly date: DayNumber }
export interface SchoolExam { readonly personId: string; readonly exam: string | null; readonly date: DayNumber; readonly result: "passed" | "failed" }
export interface ProgrammeParticipation { readonly personId: string; readonly startDate: DayNumber }
export interface AllocationRecord {
  readonly personId: string;
  readonly arm: string;
  readonly batch: string | null;
  readonly block: string | null;
  readonly time: DayNumber | null;
}

/** The canonical record of each extract kind (both benefit layouts become BenefitWeek). */
export interface RecordOfKind {
  population: Person;
  benefit_weeks_long: BenefitWeek;
  benefit_weeks_wide: BenefitWeek;
  education_spells: EducationSpell;
  paid_hours_monthly: PaidHours;
  psychiatric_contacts: PsychiatricContact;
  social_services_monthly: SocialServicesCost;
  convictions: Conviction;
  prison_releases: PrisonRelease;
  programme_participation: ProgrammeParticipation;
  jobcentre_contacts: JobcentreContact;
  checklist_items: ChecklistItem;
  shelter_stays: ShelterStay;
  benefit_payments_monthly: BenefitPayment;
  action_plan_assessments: ActionPlanAssessment;
  programme_activities: ProgrammeActivity;
  school_exams: SchoolExam;
  allocation: AllocationRecord;
}

/** Every benefit code → its group (public_support, su, flex_job, …), read from the benefit-code file. */
export interface BenefitCodes {
  readonly groupOfCode: ReadonlyMap<string, string>;
  readonly absentGroup: string;
}

export const ExtractSummary = z.object({
  name: z.string(),
  kind: z.string(),
  file: z.string(),
  present: z.boolean(),
  dialect: z
    .object({
      delimiter: z.string(),
      encoding: z.string(),
      decimal: z.string(),
      detected: z.array(z.string()),
      format: z.enum(["csv", "xlsx"]).optional().describe("csv (any text dialect) or xlsx (an Excel workbook; delimiter and encoding then do not apply)."),
      sheet: z.string().optional().describe("The .xlsx sheet read, when the spec names one (else the first)."),
      sepLine: z.literal(true).optional().describe("The file's first line is Excel's sep= line: it named the delimiter and was skipped."),
      dateFormat: z.string().optional().describe("The date format the extract's dates were read with; listed in `detected` when worked out from the values."),
    })
    .nullable(),
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsQuarantined: z.number().int(),
  recordsAccepted: z.number().int().describe("Canonical records: a wide benefit row gives one per non-empty week."),
  recordsOutsidePeriod: z.number().int().describe("Benefit weeks outside the analysis period (before the earliest look-back or after as-of): accepted, not kept."),
  issuesByRule: z.record(z.string(), z.number().int()),
  rowsForPersonsNotInPopulation: z.number().int(),
  personsNotInPopulation: z.number().int(),
  quarantineFile: z.string().nullable(),
  // Added with issue 14; the defaults let a previous run's artefact (--compare) still be read.
  rowsRejected: z.number().int().default(0).describe("Quarantined rows that count toward the stop: invalid, repeated or conflicting (rows of persons not in the population are apart)."),
  rowsWithoutPerson: z.number().int().default(0).describe("Rejected rows whose person id cannot be read: every window of the extract holding their period is incomplete."),
  onRejectedRow: z.enum(["incomplete", "ignore"]).default("incomplete"),
  coverage: z
    .object({ from: z.string().nullable(), to: z.string(), source: z.enum(["declared", "inferred"]), firstRow: z.string().nullable().describe("The first day any accepted row reaches.") })
    .nullable()
    .default(null)
    .describe("The days the extract covers: declared in the spec, or inferred: up to the last period of its accepted rows (from null: no first day is inferred, except from a wide layout's week columns)."),
  persons: z
    .object({ read: z.number().int(), accepted: z.number().int(), excludedByRule: z.record(z.string(), z.number().int()) })
    .nullable()
    .default(null)
    .describe("Distinct persons on the rows (an unreadable id counts as one), those with an accepted row, and the rest by the rule of their first rejected row."),
});
export type ExtractSummary = z.infer<typeof ExtractSummary>;

export const OutcomeSummary = z.object({
  id: z.string(),
  kind: z.string(),
  label: Label,
  type: z.enum(["binary", "continuous", "count", "rate", "time_to_event"]),
  window: z.string(),
  observed: z.number().int(),
  censored: z.number().int(),
  censoredByReason: z.record(z.string(), z.number().int()).describe("as_of: follow-up not yet long enough; emigrated, died, other: the person left the registers; extract_coverage: an extract it reads does not reach that far."),
  notApplicable: z.number().int(),
  skipped: z.boolean().describe("True when an optional extract it needs was missing."),
  incomplete: z.number().int().default(0).describe("Windows holding a rejected or conflicting row of an extract the outcome reads: no value."),
  incompleteByReason: z.record(z.string(), z.number().int()).default({}).describe("quarantined_row, conflicting_rows."),
  byStatus: z.record(z.string(), z.number().int()).default({}).describe("Persons per status as in work/outcome-status.csv (observed, censored:<reason>, incomplete:<reason>, not_applicable)."),
  quantum: z.number().positive().nullable().default(null).describe("The largest unit every observed value is a whole multiple of (1: whole days or events; 7: whole weeks; 0.01: øre); null when none of at least 1e-6 divides them. The disclosure engine judges by it what a rounded mean reveals of a hidden n."),
});
export type OutcomeSummary = z.infer<typeof OutcomeSummary>;

/** One row of work/triggers.csv as the repay stage reads it back. */
export const TriggerCsvRow = z.object({ personId: z.string(), period: z.string(), trigger: z.string(), status: z.string(), value: z.string() });
export type TriggerCsvRow = z.infer<typeof TriggerCsvRow>;

export const TriggerSummary = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  attribution: z.enum(["window", "year"]).describe("window: counted in the year each person's window ends; year: each calendar year a person is followed in"),
  type: z.enum(["binary", "hours"]),
  measures: z.string(),
  source: z.string(),
  skipped: z.boolean().describe("True when an optional extract it needs was missing"),
  periods: z.array(
    z.object({
      period: z.string(),
      persons: z.number().int(),
      achieved: z.number().int().nullable().describe("Persons observed 1 (binary triggers); null for hours"),
      byStatus: z.record(z.string(), z.number().int()).describe("observed, censored:<reason>, incomplete:<reason>"),
    }),
  ),
});

export const IngestArtefact = z.object({
  artefact: z.literal("ingest"),
  schema_version: z.literal(1),
  evaluation: z.string(),
  asOf: z.string(),
  enrolment: z.object({ from: z.string(), to: z.string() }),
  persons: z.number().int().describe("Enrolled persons: accepted population rows referred (started, without a referral date) on or before the as-of date."),
  personsReferredAfterAsOf: z.number().int().describe("Accepted population rows referred after the as-of date: not yet enrolled."),
  extracts: z.array(ExtractSummary),
  outcomes: z.array(OutcomeSummary),
  covariates: z.array(z.object({ id: z.string(), kind: z.string(), type: z.enum(["binary", "continuous", "categorical"]), missing: z.number().int() })),
  warnings: z.array(IssueSchema),
  files: z.object({ persons: z.string(), outcomes: z.string(), outcomeStatus: z.string(), triggers: z.string().optional() }),
  triggers: z.array(TriggerSummary).optional().describe("Rate-card triggers (spec triggers): per trigger and period the persons by status and how many achieved it; absent when the spec names none."),
});
export type IngestArtefact = z.infer<typeof IngestArtefact>;
