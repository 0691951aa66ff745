/** The record of trigger kinds; what each kind derives is in its own mirror (tests/ingest/outcomes/<kind>.test.ts), the table over them in tests/ingest/deriveTriggers.test.ts. */
import { describe, expect, it } from "vitest";
import { TRIGGER_DEFINITIONS, triggerDefinitionOf } from "../../../src/ingest/outcomes/triggers.ts";
import { activityInYear } from "../../../src/ingest/outcomes/activity_in_year.ts";
import { shelterNightsWithin } from "../../../src/ingest/outcomes/shelter_nights_within.ts";

describe("triggerDefinitionOf(trigger)", () => {
  it("triggerDefinitionOf({ kind }) is the definition of that kind's own file", () => {
    expect(triggerDefinitionOf({ kind: "activity_in_year", id: "camp", source: "002", activities: ["camp"], require: "all" } as never)).toBe(activityInYear);
    expect(triggerDefinitionOf({ kind: "shelter_nights_within", id: "s" } as never)).toBe(shelterNightsWithin);
  });
  it("TRIGGER_DEFINITIONS has the nine kinds, each attributed to a window or a year", () => {
    expect(Object.keys(TRIGGER_DEFINITIONS).sort()).toEqual([
      "action_plan_progress_within", "activity_in_year", "education_within", "employment_rate_within", "exam_passed_in_year",
      "no_stay_in_year", "paid_hours_in_year", "shelter_nights_within", "upper_secondary_in_year",
    ]);
    for (const [kind, definition] of Object.entries(TRIGGER_DEFINITIONS)) expect(kind.endsWith("_within") ? "window" : "year").toBe(definition.attribution);
  });
});
