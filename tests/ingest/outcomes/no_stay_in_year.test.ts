/** The no_stay_in_year trigger on a few persons whose values are worked out by hand in the comments (moved from triggers.test.ts). */
import { describe, expect, it } from "vitest";
import { yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import type { TriggerSpec } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";
import { A, B, base, derive, map } from "./triggerFixture.ts";

describe("no_stay_in_year", () => {
  it("no_stay_in_year is 1 for a followed year without a night at a crisis centre, 0 with one, censored while the year is under way", () => {
    const trigger: TriggerSpec = { kind: "no_stay_in_year", id: "no_crisis_centre", source: "002" };
    const records = base([A, B], {
      shelterStays: map([
        { personId: "B", startDate: day("2022-12-31"), endDate: day("2023-01-02") }, // the night of 12-31 is in 2022, of 01-01 in 2023
        { personId: "A", startDate: day("2023-02-01"), endDate: day("2023-02-01") }, // in and out the same day: no night
      ]),
    });
    const f = derive(trigger, records, "2023-06-30");
    expect([f(A, yearPeriod(2022)), f(B, yearPeriod(2022))]).toEqual([
      { status: "observed", value: 1 },
      { status: "observed", value: 0 },
    ]);
    expect(f(B, yearPeriod(2023))).toEqual({ status: "observed", value: 0 });
    expect(f(A, yearPeriod(2023))).toEqual({ status: "censored", reason: "as_of" });
  });
});
