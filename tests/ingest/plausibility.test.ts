import { describe, expect, it } from "vitest";
import { DEFAULT_BOUNDS, plausibleRange } from "../../src/ingest/plausibility.ts";
import { EXTRACT_KINDS } from "../../src/ingest/extractKinds.ts";
import { day } from "../helpers.ts";

describe("plausibleRange(kind, field, definition, override, asOf)", () => {
  it("plausibleRange: dates from 1900-01-01, a birth date not after the as-of date, other dates unbounded above", () => {
    const birth = plausibleRange("population", "birthDate", EXTRACT_KINDS.population.birthDate, undefined, day("2026-09-30"))!;
    expect([birth.min, birth.max]).toEqual([day("1900-01-01"), day("2026-09-30")]);
    expect(birth.text).toBe("1900-01-01 – 2026-09-30");
    const conviction = plausibleRange("convictions", "date", EXTRACT_KINDS.convictions.date, undefined, day("2026-09-30"))!;
    expect([conviction.min, conviction.max]).toEqual([day("1900-01-01"), undefined]);
    expect(conviction.text).toBe("1900-01-01 –");
  });
  it("plausibleRange(hours, costKr) defaults to 0 – 744 hours and 0 – 1,000,000 kr a month", () => {
    expect(plausibleRange("paid_hours_monthly", "hours", EXTRACT_KINDS.paid_hours_monthly.hours, undefined, undefined)).toEqual({ min: 0, max: 31 * 24, text: "0 – 744" });
    const kr = plausibleRange("social_services_monthly", "costKr", EXTRACT_KINDS.social_services_monthly.costKr, undefined, undefined)!;
    expect([kr.min, kr.max]).toEqual([0, DEFAULT_BOUNDS.costKrPerMonth]);
  });
  it("plausibleRange(hours, override { max: 2000 }) moves the upper side and keeps the lower", () => {
    expect(plausibleRange("paid_hours_monthly", "hours", EXTRACT_KINDS.paid_hours_monthly.hours, { max: 2000 }, undefined)).toEqual({ min: 0, max: 2000, text: "0 – 2000" });
  });
  it("plausibleRange(date, override as ISO dates) moves both sides; an unreadable override keeps the default", () => {
    const moved = plausibleRange("convictions", "date", EXTRACT_KINDS.convictions.date, { min: "2000-01-01", max: "2030-12-31" }, undefined)!;
    expect([moved.min, moved.max]).toEqual([day("2000-01-01"), day("2030-12-31")]);
    const kept = plausibleRange("convictions", "date", EXTRACT_KINDS.convictions.date, { min: "01/01/2000" }, undefined)!;
    expect(kept.min).toBe(day("1900-01-01"));
  });
  it("plausibleRange(month) counts months from year 0: 1900-01 is 1900 × 12, and an override max reads yyyy-mm", () => {
    const month = plausibleRange("paid_hours_monthly", "month", EXTRACT_KINDS.paid_hours_monthly.month, { max: "2026-09" }, undefined)!;
    expect(month).toEqual({ min: 1900 * 12, max: 2026 * 12 + 8, text: "1900-01 – 2026-09" });
  });
  it("plausibleRange(a code or category field) has no range", () => {
    expect(plausibleRange("population", "sex", EXTRACT_KINDS.population.sex, undefined, undefined)).toBeUndefined();
    expect(plausibleRange("population", "personId", EXTRACT_KINDS.population.personId, undefined, undefined)).toBeUndefined();
  });
});
