/** Progress in the action plan within the window (002: "progression i handleplan"): 1 when an assessment dated in [start, start + windowMonths) records progress. */
import type { TriggerDefinition } from "./triggerTypes.ts";
import { windowTrigger } from "./windowTrigger.ts";

export const actionPlanProgressWithin: TriggerDefinition<"action_plan_progress_within"> = {
  extractKinds: ["action_plan_assessments"],
  attribution: "window",
  type: "binary",
  describe: (t) => `an action-plan assessment records progress in months 0–${t.windowMonths} from start`,
  derive: (trigger, context) => {
    const assessments = context.records.actionPlanAssessments;
    if (!assessments) return null;
    const frame = windowTrigger(trigger.windowMonths, ["action_plan_assessments"], context, (person, window) =>
      (assessments.get(person.personId) ?? []).some((a) => a.result === "progress" && a.date >= window.start && a.date < window.end),
    );
    return (person) => frame(person);
  },
};
