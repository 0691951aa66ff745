import { describe, expect, it } from "vitest";
import { censored, completeWindow, firstStart, lastFollowedDay, monthRead, roundAwayFloatNoise } from "../../../src/ingest/outcomes/windows.ts";
import { day } from "../../helpers.ts";
import { asOf, person, recordsOf } from "./outcomeFixture.ts";

describe("windows", () => {
  it("lastFollowedDay(person, asOf) is the exit date when it comes before the as-of date, else the as-of date", () => {
    expect(lastFollowedDay(person("A", "2023-01-01", "2024-02-01"), asOf)).toBe(day("2024-02-01"));
    expect(lastFollowedDay(person("A", "2023-01-01", "2024-08-01"), asOf)).toBe(asOf);
    expect(lastFollowedDay(person("A", "2023-01-01"), asOf)).toBe(asOf);
  });

  it("censored(person, asOf) names the exit reason when the person left by the as-of date, else as_of", () => {
    expect(censored(person("A", "2023-01-01", "2024-06-30", "died"), asOf)).toEqual({ status: "censored", reason: "died" });
    expect(censored(person("A", "2023-01-01", "2024-07-01", "died"), asOf)).toEqual({ status: "censored", reason: "as_of" });
  });

  it("completeWindow is [start + fromMonth, start + months) when it ends by the day after the last followed day, else null", () => {
    // 2023-07-01 + 12 months = 2024-07-01 = as-of + 1: complete. From 2023-07-02 it would end on 2024-07-02: not.
    expect(completeWindow(person("A", "2023-07-01"), 12, asOf, 3)).toEqual({ start: day("2023-10-01"), end: day("2024-07-01") });
    expect(completeWindow(person("A", "2023-07-02"), 12, asOf)).toBeNull();
    // Exit 2023-06-29: a 6-month window ending 2023-07-01 is not followed to its end; with exit 2023-06-30 it is.
    expect(completeWindow(person("A", "2023-01-01", "2023-06-29"), 6, asOf)).toBeNull();
    expect(completeWindow(person("A", "2023-01-01", "2023-06-30"), 6, asOf)).not.toBeNull();
  });

  it("firstStart is the earliest month with hours (its first day) or spell start in [from, to); monthRead spans a month's first day", () => {
    const records = recordsOf([person("A", "2023-01-01")], {
      paidHours: [{ personId: "A", month: 2023 * 12 + 2, hours: 5 }, { personId: "A", month: 2023 * 12 + 1, hours: 0 }],
      educationSpells: [{ personId: "A", startDate: day("2023-03-15"), endDate: null, level: null }],
    });
    expect(firstStart(records, "A", day("2023-01-01"), day("2024-01-01"))).toBe(day("2023-03-01"));
    expect(firstStart(records, "A", day("2023-03-02"), day("2024-01-01"))).toBe(day("2023-03-15"));
    expect(firstStart(records, "A", day("2023-04-01"), day("2024-01-01"))).toBeNull();
    expect(monthRead(day("2023-03-15"))).toEqual({ from: day("2023-03-01"), to: day("2023-03-02") });
  });

  it("roundAwayFloatNoise(66726.73000000001) = 66726.73", () => {
    expect(roundAwayFloatNoise(66726.73000000001)).toBe(66726.73);
    expect(roundAwayFloatNoise(0.1 + 0.2)).toBe(0.3);
  });
});
