/** Flex job: 1 when any week in the window (Monday inside) is in one of `groups`. */
import type { OutcomeDefinition } from "./types.ts";
import { benefitWeeksWindow, countWeeksInGroups } from "./windows.ts";

export const flexJob: OutcomeDefinition<"flex_job"> = {
  extractKinds: ["benefit_weeks_long", "benefit_weeks_wide"],
  type: () => "binary",
  describeWindow: (o) => `months ${o.fromMonth}–${o.windowMonths} from start`,
  derive: (outcome, context) =>
    benefitWeeksWindow(outcome, context, (panel, person, window) => Number(countWeeksInGroups(panel, person.personId, context.records.absentGroup, outcome.groups, window.start, window.end) > 0)),
};
