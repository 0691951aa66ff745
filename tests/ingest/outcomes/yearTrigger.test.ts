import { describe, expect, it } from "vitest";
import { yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import { yearEventTrigger } from "../../../src/ingest/outcomes/yearTrigger.ts";
import { day } from "../../helpers.ts";
import { asOf, person, recordsOf } from "./outcomeFixture.ts";

describe("yearEventTrigger(family, context, event, readFrom)", () => {
  const eventDay = day("2023-05-01");
  const trigger = yearEventTrigger("programme_activities", { records: recordsOf([]), asOf, evidence: {} }, (_p, part) => eventDay >= part.from && eventDay < part.to);
  const A = person("A", "2022-03-15");

  it("yearEventTrigger is 1 in the year the event falls in, 0 in a year followed to its end without it", () => {
    expect(trigger(A, yearPeriod(2023))).toEqual({ status: "observed", value: 1 });
    expect(trigger(A, yearPeriod(2022))).toEqual({ status: "observed", value: 0 });
  });

  it("yearEventTrigger is censored in the year under way without the event, not applicable in a year not followed", () => {
    const late = person("B", "2022-03-15");
    const noEvent = yearEventTrigger("programme_activities", { records: recordsOf([]), asOf, evidence: {} }, () => false);
    expect(noEvent(late, yearPeriod(2024))).toEqual({ status: "censored", reason: "as_of" });
    expect(noEvent(late, yearPeriod(2021))).toEqual({ status: "not_applicable" });
    expect(noEvent(late, yearPeriod(2025))).toEqual({ status: "not_applicable" });
  });

  it("yearEventTrigger with readFrom 'start' is incomplete on a flagged row before the year, 'year' ignores it", () => {
    const evidence = { programme_activities: { coverage: null, flagged: new Map([["A", [{ from: day("2022-06-01"), to: day("2022-06-02"), reason: "conflicting_rows" as const, line: 3 }]]]), unattributed: [] } };
    const fromStart = yearEventTrigger("programme_activities", { records: recordsOf([]), asOf, evidence }, () => true, "start");
    const fromYear = yearEventTrigger("programme_activities", { records: recordsOf([]), asOf, evidence }, () => true);
    expect(fromStart(A, yearPeriod(2023))).toEqual({ status: "incomplete", reason: "conflicting_rows" });
    expect(fromYear(A, yearPeriod(2023))).toEqual({ status: "observed", value: 1 });
  });
});
