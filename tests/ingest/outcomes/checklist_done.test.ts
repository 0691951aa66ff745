import { describe, expect, it } from "vitest";
import { checklistDone } from "../../../src/ingest/outcomes/checklist_done.ts";
import { day } from "../../helpers.ts";
import { deriveWith, person, recordsOf, value } from "./outcomeFixture.ts";

// Within 14 days of 2024-01-01 means up to 2024-01-15 inclusive.
const persons = [person("A", "2024-01-01"), person("B", "2024-01-01"), person("C", "2024-01-01"), person("D", "2024-06-25")];
const checklistItems = [
  { personId: "A", item: "plan", date: day("2024-01-15") },
  { personId: "B", item: "plan", date: day("2024-01-16") },
  { personId: "C", item: "other", date: day("2024-01-02") },
  { personId: "D", item: "other", date: day("2024-06-26") },
];

describe("checklistDone", () => {
  it("checklistDone.derive is 1 when the item was done within withinDays (the last day included), 0 after or for another item", () => {
    const values = deriveWith(checklistDone, { kind: "checklist_done", item: "plan" }, recordsOf(persons, { checklistItems }))!;
    expect(values.A).toEqual(value(1));
    expect(values.B).toEqual(value(0));
    expect(values.C).toEqual(value(0));
    // D started 2024-06-25: the 14 days run past the as-of date and it is not done yet.
    expect(values.D).toEqual({ status: "censored", reason: "as_of" });
  });
});
