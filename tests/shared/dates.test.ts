import { describe, expect, it } from "vitest";
import { addMonths, isoDate, isoWeekday, isoWeeksInYear, mondayOfIsoWeek, mondayOfWeek, wholeYearsBetween, dayFromParts } from "../../src/shared/dates.ts";
import { day } from "../helpers.ts";

describe("dates", () => {
  it("dayFromParts(y, m, d) rejects days that do not exist", () => {
    expect(dayFromParts(2023, 2, 29)).toBeNull();
    expect(dayFromParts(2024, 2, 29)).not.toBeNull();
    expect(dayFromParts(2100, 2, 29)).toBeNull();
    expect(dayFromParts(2000, 2, 29)).not.toBeNull();
    expect(dayFromParts(2021, 13, 1)).toBeNull();
    expect(dayFromParts(1970, 1, 1)).toBe(0);
  });

  it("addMonths(day, k) keeps the day of the month and clamps to the month's end", () => {
    expect(isoDate(addMonths(day("2021-10-15"), 24))).toBe("2023-10-15");
    expect(isoDate(addMonths(day("2022-01-31"), 1))).toBe("2022-02-28");
    expect(isoDate(addMonths(day("2024-01-31"), 1))).toBe("2024-02-29");
    expect(isoDate(addMonths(day("2021-12-15"), 1))).toBe("2022-01-15");
    expect(isoDate(addMonths(day("2022-03-31"), -1))).toBe("2022-02-28");
  });

  it("ISO weeks: 2020 has 53 weeks, 2021-W01 starts on 4 January 2021", () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2021)).toBe(52);
    expect(isoDate(mondayOfIsoWeek(2021, 1)!)).toBe("2021-01-04");
    expect(isoDate(mondayOfIsoWeek(2020, 53)!)).toBe("2020-12-28");
    expect(mondayOfIsoWeek(2021, 53)).toBeNull();
    expect(isoDate(mondayOfIsoWeek(2026, 1)!)).toBe("2025-12-29");
  });

  it("isoWeekday and mondayOfWeek agree with the calendar", () => {
    expect(isoWeekday(day("2026-11-22"))).toBe(7); // a Sunday
    expect(isoDate(mondayOfWeek(day("2026-11-22")))).toBe("2026-11-16");
    expect(isoDate(mondayOfWeek(day("2026-11-16")))).toBe("2026-11-16");
  });

  it("wholeYearsBetween(birth, on) is the age in completed years", () => {
    expect(wholeYearsBetween(day("2000-06-15"), day("2021-06-14"))).toBe(20);
    expect(wholeYearsBetween(day("2000-06-15"), day("2021-06-15"))).toBe(21);
    expect(wholeYearsBetween(day("2000-02-29"), day("2021-02-28"))).toBe(20);
  });
});
