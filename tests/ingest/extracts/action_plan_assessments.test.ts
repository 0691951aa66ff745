import { describe, expect, it } from "vitest";
import { actionPlanAssessments } from "../../../src/ingest/extracts/action_plan_assessments.ts";
import { day } from "../../helpers.ts";

describe("action_plan_assessments", () => {
  it("a row on 2024-05-02 covers that day and, rejected, flags [2024-05-02, 2024-05-03)", () => {
    expect(actionPlanAssessments.coverage({ date: day("2024-05-02") })).toEqual({ from: day("2024-05-02"), to: day("2024-05-02") });
    expect(actionPlanAssessments.flagSpan({ date: day("2024-05-02") })).toEqual({ from: day("2024-05-02"), to: day("2024-05-03") });
    expect(actionPlanAssessments.flagSpan({ date: undefined })).toEqual({ from: null, to: null });
  });

  it("is an event read by outcomes as action_plan_assessments, its records under actionPlanAssessments", () => {
    expect([actionPlanAssessments.repeat, actionPlanAssessments.keyField, actionPlanAssessments.family, actionPlanAssessments.records]).toEqual(["event", "personId", "action_plan_assessments", "actionPlanAssessments"]);
  });
});
