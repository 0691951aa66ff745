/**
 * Accepted records grouped by person, the shape outcome derivation reads. Records of
 * persons outside the population are left out here (they were counted at ingest).
 */
import { BenefitPanel } from "./benefitPanel.ts";
import type { ActionPlanAssessment, BenefitPayment, ChecklistItem, JobcentreContact, ProgrammeActivity, SchoolExam, ShelterStay } from "./schema.ts";
import type { BenefitCodes, BenefitWeek, Conviction, EducationSpell, PaidHours, Person, PrisonRelease, PsychiatricContact, SocialServicesCost } from "./schema.ts";

export interface PersonRecords {
  readonly persons: readonly Person[];
  /** Benefit group per person and week. */
  readonly benefitGroups: BenefitPanel | null;
  readonly absentGroup: string;
  readonly educationSpells: ReadonlyMap<string, readonly EducationSpell[]> | null;
  readonly paidHours: ReadonlyMap<string, readonly PaidHours[]> | null;
  readonly psychiatricContacts: ReadonlyMap<string, readonly PsychiatricContact[]> | null;
  readonly socialServices: ReadonlyMap<string, readonly SocialServicesCost[]> | null;
  readonly convictions: ReadonlyMap<string, readonly Conviction[]> | null;
  readonly prisonReleases: ReadonlyMap<string, readonly PrisonRelease[]> | null;
  readonly jobcentreContacts?: ReadonlyMap<string, readonly JobcentreContact[]> | null;
  readonly checklistItems?: ReadonlyMap<string, readonly ChecklistItem[]> | null;
  readonly benefitPayments?: ReadonlyMap<string, readonly BenefitPayment[]> | null;
  readonly shelterStays?: ReadonlyMap<string, readonly ShelterStay[]> | null;
  readonly actionPlanAssessments?: ReadonlyMap<string, readonly ActionPlanAssessment[]> | null;
  readonly programmeActivities?: ReadonlyMap<string, readonly ProgrammeActivity[]> | null;
  readonly schoolExams?: ReadonlyMap<string, readonly SchoolExam[]> | null;
}

export function groupByPerson<T extends { readonly personId: string }>(records: readonly T[] | null, population: ReadonlySet<string>): Map<string, T[]> | null {
  if (records === null) return null;
  const byPerson = new Map<string, T[]>();
  for (const record of records) {
    if (!population.has(record.personId)) continue;
    const list = byPerson.get(record.personId);
    if (list) list.push(record);
    else byPerson.set(record.personId, [record]);
  }
  return byPerson;
}

/** A panel filled from week records (for callers that hold records rather than a stream). */
export function benefitPanelFrom(weeks: readonly BenefitWeek[] | null, codes: BenefitCodes | null, persons: readonly string[], from: number, to: number): BenefitPanel | null {
  if (weeks === null || codes === null) return null;
  const panel = new BenefitPanel(persons, from, to, [...new Set(codes.groupOfCode.values())].sort());
  weeks.forEach((w, i) => panel.set(w.personId, w.week, codes.groupOfCode.get(w.code)!, i + 1, w.code));
  return panel;
}
