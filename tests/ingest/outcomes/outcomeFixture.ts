/** Persons, records and a derive call for the outcome-kind mirror tests; every expected value is worked out in its test. */
import type { BenefitWeek, Person } from "../../../src/ingest/schema.ts";
import { benefitPanelFrom, groupByPerson, type PersonRecords } from "../../../src/ingest/personRecords.ts";
import type { Evidence } from "../../../src/ingest/outcomes/evidence.ts";
import type { OutcomeDefinition, OutcomeKind, OutcomeOf, OutcomeValue } from "../../../src/ingest/outcomes/types.ts";
import { Outcome } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";

export const asOf = day("2024-06-30");

export function person(personId: string, start: string, exit: string | null = null, exitReason: Person["exitReason"] = "emigrated"): Person {
  return { personId, birthDate: day("1995-01-01"), sex: "female", startDate: day(start), referralDate: null, targetGroup: null, exitDate: exit === null ? null : day(exit), exitReason: exit === null ? null : exitReason };
}

/** Records with nothing but the persons; `extra` adds extracts (rows grouped by person). */
export function recordsOf(persons: readonly Person[], extra: Partial<Record<keyof PersonRecords, readonly ({ readonly personId: string } & Record<string, unknown>)[]>> = {}, benefitWeeks: readonly BenefitWeek[] | null = null): PersonRecords {
  const ids = new Set(persons.map((p) => p.personId));
  const grouped = Object.fromEntries(Object.entries(extra).map(([key, rows]) => [key, groupByPerson(rows as readonly { personId: string }[], ids)]));
  const codes = { groupOfCode: new Map([["134", "public_support"], ["521", "flex_job"], ["651", "su"]]), absentGroup: "self_supporting" };
  return {
    persons,
    benefitGroups: benefitPanelFrom(benefitWeeks, benefitWeeks && codes, [...ids], day("2020-01-06"), asOf),
    absentGroup: "self_supporting",
    educationSpells: null,
    paidHours: null,
    psychiatricContacts: null,
    socialServices: null,
    convictions: null,
    prisonReleases: null,
    ...grouped,
  } as PersonRecords;
}

/** Benefit weeks of one person: [Monday, code] pairs. */
export const weeks = (personId: string, list: readonly (readonly [string, string])[]): BenefitWeek[] => list.map(([monday, code]) => ({ personId, week: day(monday), code }));

/** The value per person of an outcome (spec JSON parsed by the spec schema), through the kind's own definition; null when it is skipped. */
export function deriveWith<K extends OutcomeKind>(definition: OutcomeDefinition<K>, spec: object, records: PersonRecords, evidence: Evidence = {}, at = asOf): Record<string, OutcomeValue> | null {
  const outcome = Outcome.parse({ id: "o", ...spec }) as OutcomeOf<K>;
  const derive = definition.derive(outcome, { records, asOf: at, evidence });
  return derive && Object.fromEntries(records.persons.map((p) => [p.personId, derive(p)]));
}

export const value = (v: number): OutcomeValue => ({ status: "observed", value: v });
export const notApplicableValue: OutcomeValue = { status: "not_applicable" };
