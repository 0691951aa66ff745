import { describe, expect, it } from "vitest";
import { educationSpells } from "../../../src/ingest/extracts/education_spells.ts";
import { day } from "../../helpers.ts";

describe("education_spells", () => {
  it("coverage(row) runs from start to end, or the start alone while the spell is open", () => {
    expect(educationSpells.coverage({ startDate: day("2024-01-10"), endDate: day("2024-02-01") })).toEqual({ from: day("2024-01-10"), to: day("2024-02-01") });
    expect(educationSpells.coverage({ startDate: day("2024-01-10"), endDate: null })).toEqual({ from: day("2024-01-10"), to: day("2024-01-10") });
  });

  it("flagSpan(row) is [start, end + 1), open-ended when the end is empty or unreadable", () => {
    expect(educationSpells.flagSpan({ startDate: day("2024-01-10"), endDate: day("2024-01-12") })).toEqual({ from: day("2024-01-10"), to: day("2024-01-13") });
    expect(educationSpells.flagSpan({ startDate: day("2024-01-10"), endDate: undefined })).toEqual({ from: day("2024-01-10"), to: null });
  });

  it("is an event: a repeat is the same row, any other row another spell", () => {
    const row = { personId: "A", startDate: 1, endDate: 2 };
    expect(educationSpells.repeatKey(row, educationSpells.signature(row, [], []))).toBe(JSON.stringify(row));
    expect([educationSpells.repeat, educationSpells.family, educationSpells.records]).toEqual(["event", "education_spells", "educationSpells"]);
  });
});
