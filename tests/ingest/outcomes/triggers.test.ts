/**
 * Every rate-card trigger kind on a few persons whose values are worked out by hand in the
 * comments (days counted on a calendar), and the table deriveTriggers builds from them.
 */
import { describe, expect, it } from "vitest";
import { deriveTriggers } from "../../../src/ingest/deriveTriggers.ts";
import type { Evidence } from "../../../src/ingest/outcomes/evidence.ts";
import { TRIGGER_DEFINITIONS } from "../../../src/ingest/outcomes/triggers.ts";
import { yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import type { PersonRecords } from "../../../src/ingest/personRecords.ts";
import type { Person } from "../../../src/ingest/schema.ts";
import { monthIndex } from "../../../src/shared/dates.ts";
import type { TriggerSpec } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";

const person = (personId: string, start: string, exit?: string): Person => ({
  personId,
  birthDate: day("2000-01-01"),
  sex: "female",
  startDate: day(start),
  referralDate: null,
  targetGroup: null,
  exitDate: exit ? day(exit) : null,
  exitReason: exit ? "emigrated" : null,
});
const base = (persons: Person[], extra: Partial<PersonRecords>): PersonRecords => ({
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
const map = <T extends { personId: string }>(rows: T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.personId, [...(m.get(r.personId) ?? []), r]);
  return m;
};
const derive = (trigger: TriggerSpec, records: PersonRecords, asOf: string, evidence: Evidence = {}) =>
  (TRIGGER_DEFINITIONS[trigger.kind] as { derive: (t: TriggerSpec, c: unknown) => (p: Person, y: ReturnType<typeof yearPeriod>) => unknown }).derive(trigger, { records, asOf: day(asOf), evidence })!;

const A = person("A", "2022-03-15");
const B = person("B", "2022-03-15");
const C = person("C", "2022-10-01");

describe("shelter_nights_within", () => {
  const trigger: TriggerSpec = { kind: "shelter_nights_within", id: "stable_housing", source: "002", windowMonths: 6, maxNights: 5 };
  // Window of A and B: [2022-03-15, 2022-09-15).
  const records = base([A, B, C], {
    shelterStays: map([
      // A: in 03-01, out 03-18 → nights of 03-15, 03-16, 03-17 inside the window = 3; in 09-13 out 09-20 → 09-13, 09-14 = 2. Total 5 ≤ 5.
      { personId: "A", startDate: day("2022-03-01"), endDate: day("2022-03-18") },
      { personId: "A", startDate: day("2022-09-13"), endDate: day("2022-09-20") },
      // B: 04-01 to 04-05 (4 nights) and an overlapping 04-03 to 04-06 (adds only 04-05) = 5, plus 06-10 to 06-11 = 6 > 5.
      { personId: "B", startDate: day("2022-04-01"), endDate: day("2022-04-05") },
      { personId: "B", startDate: day("2022-04-03"), endDate: day("2022-04-06") },
      { personId: "B", startDate: day("2022-06-10"), endDate: day("2022-06-11") },
    ]),
  });
  it("shelter_nights_within counts nights [in, out) inside the window, a night once", () => {
    const f = derive(trigger, records, "2022-12-31");
    expect(f(A, yearPeriod(2022))).toEqual({ status: "observed", value: 1 });
    expect(f(B, yearPeriod(2022))).toEqual({ status: "observed", value: 0 });
  });
  it("shelter_nights_within is censored until the window is followed to its end, and an open stay runs on", () => {
    // C's window [2022-10-01, 2023-04-01): not complete on 2023-03-30.
    expect(derive(trigger, records, "2023-03-30")(C, yearPeriod(2023))).toEqual({ status: "censored", reason: "as_of" });
    const open = base([C], { shelterStays: map([{ personId: "C", startDate: day("2023-03-20"), endDate: null }]) });
    // Open from 03-20: nights 03-20 … 03-31 = 12 > 5.
    expect(derive(trigger, open, "2023-04-30")(C, yearPeriod(2023))).toEqual({ status: "observed", value: 0 });
  });
  it("shelter_nights_within is incomplete when a rejected stay of the person falls in the window", () => {
    const evidence: Evidence = { shelter_stays: { coverage: null, flagged: new Map([["A", [{ from: day("2022-05-01"), to: null, reason: "quarantined_row", line: 3 }]]]), unattributed: [] } };
    expect(derive(trigger, records, "2022-12-31", evidence)(A, yearPeriod(2022))).toEqual({ status: "incomplete", reason: "quarantined_row" });
  });
});

describe("employment_rate_within", () => {
  const trigger: TriggerSpec = { kind: "employment_rate_within", id: "employment_25", source: "002", windowMonths: 6, minRate: 0.25, fullTimeHoursPerMonth: 160 };
  // Threshold 0.25 × 160 × 6 = 240 hours. A's window months (first day in [03-15, 09-15)): April … September.
  const hours = (personId: string, month: string, h: number) => ({ personId, month: monthIndex(day(`${month}-01`)), hours: h });
  const records = base([A, B], {
    paidHours: map([
      hours("A", "2022-03", 500), // March 1 is before the start: not counted
      hours("A", "2022-04", 100),
      hours("A", "2022-09", 140), // 100 + 140 = 240: reached
      hours("B", "2022-05", 120),
      hours("B", "2022-10", 200), // October is outside: 120 < 240
    ]),
  });
  it("employment_rate_within compares the window's paid hours with minRate × full time × months", () => {
    const f = derive(trigger, records, "2022-12-31");
    expect(f(A, yearPeriod(2022))).toEqual({ status: "observed", value: 1 });
    expect(f(B, yearPeriod(2022))).toEqual({ status: "observed", value: 0 });
  });
  it("employment_rate_within is censored by the extract's coverage, not read as no hours", () => {
    const evidence: Evidence = { paid_hours_monthly: { coverage: { from: null, to: day("2022-08-31") }, flagged: new Map(), unattributed: [] } };
    expect(derive(trigger, records, "2022-12-31", evidence)(B, yearPeriod(2022))).toEqual({ status: "censored", reason: "extract_coverage" });
  });
});

describe("education_within", () => {
  const trigger: TriggerSpec = { kind: "education_within", id: "su_education", source: "002", windowMonths: 6, levels: ["HF"] };
  const spell = (personId: string, start: string, end: string | null, level: string | null, suEligible: "yes" | "no" | null) => ({ personId, startDate: day(start), endDate: end ? day(end) : null, level, suEligible, completed: null });
  const records = base([A, B, C], {
    educationSpells: map([
      spell("A", "2022-09-14", null, "EUD", "yes"), // flagged SU, starts on the window's last day: counts
      spell("B", "2022-01-01", "2022-03-14", "HF", null), // ends the day before B's start: does not count
      spell("B", "2022-09-15", null, "HF", null), // starts on the window's end (exclusive): does not count
      spell("C", "2022-11-01", "2023-01-31", "HF", "no"), // level HF listed: counts although flagged no
    ]),
  });
  it("education_within counts a spell flagged SU-eligible or of a listed level that covers a day of the window", () => {
    const f = derive(trigger, records, "2023-12-31");
    expect(f(A, yearPeriod(2022))).toEqual({ status: "observed", value: 1 });
    expect(f(B, yearPeriod(2022))).toEqual({ status: "observed", value: 0 });
    expect(f(C, yearPeriod(2023))).toEqual({ status: "observed", value: 1 });
  });
});

describe("action_plan_progress_within", () => {
  const trigger: TriggerSpec = { kind: "action_plan_progress_within", id: "action_plan_progress", source: "002", windowMonths: 6 };
  const records = base([A, B], {
    actionPlanAssessments: map([
      { personId: "A", date: day("2022-06-01"), result: "no_progress" as const },
      { personId: "A", date: day("2022-09-14"), result: "progress" as const },
      { personId: "B", date: day("2022-09-15"), result: "progress" as const }, // the day after the window
    ]),
  });
  it("action_plan_progress_within is 1 when an assessment in the window records progress", () => {
    const f = derive(trigger, records, "2022-12-31");
    expect(f(A, yearPeriod(2022))).toEqual({ status: "observed", value: 1 });
    expect(f(B, yearPeriod(2022))).toEqual({ status: "observed", value: 0 });
  });
});

describe("year triggers", () => {
  const camp: TriggerSpec = { kind: "activity_in_year", id: "camp_mentor", source: "002", activities: ["camp", "mentor"], require: "all" };
  const activities = base([A, B], {
    programmeActivities: map([
      { personId: "A", activity: "camp", date: day("2022-07-01") },
      { personId: "A", activity: "mentor", date: day("2022-11-30") },
      { personId: "A", activity: "camp", date: day("2023-07-01") },
      { personId: "B", activity: "mentor", date: day("2022-04-01") },
    ]),
  });
  it("activity_in_year needs every listed activity in the year; a year under way without it is censored, not 0", () => {
    const f = derive(camp, activities, "2023-08-31");
    expect(f(A, yearPeriod(2022))).toEqual({ status: "observed", value: 1 });
    expect(f(B, yearPeriod(2022))).toEqual({ status: "observed", value: 0 });
    expect(f(A, yearPeriod(2023))).toEqual({ status: "censored", reason: "as_of" }); // camp, no mentor yet
    expect(f(A, yearPeriod(2024))).toEqual({ status: "not_applicable" });
    expect(derive({ ...camp, require: "any" } as TriggerSpec, activities, "2023-08-31")(A, yearPeriod(2023))).toEqual({ status: "observed", value: 1 });
  });

  it("exam_passed_in_year counts a passed exam of the listed codes in the year", () => {
    const exam: TriggerSpec = { kind: "exam_passed_in_year", id: "fsa_passed", source: "002", exams: ["FSA9"] };
    const records = base([A, B], {
      schoolExams: map([
        { personId: "A", exam: "FSA9", date: day("2023-06-20"), result: "passed" as const },
        { personId: "B", exam: "FSA9", date: day("2023-06-20"), result: "failed" as const },
        { personId: "B", exam: "FSA10", date: day("2023-06-21"), result: "passed" as const },
      ]),
    });
    const f = derive(exam, records, "2024-01-31");
    expect([f(A, yearPeriod(2022)), f(A, yearPeriod(2023)), f(B, yearPeriod(2023))]).toEqual([
      { status: "observed", value: 0 },
      { status: "observed", value: 1 },
      { status: "observed", value: 0 },
    ]);
  });

  it("upper_secondary_in_year pays the first enrolment (and the first completion) once, in its year", () => {
    const spell = (personId: string, start: string, end: string | null, level: string, completed: "yes" | "no" | null) => ({ personId, startDate: day(start), endDate: end ? day(end) : null, level, suEligible: null, completed });
    const records = base([A], {
      educationSpells: map([
        spell("A", "2023-08-10", "2023-12-20", "STX", "no"), // first enrolment 2023 (dropped out)
        spell("A", "2024-08-10", "2026-06-25", "EUD", "yes"), // second enrolment, completed 2026
      ]),
    });
    const enrolled = derive({ kind: "upper_secondary_in_year", id: "us_enrolled", source: "002", event: "enrolled", levels: ["STX", "EUD"] }, records, "2026-12-31");
    const completed = derive({ kind: "upper_secondary_in_year", id: "us_completed", source: "002", event: "completed", levels: ["STX", "EUD"] }, records, "2026-12-31");
    expect([2022, 2023, 2024, 2025, 2026].map((y) => (enrolled(A, yearPeriod(y)) as { value: number }).value)).toEqual([0, 1, 0, 0, 0]);
    expect([2022, 2023, 2024, 2025, 2026].map((y) => (completed(A, yearPeriod(y)) as { value: number }).value)).toEqual([0, 0, 0, 0, 1]);
  });

  it("paid_hours_in_year sums the months of the followed part of the year, and censors a year under way or cut by an exit", () => {
    const trigger: TriggerSpec = { kind: "paid_hours_in_year", id: "hours_in_year", source: "IPS+" };
    const hours = (personId: string, month: string, h: number) => ({ personId, month: monthIndex(day(`${month}-01`)), hours: h });
    const D = person("D", "2022-03-15", "2023-05-01");
    const records = base([A, D], { paidHours: map([hours("A", "2022-03", 90), hours("A", "2022-04", 37.5), hours("A", "2022-12", 62.5), hours("A", "2023-01", 10), hours("D", "2022-06", 80)]) });
    const f = derive(trigger, records, "2023-06-30");
    // A 2022: April 37.5 + December 62.5 = 100 (March's first day is before the start).
    expect(f(A, yearPeriod(2022))).toEqual({ status: "observed", value: 100 });
    expect(f(A, yearPeriod(2023))).toEqual({ status: "censored", reason: "as_of" });
    expect(f(D, yearPeriod(2022))).toEqual({ status: "observed", value: 80 });
    expect(f(D, yearPeriod(2023))).toEqual({ status: "censored", reason: "emigrated" });
  });
});

describe("deriveTriggers", () => {
  it("deriveTriggers puts a window trigger in the year its window ends and a year trigger in each followed year up to the as-of year", () => {
    const records = base([A, C], {
      actionPlanAssessments: map([{ personId: "C", date: day("2023-01-10"), result: "progress" as const }]),
      programmeActivities: map([{ personId: "A", activity: "camp", date: day("2023-02-01") }]),
    });
    const { rows, summaries } = deriveTriggers(
      {
        years: { from: 2022, to: 2030 },
        outcomes: [
          { kind: "action_plan_progress_within", id: "progress", source: "002", windowMonths: 6 },
          { kind: "activity_in_year", id: "camp", source: "002", activities: ["camp"], require: "all" },
        ],
      },
      records,
      day("2023-06-30"),
      {},
    );
    // A's window ends 2022-09-14 (2022); C's [2022-10-01, 2023-04-01) ends 2023-03-31 (2023). Camp: 2022 and 2023 for both (C from 2022-10-01).
    expect(rows.map((r) => [r.personId, r.period, r.trigger, r.value.status === "observed" ? r.value.value : r.value.status])).toEqual([
      ["A", "2022", "progress", 0],
      ["A", "2022", "camp", 0],
      ["A", "2023", "camp", 1],
      ["C", "2022", "camp", 0],
      ["C", "2023", "progress", 1],
      ["C", "2023", "camp", "censored"],
    ]);
    expect(summaries[1]!.periods).toEqual([
      { period: "2022", persons: 2, achieved: 0, byStatus: { observed: 2 } },
      { period: "2023", persons: 2, achieved: 1, byStatus: { "censored:as_of": 1, observed: 1 } },
    ]);
  });
});

describe("no_stay_in_year", () => {
  it("no_stay_in_year is 1 for a followed year without a night at a crisis centre, 0 with one, censored while the year is under way", () => {
    const trigger: TriggerSpec = { kind: "no_stay_in_year", id: "no_crisis_centre", source: "002" };
    const records = base([A, B], {
      shelterStays: map([
        { personId: "B", startDate: day("2022-12-31"), endDate: day("2023-01-02") }, // the night of 12-31 is in 2022, of 01-01 in 2023
        { personId: "A", startDate: day("2023-02-01"), endDate: day("2023-02-01") }, // in and out the same day: no night
      ]),
    });
    const f = derive(trigger, records, "2023-06-30");
    expect([f(A, yearPeriod(2022)), f(B, yearPeriod(2022))]).toEqual([
      { status: "observed", value: 1 },
      { status: "observed", value: 0 },
    ]);
    expect(f(B, yearPeriod(2023))).toEqual({ status: "observed", value: 0 });
    expect(f(A, yearPeriod(2023))).toEqual({ status: "censored", reason: "as_of" });
  });
});
