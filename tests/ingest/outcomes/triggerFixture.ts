/** Persons, records and a derive call shared by the trigger-kind mirror tests (each value worked out by hand in its test). */
import type { Evidence } from "../../../src/ingest/outcomes/evidence.ts";
import { TRIGGER_DEFINITIONS } from "../../../src/ingest/outcomes/triggers.ts";
import { yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import type { PersonRecords } from "../../../src/ingest/personRecords.ts";
import type { Person } from "../../../src/ingest/schema.ts";
import type { TriggerSpec } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";

export const person = (personId: string, start: string, exit?: string): Person => ({
  personId,
  birthDate: day("2000-01-01"),
  sex: "female",
  startDate: day(start),
  referralDate: null,
  targetGroup: null,
  exitDate: exit ? day(exit) : null,
  exitReason: exit ? "emigrated" : null,
});
export const base = (persons: Person[], extra: Partial<PersonRecords>): PersonRecords => ({
  persons,
  benefitGroups: null,
  absentGroup: "self_supporting",
  educationSpells: null,
  paidHours: null,
  psychiatricContacts: null,
  socialServices: null,
  convictions: null,
  prisonReleases: null,
  ...extra,
});
export const map = <T extends { personId: string }>(rows: T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.personId, [...(m.get(r.personId) ?? []), r]);
  return m;
};
export const derive = (trigger: TriggerSpec, records: PersonRecords, asOf: string, evidence: Evidence = {}) =>
  (TRIGGER_DEFINITIONS[trigger.kind] as { derive: (t: TriggerSpec, c: unknown) => (p: Person, y: ReturnType<typeof yearPeriod>) => unknown }).derive(trigger, { records, asOf: day(asOf), evidence })!;

export const A = person("A", "2022-03-15");
export const B = person("B", "2022-03-15");
export const C = person("C", "2022-10-01");
