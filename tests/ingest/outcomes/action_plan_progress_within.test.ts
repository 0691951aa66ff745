/** The action_plan_progress_within trigger on a few persons whose values are worked out by hand in the comments (moved from triggers.test.ts). */
import { describe, expect, it } from "vitest";
import { yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import type { TriggerSpec } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";
import { A, B, base, derive, map } from "./triggerFixture.ts";

describe("action_plan_progress_within", () => {
  const trigger: TriggerSpec = { kind: "action_plan_progress_within", id: "action_plan_progress", source: "002", windowMonths: 6 };
  const records = base([A, B], {
    actionPlanAssessments: map([
      { personId: "A", date: day("2022-06-01"), result: "no_progress" as const },
      { personId: "A", date: day("2022-09-14"), result: "progress" as const },
      { personId: "B", date: day("2022-09-15"), result: "progress" as const }, // the day after the window
    ]),
  });
  it("action_plan_progress_within is 1 when an assessment in the window records progress", () => {
    const f = derive(trigger, records, "2022-12-31");
    expect(f(A, yearPeriod(2022))).toEqual({ status: "observed", value: 1 });
    expect(f(B, yearPeriod(2022))).toEqual({ status: "observed", value: 0 });
  });
});
