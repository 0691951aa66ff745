/** Dated assessments of a person's action plan. */
import { event, onDay } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const actionPlanAssessments: ExtractDefinition = {
  ...event,
  ...onDay("date"),
  family: "action_plan_assessments",
  records: "actionPlanAssessments",
};
