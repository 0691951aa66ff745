import { describe, expect, it } from "vitest";
import { followedPart, overlapDays, triggerWindow, yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import { day } from "../../helpers.ts";
import { person } from "./outcomeFixture.ts";

describe("triggerWindows", () => {
  it("yearPeriod(2024) is [2024-01-01, 2025-01-01): 366 days in a leap year", () => {
    const period = yearPeriod(2024);
    expect(period).toEqual({ year: 2024, from: day("2024-01-01"), to: day("2025-01-01") });
    expect(period.to - period.from).toBe(366);
  });

  it("triggerWindow(person, 6) is [start, start + 6 months), counted in the year of its last day", () => {
    expect(triggerWindow(person("A", "2022-07-01"), 6)).toEqual({ start: day("2022-07-01"), end: day("2023-01-01"), year: 2022 });
    expect(triggerWindow(person("A", "2022-07-02"), 6)).toEqual({ start: day("2022-07-02"), end: day("2023-01-02"), year: 2023 });
  });

  it("followedPart(person, year, asOf) clips the year to start and the last followed day, whole only when followed to its end", () => {
    const asOf = day("2023-06-30");
    expect(followedPart(person("A", "2022-03-15"), yearPeriod(2022), asOf)).toEqual({ from: day("2022-03-15"), to: day("2023-01-01"), whole: true });
    expect(followedPart(person("A", "2022-03-15"), yearPeriod(2023), asOf)).toEqual({ from: day("2023-01-01"), to: day("2023-07-01"), whole: false });
    expect(followedPart(person("A", "2022-03-15", "2022-12-31"), yearPeriod(2022), asOf)).toEqual({ from: day("2022-03-15"), to: day("2023-01-01"), whole: true });
    expect(followedPart(person("A", "2022-03-15"), yearPeriod(2024), asOf)).toBeNull();
    expect(followedPart(person("A", "2023-03-15"), yearPeriod(2022), asOf)).toBeNull();
  });

  it("overlapDays counts the days two half-open spans share, 0 when they only touch", () => {
    expect(overlapDays(0, 10, 5, 20)).toBe(5);
    expect(overlapDays(0, 10, 10, 20)).toBe(0);
    expect(overlapDays(3, 4, 0, 100)).toBe(1);
  });
});
