import { describe, expect, it } from "vitest";
import { programmeParticipation } from "../../../src/ingest/extracts/programme_participation.ts";
import { day } from "../../helpers.ts";

describe("programme_participation", () => {
  it("coverage(row) runs from start to end, or the start alone while the spell is open", () => {
    expect(programmeParticipation.coverage({ startDate: day("2024-01-10"), endDate: day("2024-02-01") })).toEqual({ from: day("2024-01-10"), to: day("2024-02-01") });
    expect(programmeParticipation.coverage({ startDate: day("2024-01-10"), endDate: null })).toEqual({ from: day("2024-01-10"), to: day("2024-01-10") });
  });

  it("flagSpan(row) is [start, end + 1), open-ended when the end is empty or unreadable", () => {
    expect(programmeParticipation.flagSpan({ startDate: day("2024-01-10"), endDate: day("2024-01-12") })).toEqual({ from: day("2024-01-10"), to: day("2024-01-13") });
    expect(programmeParticipation.flagSpan({ startDate: day("2024-01-10"), endDate: undefined })).toEqual({ from: day("2024-01-10"), to: null });
  });

  it("is an event: a repeat is the same row, any other row another spell", () => {
    const row = { personId: "A", startDate: 1, endDate: 2 };
    expect(programmeParticipation.repeatKey(row, programmeParticipation.signature(row, [], []))).toBe(JSON.stringify(row));
    expect([programmeParticipation.repeat, programmeParticipation.family, programmeParticipation.records]).toEqual(["event", null, null]);
  });
});
