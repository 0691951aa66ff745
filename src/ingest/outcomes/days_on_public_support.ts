/** Days on public support: 7 × the weeks in the window (Monday inside) whose benefit group is one of `groups`. */
import type { OutcomeDefinition } from "./types.ts";
import { benefitWeeksWindow, countWeeksInGroups } from "./windows.ts";

export const daysOnPublicSupport: OutcomeDefinition<"days_on_public_support"> = {
  extractKinds: ["benefit_weeks_long", "benefit_weeks_wide"],
  type: () => "continuous",
  describeWindow: (o) => `months ${o.fromMonth}–${o.windowMonths} from start`,
  derive: (outcome, context) =>
    benefitWeeksWindow(outcome, context, (panel, person, window) => 7 * countWeeksInGroups(panel, person.personId, context.records.absentGroup, outcome.groups, window.start, window.end)),
};
