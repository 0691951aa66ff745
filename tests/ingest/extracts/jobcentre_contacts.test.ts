import { describe, expect, it } from "vitest";
import { jobcentreContacts } from "../../../src/ingest/extracts/jobcentre_contacts.ts";
import { day } from "../../helpers.ts";

describe("jobcentre_contacts", () => {
  it("a row on 2024-05-02 covers that day and, rejected, flags [2024-05-02, 2024-05-03)", () => {
    expect(jobcentreContacts.coverage({ date: day("2024-05-02") })).toEqual({ from: day("2024-05-02"), to: day("2024-05-02") });
    expect(jobcentreContacts.flagSpan({ date: day("2024-05-02") })).toEqual({ from: day("2024-05-02"), to: day("2024-05-03") });
    expect(jobcentreContacts.flagSpan({ date: undefined })).toEqual({ from: null, to: null });
  });

  it("is an event read by outcomes as jobcentre_contacts, its records under jobcentreContacts", () => {
    expect([jobcentreContacts.repeat, jobcentreContacts.keyField, jobcentreContacts.family, jobcentreContacts.records]).toEqual(["event", "personId", "jobcentre_contacts", "jobcentreContacts"]);
  });
});
