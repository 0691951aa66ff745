import { describe, expect, it } from "vitest";
import { monthly, onDay, spell, wholeRow } from "../../../src/ingest/extracts/shapes.ts";
import { monthIndex } from "../../../src/shared/dates.ts";
import { day } from "../../helpers.ts";

describe("shapes", () => {
  it("monthly: February 2024 (a leap year) covers 2024-02-01 … 2024-02-29", () => {
    expect(monthly.coverage(({ month: monthIndex(day("2024-02-15")) }))).toEqual({ from: day("2024-02-01"), to: day("2024-02-29") });
  });

  it("spell: an end before its start never makes a span end before it starts", () => {
    expect(spell.coverage({ startDate: day("2024-02-10"), endDate: day("2024-02-01") })).toEqual({ from: day("2024-02-10"), to: day("2024-02-10") });
    expect(spell.flagSpan({ startDate: undefined, endDate: day("2024-02-01") })).toEqual({ from: null, to: null });
  });

  it("onDay(field) reads the named field", () => {
    expect(onDay("releaseDate").flagSpan({ date: day("2024-01-01"), releaseDate: day("2024-03-01") })).toEqual({ from: day("2024-03-01"), to: day("2024-03-02") });
  });

  it("wholeRow tells rows apart by every field, in order", () => {
    expect(wholeRow({ a: 1, b: null })).toBe('{"a":1,"b":null}');
    expect(wholeRow({ a: 1, b: 2 })).not.toBe(wholeRow({ a: 1, b: null }));
  });
});
