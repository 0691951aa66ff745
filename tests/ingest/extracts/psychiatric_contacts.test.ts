import { describe, expect, it } from "vitest";
import { psychiatricContacts } from "../../../src/ingest/extracts/psychiatric_contacts.ts";
import { day } from "../../helpers.ts";

describe("psychiatric_contacts", () => {
  it("coverage(row) runs from start to end, or the start alone while the spell is open", () => {
    expect(psychiatricContacts.coverage({ startDate: day("2024-01-10"), endDate: day("2024-02-01") })).toEqual({ from: day("2024-01-10"), to: day("2024-02-01") });
    expect(psychiatricContacts.coverage({ startDate: day("2024-01-10"), endDate: null })).toEqual({ from: day("2024-01-10"), to: day("2024-01-10") });
  });

  it("flagSpan(row) is [start, end + 1), open-ended when the end is empty or unreadable", () => {
    expect(psychiatricContacts.flagSpan({ startDate: day("2024-01-10"), endDate: day("2024-01-12") })).toEqual({ from: day("2024-01-10"), to: day("2024-01-13") });
    expect(psychiatricContacts.flagSpan({ startDate: day("2024-01-10"), endDate: undefined })).toEqual({ from: day("2024-01-10"), to: null });
  });

  it("is an event: a repeat is the same row, any other row another spell", () => {
    const row = { personId: "A", startDate: 1, endDate: 2 };
    expect(psychiatricContacts.repeatKey(row, psychiatricContacts.signature(row, [], []))).toBe(JSON.stringify(row));
    expect([psychiatricContacts.repeat, psychiatricContacts.family, psychiatricContacts.records]).toEqual(["event", "psychiatric_contacts", "psychiatricContacts"]);
  });
});
