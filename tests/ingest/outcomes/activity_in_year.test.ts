/** The activity_in_year trigger on a few persons whose values are worked out by hand in the comments (moved from triggers.test.ts). */
import { describe, expect, it } from "vitest";
import { yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import type { TriggerSpec } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";
import { A, B, base, derive, map } from "./triggerFixture.ts";

describe("activity_in_year", () => {
  const camp: TriggerSpec = { kind: "activity_in_year", id: "camp_mentor", source: "002", activities: ["camp", "mentor"], require: "all" };
  const activities = base([A, B], {
    programmeActivities: map([
      { personId: "A", activity: "camp", date: day("2022-07-01") },
      { personId: "A", activity: "mentor", date: day("2022-11-30") },
      { personId: "A", activity: "camp", date: day("2023-07-01") },
      { personId: "B", activity: "mentor", date: day("2022-04-01") },
    ]),
  });
  it("activity_in_year needs every listed activity in the year; a year under way without it is censored, not 0", () => {
    const f = derive(camp, activities, "2023-08-31");
    expect(f(A, yearPeriod(2022))).toEqual({ status: "observed", value: 1 });
    expect(f(B, yearPeriod(2022))).toEqual({ status: "observed", value: 0 });
    expect(f(A, yearPeriod(2023))).toEqual({ status: "censored", reason: "as_of" }); // camp, no mentor yet
    expect(f(A, yearPeriod(2024))).toEqual({ status: "not_applicable" });
    expect(derive({ ...camp, require: "any" } as TriggerSpec, activities, "2023-08-31")(A, yearPeriod(2023))).toEqual({ status: "observed", value: 1 });
  });
});
