/**
 * Accepted records grouped by person, the shape outcome derivation reads. Records of
 * persons outside the population are left out here (they were counted at ingest).
 */
import type { BenefitCodes, BenefitWeek, Conviction, EducationSpell, PaidHours, Person, PrisonRelease, PsychiatricContact, SocialServicesCost } from "./schema.ts";

export interface PersonRecords {
  readonly persons: readonly Person[];
  /** Week Monday → benefit group, per person. */
  readonly benefitGroups: ReadonlyMap<string, ReadonlyMap<number, string>> | null;
  readonly absentGroup: string;
  readonly educationSpells: ReadonlyMap<string, readonly EducationSpell[]> | null;
  readonly paidHours: ReadonlyMap<string, readonly PaidHours[]> | null;
  readonly psychiatricContacts: ReadonlyMap<string, readonly PsychiatricContact[]> | null;
  readonly socialServices: ReadonlyMap<string, readonly SocialServicesCost[]> | null;
  readonly convictions: ReadonlyMap<string, readonly Conviction[]> | null;
  readonly prisonReleases: ReadonlyMap<string, readonly PrisonRelease[]> | null;
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

export function benefitGroupsByPerson(weeks: readonly BenefitWeek[] | null, codes: BenefitCodes | null, population: ReadonlySet<string>): Map<string, Map<number, string>> | null {
  if (weeks === null || codes === null) return null;
  const byPerson = new Map<string, Map<number, string>>();
  for (const week of weeks) {
    if (!population.has(week.personId)) continue;
    let map = byPerson.get(week.personId);
    if (!map) byPerson.set(week.personId, (map = new Map()));
    map.set(week.week, codes.groupOfCode.get(week.code) as string);
  }
  return byPerson;
}
