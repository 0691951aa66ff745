import { describe, expect, it } from "vitest";
import { daysToFirstContact } from "../../../src/ingest/outcomes/days_to_first_contact.ts";
import { day } from "../../helpers.ts";
import { deriveWith, person, recordsOf, value } from "./outcomeFixture.ts";

// A: contacts before start (ignored), on day 17 and later: 17. B: a contact on the start day: 0. C: none: censored.
const persons = [person("A", "2024-01-01"), person("B", "2024-02-01"), person("C", "2024-03-01")];
const jobcentreContacts = [
  { personId: "A", date: day("2023-12-20") },
  { personId: "A", date: day("2024-01-18") },
  { personId: "A", date: day("2024-03-01") },
  { personId: "B", date: day("2024-02-01") },
];

describe("daysToFirstContact", () => {
  it("daysToFirstContact.derive counts days from start to the first contact on or after it", () => {
    const values = deriveWith(daysToFirstContact, { kind: "days_to_first_contact" }, recordsOf(persons, { jobcentreContacts }))!;
    expect(values.A).toEqual(value(17));
    expect(values.B).toEqual(value(0));
    expect(values.C).toEqual({ status: "censored", reason: "as_of" });
  });

  it("daysToFirstContact.derive censors at the extract's end when it ends first, and ignores contacts after it", () => {
    const evidence = { jobcentre_contacts: { coverage: { from: null, to: day("2024-01-10") }, flagged: new Map(), unattributed: [] } };
    const values = deriveWith(daysToFirstContact, { kind: "days_to_first_contact" }, recordsOf(persons, { jobcentreContacts }), evidence)!;
    expect(values.A).toEqual({ status: "censored", reason: "extract_coverage" });
  });
});
