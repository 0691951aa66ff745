import { describe, expect, it } from "vitest";
import { daysOnPublicSupport } from "../../../src/ingest/outcomes/days_on_public_support.ts";
import { deriveWith, person, recordsOf, value, weeks } from "./outcomeFixture.ts";

// A starts Monday 2023-01-02; a 6-month window is [2023-01-02, 2023-07-02): Mondays 01-02 … 06-26.
const persons = [person("A", "2023-01-02"), person("B", "2024-03-01"), person("C", "2023-01-02", "2023-05-01")];
const panel = weeks("A", [["2023-01-02", "134"], ["2023-01-09", "134"], ["2023-03-06", "521"], ["2023-06-26", "134"], ["2023-07-03", "134"]]);

describe("daysOnPublicSupport", () => {
  it("daysOnPublicSupport.derive counts 7 days per week in the groups with its Monday in the window: 3 weeks → 21", () => {
    const values = deriveWith(daysOnPublicSupport, { kind: "days_on_public_support", windowMonths: 6 }, recordsOf(persons, {}, panel))!;
    expect(values.A).toEqual(value(21));
    expect(values.B).toEqual({ status: "censored", reason: "as_of" });
    expect(values.C).toEqual({ status: "censored", reason: "emigrated" });
  });

  it("daysOnPublicSupport.derive counts every group listed (public support and flex job: 4 weeks → 28), from fromMonth on", () => {
    const records = recordsOf(persons, {}, panel);
    expect(deriveWith(daysOnPublicSupport, { kind: "days_on_public_support", windowMonths: 6, groups: ["public_support", "flex_job"] }, records)!.A).toEqual(value(28));
    // Months 2–6: [2023-03-02, 2023-07-02) holds 03-06 (flex job) and 06-26 (support).
    expect(deriveWith(daysOnPublicSupport, { kind: "days_on_public_support", windowMonths: 6, fromMonth: 2 }, records)!.A).toEqual(value(7));
  });

  it("daysOnPublicSupport.derive is skipped (null) without a benefit extract; it reads either benefit layout", () => {
    expect(deriveWith(daysOnPublicSupport, { kind: "days_on_public_support", windowMonths: 6 }, recordsOf(persons))).toBeNull();
    expect(daysOnPublicSupport.extractKinds).toEqual(["benefit_weeks_long", "benefit_weeks_wide"]);
  });
});
