/**
 * The extract kinds effekt reads, and the canonical fields each one maps its own
 * columns onto. The spec names, per extract, which source column feeds which field;
 * a field it does not name is looked up under its canonical name.
 */

export type FieldType = "id" | "date" | "month" | "week" | "number" | "code" | "benefit_code" | "text" | "category";

export interface FieldDefinition {
  readonly type: FieldType;
  readonly required: boolean;
  /** For `category`: the canonical values; the spec maps source values onto them. */
  readonly categories?: readonly string[];
  /** For `number`: the smallest value accepted. */
  readonly min?: number;
}

export const CONTACT_TYPES = ["admission", "emergency", "outpatient"] as const;
export const SEXES = ["female", "male"] as const;
export const EXIT_REASONS = ["emigrated", "died", "other"] as const;
export const YES_NO = ["yes", "no"] as const;
export const ASSESSMENT_RESULTS = ["progress", "no_progress"] as const;
export const EXAM_RESULTS = ["passed", "failed"] as const;

const personId: FieldDefinition = { type: "id", required: true };

export const EXTRACT_KINDS = {
  population: {
    personId,
    birthDate: { type: "date", required: true },
    sex: { type: "category", required: true, categories: SEXES },
    startDate: { type: "date", required: true },
    referralDate: { type: "date", required: false },
    targetGroup: { type: "text", required: false },
    // The day a person left the registers (emigrated, died): follow-up ends there.
    exitDate: { type: "date", required: false },
    exitReason: { type: "category", required: false, categories: EXIT_REASONS },
    // The person's cluster (caseworker, team, school, family): read from the column the spec's assignment.cluster names, and then required.
    cluster: { type: "code", required: false },
  },
  benefit_weeks_long: {
    personId,
    week: { type: "week", required: true },
    code: { type: "benefit_code", required: true },
  },
  // One row per person, one column per week; the week columns are found by pattern.
  benefit_weeks_wide: {
    personId,
  },
  education_spells: {
    personId,
    startDate: { type: "date", required: true },
    endDate: { type: "date", required: false },
    level: { type: "code", required: false },
    // Whether the education gives the right to SU (a rate-card trigger may name levels instead).
    suEligible: { type: "category", required: false, categories: YES_NO },
    // Whether the spell ended with the education completed (upper secondary completed).
    completed: { type: "category", required: false, categories: YES_NO },
  },
  paid_hours_monthly: {
    personId,
    month: { type: "month", required: true },
    hours: { type: "number", required: true, min: 0 },
  },
  psychiatric_contacts: {
    personId,
    contactType: { type: "category", required: true, categories: CONTACT_TYPES },
    startDate: { type: "date", required: true },
    endDate: { type: "date", required: false },
  },
  social_services_monthly: {
    personId,
    month: { type: "month", required: true },
    costKr: { type: "number", required: true, min: 0 },
    measure: { type: "text", required: false },
  },
  convictions: {
    personId,
    date: { type: "date", required: true },
  },
  prison_releases: {
    personId,
    releaseDate: { type: "date", required: true },
    /** When the person was imprisoned: the time served before this release gives the sentence-length covariate. */
    admissionDate: { type: "date", required: false },
  },
  // Who actually received the programme: for cross-overs and the CONSORT flow.
  programme_participation: {
    personId,
    startDate: { type: "date", required: true },
  },
  // Contacts with the job centre (e.g. the first meeting after release).
  jobcentre_contacts: {
    personId,
    date: { type: "date", required: true },
  },
  // Items of a start checklist done (housing, MitID/NemKonto, debt plan, …), each with the day it was done.
  checklist_items: {
    personId,
    item: { type: "code", required: true },
    date: { type: "date", required: true },
  },
  // Public benefits paid per month in kroner (e.g. from KY/Ydelsesrefusion): the differential in kroner.
  benefit_payments_monthly: {
    personId,
    month: { type: "month", required: true },
    amountKr: { type: "number", required: true },
    benefit: { type: "code", required: false },
  },
  // Stays at a shelter (forsorgshjem, Serviceloven § 110) or a women's crisis centre (§ 109): the night of each day from date in up to date out.
  shelter_stays: {
    personId,
    startDate: { type: "date", required: true },
    endDate: { type: "date", required: false },
  },
  // Dated assessments of a person's action plan (handleplan): progress or not since the last one.
  action_plan_assessments: {
    personId,
    date: { type: "date", required: true },
    result: { type: "category", required: true, categories: ASSESSMENT_RESULTS },
  },
  // Programme activities a person took part in (Lær for Livet: camp, mentor meeting), each with its day.
  programme_activities: {
    personId,
    activity: { type: "code", required: true },
    date: { type: "date", required: true },
  },
  // Exams (the 9th-grade exam, FSA), with the day and the result.
  school_exams: {
    personId,
    exam: { type: "code", required: false },
    date: { type: "date", required: true },
    result: { type: "category", required: true, categories: EXAM_RESULTS },
  },
  // An allocation made elsewhere (read by the assign stage, not by ingest).
  allocation: {
    personId,
    arm: { type: "text", required: true },
    batch: { type: "text", required: false },
    block: { type: "text", required: false },
    time: { type: "date", required: false },
  },
} as const satisfies Record<string, Record<string, FieldDefinition>>;

export type ExtractKind = keyof typeof EXTRACT_KINDS;
export const EXTRACT_KIND_NAMES = Object.keys(EXTRACT_KINDS) as [ExtractKind, ...ExtractKind[]];

export function fieldsOf(kind: ExtractKind): Record<string, FieldDefinition> {
  return EXTRACT_KINDS[kind];
}
