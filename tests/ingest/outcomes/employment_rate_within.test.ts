/** The employment_rate_within trigger on a few persons whose values are worked out by hand in the comments (moved from triggers.test.ts). */
import { describe, expect, it } from "vitest";
import type { Evidence } from "../../../src/ingest/outcomes/evidence.ts";
import { yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import { monthIndex } from "../../../src/shared/dates.ts";
import type { TriggerSpec } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";
import { A, B, base, derive, map } from "./triggerFixture.ts";

describe("employment_rate_within", () => {
  const trigger: TriggerSpec = { kind: "employment_rate_within", id: "employment_25", source: "002", windowMonths: 6, minRate: 0.25, fullTimeHoursPerMonth: 160 };
  // Threshold 0.25 × 160 × 6 = 240 hours. A's window months (first day in [03-15, 09-15)): April … September.
  const hours = (personId: string, month: string, h: number) => ({ personId, month: monthIndex(day(`${month}-01`)), hours: h });
  const records = base([A, B], {
    paidHours: map([
      hours("A", "2022-03", 500), // March 1 is before the start: not counted
      hours("A", "2022-04", 100),
      hours("A", "2022-09", 140), // 100 + 140 = 240: reached
      hours("B", "2022-05", 120),
      hours("B", "2022-10", 200), // October is outside: 120 < 240
    ]),
  });
  it("employment_rate_within compares the window's paid hours with minRate × full time × months", () => {
    const f = derive(trigger, records, "2022-12-31");
    expect(f(A, yearPeriod(2022))).toEqual({ status: "observed", value: 1 });
    expect(f(B, yearPeriod(2022))).toEqual({ status: "observed", value: 0 });
  });
  it("employment_rate_within is censored by the extract's coverage, not read as no hours", () => {
    const evidence: Evidence = { paid_hours_monthly: { coverage: { from: null, to: day("2022-08-31") }, flagged: new Map(), unattributed: [] } };
    expect(derive(trigger, records, "2022-12-31", evidence)(B, yearPeriod(2022))).toEqual({ status: "censored", reason: "extract_coverage" });
  });
});
