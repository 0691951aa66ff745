import { describe, expect, it } from "vitest";
import { inContactAtMonth } from "../../../src/ingest/outcomes/in_contact_at_month.ts";
import { day } from "../../helpers.ts";
import { deriveWith, person, recordsOf, value } from "./outcomeFixture.ts";

// Month 3 after 2024-01-10 is 2024-04-10; the 30 days up to it are 2024-03-12 … 2024-04-10.
const persons = ["A", "B", "C"].map((id) => person(id, "2024-01-10"));
const jobcentreContacts = [
  { personId: "A", date: day("2024-03-12") }, // the first day of the 30: in
  { personId: "B", date: day("2024-03-11") }, // the day before: out
  { personId: "B", date: day("2024-04-11") }, // after month 3: out
];

describe("inContactAtMonth", () => {
  it("inContactAtMonth.derive is 1 with a contact in the withinDays days up to and including the month-k date", () => {
    expect(deriveWith(inContactAtMonth, { kind: "in_contact_at_month", atMonth: 3 }, recordsOf(persons, { jobcentreContacts }))).toEqual({ A: value(1), B: value(0), C: value(0) });
  });

  it("inContactAtMonth.derive is censored when month k is past the as-of date, or past the end of the contacts extract", () => {
    expect(deriveWith(inContactAtMonth, { kind: "in_contact_at_month", atMonth: 6 }, recordsOf(persons, { jobcentreContacts }))!.A).toEqual({ status: "censored", reason: "as_of" });
    const evidence = { jobcentre_contacts: { coverage: { from: null, to: day("2024-04-09") }, flagged: new Map(), unattributed: [] } };
    expect(deriveWith(inContactAtMonth, { kind: "in_contact_at_month", atMonth: 3 }, recordsOf(persons, { jobcentreContacts }), evidence)!.A).toEqual({ status: "censored", reason: "extract_coverage" });
  });
});
