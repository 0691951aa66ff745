import { describe, expect, it } from "vitest";
import { convictionsPerPersonYear } from "../../../src/ingest/outcomes/convictions_per_person_year.ts";
import { day } from "../../helpers.ts";
import { deriveWith, person, recordsOf } from "./outcomeFixture.ts";

// A: 24-month window [2022-01-01, 2024-01-01), 730 days = 730/365.25 years, 2 convictions in it (one after it).
// B: starts 2024-01-01, window runs past the as-of date: observed to 2024-07-01 = 182 days, 1 conviction.
const persons = [person("A", "2022-01-01"), person("B", "2024-01-01"), person("C", "2024-07-01")];
const convictions = [
  { personId: "A", date: day("2022-03-01") },
  { personId: "A", date: day("2023-12-31") },
  { personId: "A", date: day("2024-01-01") },
  { personId: "B", date: day("2024-02-01") },
];

describe("convictionsPerPersonYear", () => {
  it("convictionsPerPersonYear.derive divides the convictions in the window by the years observed (to the as-of date)", () => {
    const values = deriveWith(convictionsPerPersonYear, { kind: "convictions_per_person_year", windowMonths: 24 }, recordsOf(persons, { convictions }))!;
    expect(values.A).toEqual({ status: "observed", value: 2 / (730 / 365.25), exposureYears: 730 / 365.25 });
    expect(values.B).toEqual({ status: "observed", value: 1 / (182 / 365.25), exposureYears: 182 / 365.25 });
    // C starts the day after the as-of date: no observed time.
    expect(values.C).toEqual({ status: "censored", reason: "as_of" });
  });

  it("convictionsPerPersonYear.derive stops where the convictions extract's coverage ends (2023-06-30: 1 conviction in 546 days)", () => {
    const evidence = { convictions: { coverage: { from: null, to: day("2023-06-30") }, flagged: new Map(), unattributed: [] } };
    const values = deriveWith(convictionsPerPersonYear, { kind: "convictions_per_person_year", windowMonths: 24 }, recordsOf(persons, { convictions }), evidence)!;
    expect(values.A).toEqual({ status: "observed", value: 1 / (546 / 365.25), exposureYears: 546 / 365.25 });
    expect(values.B).toEqual({ status: "censored", reason: "extract_coverage" });
  });
});
