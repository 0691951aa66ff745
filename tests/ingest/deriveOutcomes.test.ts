/**
 * Every outcome kind on a mini fixture whose expected values are worked out by hand
 * in the comments. As-of date 2024-06-30: follow-up is known up to 2024-07-01 (exclusive).
 */
import { describe, expect, it } from "vitest";
import { deriveOutcome } from "../../src/ingest/deriveOutcomes.ts";
import { deriveCovariate } from "../../src/ingest/deriveCovariates.ts";
import { benefitPanelFrom, groupByPerson, type PersonRecords } from "../../src/ingest/personRecords.ts";
import { Covariate, Outcome } from "../../src/spec/schema.ts";
import type { Person, PsychiatricContact } from "../../src/ingest/schema.ts";
import { day } from "../helpers.ts";

const asOf = day("2024-06-30");
const person = (personId: string, start: string, birth = "2000-11-04", sex: "female" | "male" = "female"): Person => ({
  personId,
  birthDate: day(birth),
  sex,
  startDate: day(start),
  referralDate: null,
  targetGroup: null,
  exitDate: null,
  exitReason: null,
});
// P1 is followed fully; P2's 12-month window ends 2024-09-15, after the as-of date (censored);
// P3's ends 2024-06-30 and P4's on 2024-07-01 = as-of + 1 (both complete); P5's on 2024-07-02 (censored).
const persons = [person("P1", "2021-11-03"), person("P2", "2023-09-15"), person("P3", "2023-06-30"), person("P4", "2023-07-01"), person("P5", "2023-07-02")];
const ids = new Set(persons.map((p) => p.personId));
const codes = { groupOfCode: new Map([["134", "public_support"], ["521", "flex_job"], ["651", "su"]]), absentGroup: "self_supporting" };

// P1's 12-month window is [2021-11-03, 2022-11-03): Mondays 2021-11-08 … 2022-10-31.
const p1Weeks = [
  ["2021-11-01", "134"], // Monday before the start: outside the window (counts for the baseline covariate)
  ...["2021-11-08", "2021-11-15", "2021-11-22", "2021-11-29", "2021-12-06", "2021-12-13", "2021-12-20", "2021-12-27", "2022-01-03", "2022-01-10"].map((d) => [d, "134"]),
  ["2022-02-28", "134"], // week containing month 4 (2022-03-03): on support
  ["2022-03-07", "521"], // a flex-job week
  ["2022-05-09", "651"], // SU
  ["2022-10-31", "134"], // last Monday inside the window
  ["2022-11-07", "134"], // outside
] as const;
const psychiatric: PsychiatricContact[] = [
  { personId: "P1", contactType: "admission", startDate: day("2021-10-30"), endDate: day("2021-11-05") }, // 2 nights in window (11-03 → 11-05)
  { personId: "P1", contactType: "admission", startDate: day("2022-11-01"), endDate: day("2022-11-10") }, // 2 nights in window (11-01 → 11-03)
  { personId: "P1", contactType: "emergency", startDate: day("2021-11-03"), endDate: day("2021-11-03") }, // in
  { personId: "P1", contactType: "emergency", startDate: day("2022-11-03"), endDate: day("2022-11-03") }, // out (end is exclusive)
  { personId: "P3", contactType: "admission", startDate: day("2024-06-20"), endDate: null }, // open; P3's window ends 2024-06-30 → 10 nights
];

const records: PersonRecords = {
  persons,
  benefitGroups: benefitPanelFrom(p1Weeks.map(([d, code]) => ({ personId: "P1", week: day(d), code })), codes, [...ids], day("2020-11-01"), asOf),
  absentGroup: "self_supporting",
  educationSpells: groupByPerson(
    [
      { personId: "P1", startDate: day("2022-08-15"), endDate: null, level: "0751" }, // open at month 12 (2022-11-03)
      { personId: "P3", startDate: day("2023-08-01"), endDate: day("2024-06-30") }, // ends on the month-12 date itself: still enrolled
      { personId: "P4", startDate: day("2023-08-01"), endDate: day("2024-06-30") }, // ended the day before P4's month-12 date (2024-07-01)
    ].map((s) => ({ level: null, ...s })),
    ids,
  ),
  paidHours: groupByPerson(
    [
      { personId: "P1", month: 2021 * 12 + 10, hours: 10 }, // Nov 2021: first day before start, out
      { personId: "P1", month: 2021 * 12 + 11, hours: 20 }, // Dec 2021: in
      { personId: "P1", month: 2022 * 12 + 10, hours: 5 }, // Nov 2022: 1 Nov is before 3 Nov, in
      { personId: "P1", month: 2022 * 12 + 11, hours: 7 }, // Dec 2022: out
      { personId: "Z", month: 2022 * 12, hours: 100 }, // not in the population: ignored
    ],
    ids,
  ),
  psychiatricContacts: groupByPerson(psychiatric, ids),
  socialServices: groupByPerson(
    [
      { personId: "P1", month: 2021 * 12 + 11, costKr: 1000.1, measure: null },
      { personId: "P1", month: 2022 * 12 + 10, costKr: 99.2, measure: null },
    ],
    ids,
  ),
  convictions: groupByPerson(
    [
      { personId: "P1", date: day("2016-11-02") }, // 60 months + 1 day before P1's start: not prior (the window is [start − 60 months, start))
      { personId: "P1", date: day("2016-11-03") }, // exactly 60 months before start: prior
      { personId: "P1", date: day("2021-11-02") }, // the day before start: prior
      { personId: "P3", date: day("2023-06-29") }, // the day before P3's start: prior
      { personId: "P1", date: day("2021-11-03") }, // the start day itself: not prior
      { personId: "P1", date: day("2022-01-10") }, // the release day itself: not a re-conviction
      { personId: "P1", date: day("2022-11-03") }, // after release, within 24 months; outside the 12-month window
      { personId: "P2", date: day("2024-06-30") },
    ],
    ids,
  ),
  prisonReleases: groupByPerson(
    [
      { personId: "P1", releaseDate: day("2021-10-01"), admissionDate: day("2021-04-01") }, // before start: not used for outcomes; 183 days served
      { personId: "P1", releaseDate: day("2022-01-10") },
      { personId: "P4", releaseDate: day("2023-08-01") }, // 24 months end 2025-08-01, after as-of: censored
    ],
    ids,
  ),
};

function values(spec: unknown): (number | string | null)[] {
  const column = deriveOutcome(Outcome.parse({ id: "o", ...(spec as object) }), records, asOf);
  if (!column) throw new Error("outcome was skipped");
  return column.values.map((v) => (v.status === "observed" ? v.value : v.status === "censored" ? (v.reason === "as_of" ? "censored" : `censored:${v.reason}`) : v.status));
}

describe("deriveOutcome", () => {
  it("days_on_public_support counts 7 days per support week whose Monday is in the window, and censors short follow-up", () => {
    // P1: 10 weeks from 2021-11-08, 2022-02-28 and 2022-10-31 = 12 weeks = 84 days.
    expect(values({ kind: "days_on_public_support", windowMonths: 12 })).toEqual([84, "censored", 0, 0, "censored"]);
  });

  it("fromMonth starts the window later: months 6–12 of P1 hold one support week (2022-10-31)", () => {
    expect(values({ kind: "days_on_public_support", fromMonth: 6, windowMonths: 12 })).toEqual([7, "censored", 0, 0, "censored"]);
  });

  it("flex_job is 1 when any week in the window is in the flex_job group", () => {
    expect(values({ kind: "flex_job", windowMonths: 12 })).toEqual([1, "censored", 0, 0, "censored"]);
  });

  it("self_supporting_at_month reads the benefit week containing the date; a week without a code is self-supporting", () => {
    // Month 4 = 2022-03-03 (week of 2022-02-28: code 134); month 6 = 2022-05-03 (week of 2022-05-02: no code).
    expect(values({ kind: "self_supporting_at_month", atMonth: 4 })).toEqual([0, 1, 1, 1, 1]);
    expect(values({ kind: "self_supporting_at_month", atMonth: 6 })).toEqual([1, 1, 1, 1, 1]);
    // P1's month 12 = 2022-11-03 lies in the week of 2022-10-31 (code 134). For P2 (2024-09-15),
    // P4 (2024-07-01) and P5 (2024-07-02) month 12 is after the as-of date.
    expect(values({ kind: "self_supporting_at_month", atMonth: 12 })).toEqual([0, "censored", 1, "censored", "censored"]);
  });

  it("in_education_at_month is 1 when a spell covers the date (end inclusive, open spells run on)", () => {
    expect(values({ kind: "in_education_at_month", atMonth: 12 })).toEqual([1, "censored", 1, "censored", "censored"]);
    expect(values({ kind: "in_education_at_month", atMonth: 11 })).toEqual([1, "censored", 1, 1, 0]);
  });

  it("paid_hours sums months whose first day lies in the window", () => {
    expect(values({ kind: "paid_hours", windowMonths: 12 })).toEqual([25, "censored", 0, 0, "censored"]);
  });

  it("psychiatric: any, count and admission nights clipped to the window", () => {
    expect(values({ kind: "psychiatric", contactType: "admission", measure: "any", windowMonths: 12 })).toEqual([1, "censored", 1, 0, "censored"]);
    expect(values({ kind: "psychiatric", contactType: "admission", measure: "days", windowMonths: 12 })).toEqual([4, "censored", 10, 0, "censored"]);
    expect(values({ kind: "psychiatric", contactType: "emergency", measure: "count", windowMonths: 12 })).toEqual([1, "censored", 0, 0, "censored"]);
  });

  it("social_services_kr sums kroner without floating-point noise", () => {
    expect(values({ kind: "social_services_kr", windowMonths: 12 })).toEqual([1099.3, "censored", 0, 0, "censored"]);
  });

  it("convictions_per_person_year divides by the follow-up observed within the window", () => {
    const column = deriveOutcome(Outcome.parse({ id: "c", kind: "convictions_per_person_year", windowMonths: 12 }), records, asOf)!;
    // P1: 2 convictions in 365 days; P2: 1 in 2023-09-15 … 2024-06-30 = 290 days; P5: 0 in 365 days (2023-07-02 … 2024-06-30).
    expect(column.values[0]).toEqual({ status: "observed", value: 2 / (365 / 365.25), exposureYears: 365 / 365.25 });
    expect(column.values[1]).toEqual({ status: "observed", value: 1 / (290 / 365.25), exposureYears: 290 / 365.25 });
    expect(column.values[4]).toEqual({ status: "observed", value: 0, exposureYears: 365 / 365.25 });
    expect(column.type).toBe("rate");
  });

  it("reconviction_after_release: first release on or after start, conviction after it within 24 months", () => {
    expect(values({ kind: "reconviction_after_release" })).toEqual([1, "not_applicable", "not_applicable", "censored", "not_applicable"]);
  });

  it("deriveOutcome returns null when the extract it needs is absent", () => {
    expect(deriveOutcome(Outcome.parse({ id: "o", kind: "paid_hours", windowMonths: 12 }), { ...records, paidHours: null }, asOf)).toBeNull();
  });
});

describe("deriveOutcome after an exit", () => {
  // P6 started 2022-01-10 and died 2022-06-30: follow-up ends that day, whatever the as-of date.
  const died: Person = { ...person("P6", "2022-01-10"), exitDate: day("2022-06-30"), exitReason: "died" };
  const withExit: PersonRecords = { ...records, persons: [died], convictions: new Map([["P6", [{ personId: "P6", date: day("2022-03-01") }]]]) };
  const valueOf = (spec: unknown) => deriveOutcome(Outcome.parse({ id: "o", ...(spec as object) }), withExit, asOf)!.values[0];

  it("censors a window that ends after the exit, naming the exit reason", () => {
    expect(valueOf({ kind: "paid_hours", windowMonths: 12 })).toEqual({ status: "censored", reason: "died" });
    expect(valueOf({ kind: "in_education_at_month", atMonth: 6 })).toEqual({ status: "censored", reason: "died" });
  });

  it("observes what lies before the exit", () => {
    expect(valueOf({ kind: "in_education_at_month", atMonth: 5 })).toEqual({ status: "observed", value: 0 });
  });

  it("ends the exposure for rates at the exit: 1 conviction in 2022-01-10 … 2022-06-30 (172 days)", () => {
    expect(valueOf({ kind: "convictions_per_person_year", windowMonths: 12 })).toEqual({ status: "observed", value: 1 / (172 / 365.25), exposureYears: 172 / 365.25 });
  });
});

describe("deriveCovariate", () => {
  const covariate = (spec: unknown) => deriveCovariate(Covariate.parse({ id: "c", ...(spec as object) }), records)!.values;

  it("age_at_start is the age in completed years on the start date", () => {
    expect(covariate({ kind: "age_at_start" })).toEqual([20, 22, 22, 22, 22]);
  });

  it("public_support_weeks_before_start counts support weeks in the 52 weeks before start", () => {
    expect(covariate({ kind: "public_support_weeks_before_start" })).toEqual([1, 0, 0, 0, 0]);
  });

  it("convictions_before_start counts convictions in [start − months, start): 60 months by default, 12 when asked", () => {
    expect(covariate({ kind: "convictions_before_start" })).toEqual([2, 0, 1, 0, 0]);
    expect(covariate({ kind: "convictions_before_start", months: 12 })).toEqual([1, 0, 1, 0, 0]);
  });

  it("days_served_before_start is release − admission of the last release on or before start (2021-04-01 → 2021-10-01 = 183); 0 without one", () => {
    expect(covariate({ kind: "days_served_before_start" })).toEqual([183, 0, 0, 0, 0]);
    const withoutAdmission = { ...records, prisonReleases: new Map([["P1", [{ personId: "P1", releaseDate: day("2021-10-01"), admissionDate: null }]]]) };
    expect(deriveCovariate(Covariate.parse({ id: "c", kind: "days_served_before_start" }), withoutAdmission)!.values).toEqual([null, 0, 0, 0, 0]);
  });

  it("psychiatric_admission_before_start looks back 12 months", () => {
    expect(covariate({ kind: "psychiatric_admission_before_start" })).toEqual([1, 0, 0, 0, 0]);
  });
});

describe("release-programme outcomes (as of 2024-06-30)", () => {
  const r1: Person = { ...person("R1", "2024-01-10"), referralDate: null };
  const r2: Person = { ...person("R2", "2024-06-20"), referralDate: null };
  const codes = { groupOfCode: new Map([["134", "public_support"], ["170", "activation"]]), absentGroup: "self_supporting" };
  const ids = ["R1", "R2"];
  const released: PersonRecords = {
    persons: [r1, r2],
    benefitGroups: benefitPanelFrom(
      [
        { personId: "R1", week: day("2024-02-05"), code: "134" }, // February has a support week
        { personId: "R1", week: day("2024-04-08"), code: "170" }, // activation in the week of month 3 (2024-04-10)
      ],
      codes,
      ids,
      day("2023-01-02"),
      asOf,
    ),
    absentGroup: "self_supporting",
    educationSpells: new Map(),
    paidHours: groupByPerson(
      [
        { personId: "R1", month: 2024 * 12 + 2, hours: 20 }, // March 2024: the first job start (2024-03-01)
        { personId: "R1", month: 2024 * 12 + 4, hours: 15 }, // May 2024: still working 2 months after the start
      ],
      new Set(ids),
    ),
    psychiatricContacts: null,
    socialServices: null,
    convictions: null,
    prisonReleases: null,
    jobcentreContacts: groupByPerson([{ personId: "R1", date: day("2024-01-05") }, { personId: "R1", date: day("2024-01-22") }], new Set(ids)),
    checklistItems: groupByPerson([{ personId: "R1", item: "housing", date: day("2024-01-20") }, { personId: "R1", item: "mitid", date: day("2024-02-01") }], new Set(ids)),
  };
  const valuesOf = (spec: unknown) =>
    deriveOutcome(Outcome.parse({ id: "o", ...(spec as object) }), released, asOf)!.values.map((v) => (v.status === "observed" ? v.value : v.status));

  it("days_to_first_contact: the first contact on or after release, 12 days; none yet is censored", () => {
    expect(valuesOf({ kind: "days_to_first_contact" })).toEqual([12, "censored"]);
  });
  it("in_contact_at_month (004: contact or work or education at month k) — released 2024-01-10, contact 2024-01-22: in contact at month 1 (30 days to 2024-02-10); no contact near month 2 but paid hours in March: 1; at month 3 no contact and no hours in April: 0; nothing within 10 days of month 1: 0", () => {
    expect(valuesOf({ kind: "in_contact_at_month", atMonth: 1 })).toEqual([1, "censored"]);
    expect(valuesOf({ kind: "in_contact_at_month", atMonth: 2, withinDays: 10 })).toEqual([1, "censored"]);
    expect(valuesOf({ kind: "in_contact_at_month", atMonth: 3 })).toEqual([0, "censored"]);
    expect(valuesOf({ kind: "in_contact_at_month", atMonth: 1, withinDays: 10 })).toEqual([0, "censored"]);
  });
  it("checklist_done: within 14 days (housing, day 10) yes, MitID on day 22 no; a horizon not yet reached is censored", () => {
    expect(valuesOf({ kind: "checklist_done", item: "housing" })).toEqual([1, "censored"]);
    expect(valuesOf({ kind: "checklist_done", item: "mitid" })).toEqual([0, "censored"]);
  });
  it("months_without_benefit: whole months of [2024-01-10, 2024-04-10) — February has support, March has none → 1", () => {
    expect(valuesOf({ kind: "months_without_benefit", windowMonths: 3 })).toEqual([1, "censored"]);
  });
  it("in_activity_at_month: activation at month 3, paid hours at month 2, nothing at month 1", () => {
    expect(valuesOf({ kind: "in_activity_at_month", atMonth: 3 })).toEqual([1, "censored"]);
    expect(valuesOf({ kind: "in_activity_at_month", atMonth: 2 })).toEqual([1, "censored"]);
    expect(valuesOf({ kind: "in_activity_at_month", atMonth: 1 })).toEqual([0, "censored"]);
  });
  it("job_or_education_start and retained_after_start: a job from March, still working two months later", () => {
    expect(valuesOf({ kind: "job_or_education_start", windowMonths: 3 })).toEqual([1, "censored"]);
    expect(valuesOf({ kind: "retained_after_start", windowMonths: 3, afterMonths: 2 })).toEqual([1, "censored"]);
    expect(valuesOf({ kind: "retained_after_start", windowMonths: 1, afterMonths: 2 })).toEqual(["not_applicable", "censored"]);
  });
});
