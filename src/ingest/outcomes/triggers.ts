/**
 * Every rate-card trigger kind, one file each (per person and calendar year; see
 * ./triggerTypes.ts). Adding a kind is one file and one line: the `satisfies` clause names
 * the kind the record lacks.
 */
import { actionPlanProgressWithin } from "./action_plan_progress_within.ts";
import { activityInYear } from "./activity_in_year.ts";
import { educationWithin } from "./education_within.ts";
import { employmentRateWithin } from "./employment_rate_within.ts";
import { examPassedInYear } from "./exam_passed_in_year.ts";
import { noStayInYear } from "./no_stay_in_year.ts";
import { paidHoursInYear } from "./paid_hours_in_year.ts";
import { shelterNightsWithin } from "./shelter_nights_within.ts";
import type { TriggerDefinition, TriggerKind, TriggerOf } from "./triggerTypes.ts";
import { upperSecondaryInYear } from "./upper_secondary_in_year.ts";

export const TRIGGER_DEFINITIONS = {
  shelter_nights_within: shelterNightsWithin,
  employment_rate_within: employmentRateWithin,
  education_within: educationWithin,
  action_plan_progress_within: actionPlanProgressWithin,
  activity_in_year: activityInYear,
  exam_passed_in_year: examPassedInYear,
  upper_secondary_in_year: upperSecondaryInYear,
  paid_hours_in_year: paidHoursInYear,
  no_stay_in_year: noStayInYear,
} satisfies { [K in TriggerKind]: TriggerDefinition<K> };

export function triggerDefinitionOf<K extends TriggerKind>(trigger: TriggerOf<K>): TriggerDefinition<K> {
  return TRIGGER_DEFINITIONS[trigger.kind] as unknown as TriggerDefinition<K>;
}
