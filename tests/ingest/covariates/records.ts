/** Persons and empty per-person records for the covariate tests (each test adds the extract it reads). */
import type { PersonRecords } from "../../../src/ingest/personRecords.ts";
import type { Person } from "../../../src/ingest/schema.ts";
import { Covariate, type CovariateSpec } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";

export const person = (personId: string, start: string, extra: Partial<Person> = {}): Person => ({
  personId,
  birthDate: day("2000-03-15"),
  sex: "female",
  startDate: day(start),
  referralDate: null,
  targetGroup: null,
  exitDate: null,
  exitReason: null,
  ...extra,
});

export const recordsOf = (persons: readonly Person[], extra: Partial<PersonRecords> = {}): PersonRecords => ({
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

/** A covariate as the spec gives it (defaults filled in by the schema). */
export const covariate = <K extends CovariateSpec["kind"]>(spec: { kind: K } & Record<string, unknown>) => Covariate.parse({ id: "c", ...spec }) as Extract<CovariateSpec, { kind: K }>;
