/** The education_within trigger on a few persons whose values are worked out by hand in the comments (moved from triggers.test.ts). */
import { describe, expect, it } from "vitest";
import { yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import type { TriggerSpec } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";
import { A, B, C, base, derive, map } from "./triggerFixture.ts";

describe("education_within", () => {
  const trigger: TriggerSpec = { kind: "education_within", id: "su_education", source: "002", windowMonths: 6, levels: ["HF"] };
  const spell = (personId: string, start: string, end: string | null, level: string | null, suEligible: "yes" | "no" | null) => ({ personId, startDate: day(start), endDate: end ? day(end) : null, level, suEligible, completed: null });
  const records = base([A, B, C], {
    educationSpells: map([
      spell("A", "2022-09-14", null, "EUD", "yes"), // flagged SU, starts on the window's last day: counts
      spell("B", "2022-01-01", "2022-03-14", "HF", null), // ends the day before B's start: does not count
      spell("B", "2022-09-15", null, "HF", null), // starts on the window's end (exclusive): does not count
      spell("C", "2022-11-01", "2023-01-31", "HF", "no"), // level HF listed: counts although flagged no
    ]),
  });
  it("education_within counts a spell flagged SU-eligible or of a listed level that covers a day of the window", () => {
    const f = derive(trigger, records, "2023-12-31");
    expect(f(A, yearPeriod(2022))).toEqual({ status: "observed", value: 1 });
    expect(f(B, yearPeriod(2022))).toEqual({ status: "observed", value: 0 });
    expect(f(C, yearPeriod(2023))).toEqual({ status: "observed", value: 1 });
  });
});
