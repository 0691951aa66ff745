import { describe, expect, it } from "vitest";
import { inEducationAtMonth } from "../../../src/ingest/outcomes/in_education_at_month.ts";
import { day } from "../../helpers.ts";
import { deriveWith, person, recordsOf, value } from "./outcomeFixture.ts";

// Month 6 after 2023-01-15 is 2023-07-15. A: spell to 2023-07-15 (the date itself: enrolled). B: open spell from
// 2023-05-01 (runs on). C: spell ended 2023-07-14 (the day before). D: month 6 is past the as-of date.
const persons = [person("A", "2023-01-15"), person("B", "2023-01-15"), person("C", "2023-01-15"), person("D", "2024-03-01")];
const educationSpells = [
  { personId: "A", startDate: day("2022-08-01"), endDate: day("2023-07-15"), level: null },
  { personId: "B", startDate: day("2023-05-01"), endDate: null, level: null },
  { personId: "C", startDate: day("2022-08-01"), endDate: day("2023-07-14"), level: null },
];

describe("inEducationAtMonth", () => {
  it("inEducationAtMonth.derive is 1 when a spell covers the month-k date (end day included, an open spell runs on)", () => {
    const values = deriveWith(inEducationAtMonth, { kind: "in_education_at_month", atMonth: 6 }, recordsOf(persons, { educationSpells }))!;
    expect(values).toEqual({ A: value(1), B: value(1), C: value(0), D: { status: "censored", reason: "as_of" } });
  });
});
