import { describe, expect, it } from "vitest";
import { inActivityAtMonth } from "../../../src/ingest/outcomes/in_activity_at_month.ts";
import { day } from "../../helpers.ts";
import { deriveWith, person, recordsOf, value, weeks } from "./outcomeFixture.ts";

const month = (year: number, m: number) => year * 12 + (m - 1);
// Month 4 after 2023-01-11 is Thursday 2023-05-11, in the week of Monday 2023-05-08.
// A: a flex-job week then. B: on public support that week, but paid hours in May. C: an education spell covering it.
// D: on public support and nothing else: 0.
const persons = ["A", "B", "C", "D"].map((id) => person(id, "2023-01-11"));
const panel = [...weeks("A", [["2023-05-08", "521"]]), ...weeks("B", [["2023-05-08", "134"]]), ...weeks("D", [["2023-05-08", "134"]])];
const extracts = {
  paidHours: [{ personId: "B", month: month(2023, 5), hours: 8 }],
  educationSpells: [{ personId: "C", startDate: day("2023-05-11"), endDate: null, level: null }],
};

describe("inActivityAtMonth", () => {
  it("inActivityAtMonth.derive is 1 for a week in the groups, paid hours in the month, or an education spell on the date", () => {
    expect(deriveWith(inActivityAtMonth, { kind: "in_activity_at_month", atMonth: 4 }, recordsOf(persons, extracts, panel))).toEqual({ A: value(1), B: value(1), C: value(1), D: value(0) });
  });
});
