import { describe, expect, it } from "vitest";
import { paidHours } from "../../../src/ingest/outcomes/paid_hours.ts";
import { deriveWith, person, recordsOf, value } from "./outcomeFixture.ts";

const month = (year: number, m: number) => year * 12 + (m - 1);

describe("paidHours", () => {
  it("paidHours.derive sums the hours of the months in the window (37 + 40.5; December 2023 is past [2023-03-01, 2023-09-01))", () => {
    const persons = [person("A", "2023-03-01")];
    const records = recordsOf(persons, { paidHours: [{ personId: "A", month: month(2023, 3), hours: 37 }, { personId: "A", month: month(2023, 8), hours: 40.5 }, { personId: "A", month: month(2023, 12), hours: 160 }] });
    expect(deriveWith(paidHours, { kind: "paid_hours", windowMonths: 6 }, records)!.A).toEqual(value(77.5));
  });

  it("paidHours.derive is skipped (null) without a paid-hours extract", () => {
    expect(deriveWith(paidHours, { kind: "paid_hours", windowMonths: 6 }, recordsOf([person("A", "2023-03-01")]))).toBeNull();
  });
});
