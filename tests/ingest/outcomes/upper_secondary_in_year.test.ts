/** The upper_secondary_in_year trigger on a few persons whose values are worked out by hand in the comments (moved from triggers.test.ts). */
import { describe, expect, it } from "vitest";
import { yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import { day } from "../../helpers.ts";
import { A, base, derive, map } from "./triggerFixture.ts";

describe("upper_secondary_in_year", () => {
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
});
