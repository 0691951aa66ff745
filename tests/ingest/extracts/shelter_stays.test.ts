import { describe, expect, it } from "vitest";
import { shelterStays } from "../../../src/ingest/extracts/shelter_stays.ts";
import { day } from "../../helpers.ts";

describe("shelter_stays", () => {
  it("coverage(row) runs from start to end, or the start alone while the spell is open", () => {
    expect(shelterStays.coverage({ startDate: day("2024-01-10"), endDate: day("2024-02-01") })).toEqual({ from: day("2024-01-10"), to: day("2024-02-01") });
    expect(shelterStays.coverage({ startDate: day("2024-01-10"), endDate: null })).toEqual({ from: day("2024-01-10"), to: day("2024-01-10") });
  });

  it("flagSpan(row) is [start, end + 1), open-ended when the end is empty or unreadable", () => {
    expect(shelterStays.flagSpan({ startDate: day("2024-01-10"), endDate: day("2024-01-12") })).toEqual({ from: day("2024-01-10"), to: day("2024-01-13") });
    expect(shelterStays.flagSpan({ startDate: day("2024-01-10"), endDate: undefined })).toEqual({ from: day("2024-01-10"), to: null });
  });

  it("is an event: a repeat is the same row, any other row another spell", () => {
    const row = { personId: "A", startDate: 1, endDate: 2 };
    expect(shelterStays.repeatKey(row, shelterStays.signature(row, [], []))).toBe(JSON.stringify(row));
    expect([shelterStays.repeat, shelterStays.family, shelterStays.records]).toEqual(["event", "shelter_stays", "shelterStays"]);
  });
});
