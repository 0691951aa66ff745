import { describe, expect, it } from "vitest";
import { psychiatric } from "../../../src/ingest/outcomes/psychiatric.ts";
import { day } from "../../helpers.ts";
import { deriveWith, person, recordsOf, value } from "./outcomeFixture.ts";

// A's 12-month window is [2023-01-01, 2024-01-01). B's is [2023-07-01, 2024-07-01): it ends on the as-of date + 1.
const persons = [person("A", "2023-01-01"), person("B", "2023-07-01")];
const psychiatricContacts = [
  { personId: "A", contactType: "admission", startDate: day("2022-12-28"), endDate: day("2023-01-04") }, // 3 nights in the window (01-01 → 01-04)
  { personId: "A", contactType: "admission", startDate: day("2023-06-10"), endDate: day("2023-06-20") }, // 10 nights
  { personId: "A", contactType: "admission", startDate: day("2023-12-30"), endDate: day("2024-01-05") }, // 2 nights (12-30 → 01-01)
  { personId: "A", contactType: "emergency", startDate: day("2023-02-01"), endDate: day("2023-02-01") },
  { personId: "B", contactType: "admission", startDate: day("2024-06-25"), endDate: null }, // open: runs to as-of + 1 = 07-01 → 6 nights
];
const derive = (spec: object) => deriveWith(psychiatric, { kind: "psychiatric", windowMonths: 12, ...spec }, recordsOf(persons, { psychiatricContacts }))!;

describe("psychiatric", () => {
  it("psychiatric.derive measure 'days' counts admission nights clipped to the window; an open admission runs to the last followed day", () => {
    expect(derive({ contactType: "admission", measure: "days" })).toEqual({ A: value(15), B: value(6) });
  });

  it("psychiatric.derive measure 'count' counts contacts starting in the window (the one before start is out); 'any' is 0/1", () => {
    expect(derive({ contactType: "admission", measure: "count" })).toEqual({ A: value(2), B: value(1) });
    expect(derive({ contactType: "emergency", measure: "any" })).toEqual({ A: value(1), B: value(0) });
    expect(psychiatric.type({ measure: "any" } as never)).toBe("binary");
    expect(psychiatric.type({ measure: "days" } as never)).toBe("count");
  });
});
