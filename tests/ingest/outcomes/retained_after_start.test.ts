import { describe, expect, it } from "vitest";
import { retainedAfterStart } from "../../../src/ingest/outcomes/retained_after_start.ts";
import { day } from "../../helpers.ts";
import { deriveWith, notApplicableValue, person, recordsOf, value } from "./outcomeFixture.ts";

const month = (year: number, m: number) => year * 12 + (m - 1);
// Windows of 6 months from 2023-01-15. A: first start March 2023 (hours) → 6 months later 2023-09-01, hours in
// September: retained. B: spell 2023-02-01 to 2023-05-31 → 2023-08-01, nothing then: 0. C: no start: not applicable.
const persons = ["A", "B", "C"].map((id) => person(id, "2023-01-15"));
const extracts = {
  paidHours: [{ personId: "A", month: month(2023, 3), hours: 20 }, { personId: "A", month: month(2023, 9), hours: 15 }],
  educationSpells: [{ personId: "B", startDate: day("2023-02-01"), endDate: day("2023-05-31"), level: null }],
};

describe("retainedAfterStart", () => {
  it("retainedAfterStart.derive: still in work or education afterMonths after the first start; not applicable without a start", () => {
    expect(deriveWith(retainedAfterStart, { kind: "retained_after_start", windowMonths: 6 }, recordsOf(persons, extracts))).toEqual({ A: value(1), B: value(0), C: notApplicableValue });
  });

  it("retainedAfterStart.derive is censored while the date afterMonths after the start is not yet followed", () => {
    const late = [person("A", "2023-11-01")];
    const records = recordsOf(late, { paidHours: [{ personId: "A", month: month(2024, 4), hours: 20 }], educationSpells: [] });
    // Start April 2024 (2024-04-01) + 6 months = 2024-10-01, after the as-of date 2024-06-30.
    expect(deriveWith(retainedAfterStart, { kind: "retained_after_start", windowMonths: 6 }, records)!.A).toEqual({ status: "censored", reason: "as_of" });
  });
});
