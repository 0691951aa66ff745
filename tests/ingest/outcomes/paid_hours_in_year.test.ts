/** The paid_hours_in_year trigger on a few persons whose values are worked out by hand in the comments (moved from triggers.test.ts). */
import { describe, expect, it } from "vitest";
import { yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import { monthIndex } from "../../../src/shared/dates.ts";
import type { TriggerSpec } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";
import { A, base, derive, map, person } from "./triggerFixture.ts";

describe("paid_hours_in_year", () => {
  it("paid_hours_in_year sums the months of the followed part of the year, and censors a year under way or cut by an exit", () => {
    const trigger: TriggerSpec = { kind: "paid_hours_in_year", id: "hours_in_year", source: "IPS+" };
    const hours = (personId: string, month: string, h: number) => ({ personId, month: monthIndex(day(`${month}-01`)), hours: h });
    const D = person("D", "2022-03-15", "2023-05-01");
    const records = base([A, D], { paidHours: map([hours("A", "2022-03", 90), hours("A", "2022-04", 37.5), hours("A", "2022-12", 62.5), hours("A", "2023-01", 10), hours("D", "2022-06", 80)]) });
    const f = derive(trigger, records, "2023-06-30");
    // A 2022: April 37.5 + December 62.5 = 100 (March's first day is before the start).
    expect(f(A, yearPeriod(2022))).toEqual({ status: "observed", value: 100 });
    expect(f(A, yearPeriod(2023))).toEqual({ status: "censored", reason: "as_of" });
    expect(f(D, yearPeriod(2022))).toEqual({ status: "observed", value: 80 });
    expect(f(D, yearPeriod(2023))).toEqual({ status: "censored", reason: "emigrated" });
  });
});
