import { describe, expect, it } from "vitest";
import { jobOrEducationStart } from "../../../src/ingest/outcomes/job_or_education_start.ts";
import { day } from "../../helpers.ts";
import { deriveWith, person, recordsOf, value } from "./outcomeFixture.ts";

const month = (year: number, m: number) => year * 12 + (m - 1);
// 6-month windows from 2023-01-15: [2023-01-15, 2023-07-15). A: paid hours in March. B: a spell starting in May.
// C: a spell that started before the window (not a start in it) and 0 hours in April. D: hours in January (first day before start).
const persons = ["A", "B", "C", "D"].map((id) => person(id, "2023-01-15"));
const extracts = {
  paidHours: [{ personId: "A", month: month(2023, 3), hours: 12 }, { personId: "C", month: month(2023, 4), hours: 0 }, { personId: "D", month: month(2023, 1), hours: 30 }],
  educationSpells: [{ personId: "B", startDate: day("2023-05-02"), endDate: null, level: null }, { personId: "C", startDate: day("2022-08-01"), endDate: null, level: null }],
};

describe("jobOrEducationStart", () => {
  it("jobOrEducationStart.derive is 1 for a month with paid hours or a spell starting in the window, 0 otherwise", () => {
    expect(deriveWith(jobOrEducationStart, { kind: "job_or_education_start", windowMonths: 6 }, recordsOf(persons, extracts))).toEqual({ A: value(1), B: value(1), C: value(0), D: value(0) });
  });

  it("jobOrEducationStart.derive needs both extracts, else it is skipped", () => {
    expect(deriveWith(jobOrEducationStart, { kind: "job_or_education_start", windowMonths: 6 }, recordsOf(persons, { paidHours: extracts.paidHours }))).toBeNull();
  });
});
