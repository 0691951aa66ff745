/** Days on public support: 7 × the weeks in the window (Monday inside) whose benefit group is one of `groups`. */
import { dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, completeWindow, countWeeksInGroups, observed } from "./windows.ts";

export const daysOnPublicSupport: OutcomeDefinition<"days_on_public_support"> = {
  extractKinds: ["benefit_weeks_long", "benefit_weeks_wide"],
  type: () => "continuous",
  describeWindow: (o) => `months ${o.fromMonth}–${o.windowMonths} from start`,
  derive: (outcome, { records, asOf, evidence }) => {
    const groups = records.benefitGroups;
    if (!groups) return null;
    return (person) => {
      const window = completeWindow(person, outcome.windowMonths, asOf, outcome.fromMonth);
      if (!window) return censored(person, asOf);
      const status = dataStatus(evidence, person.personId, [{ family: "benefit_weeks", from: window.start, to: window.end }]);
      if (status) return status;
      return observed(7 * countWeeksInGroups(groups, person.personId, records.absentGroup, outcome.groups, window.start, window.end));
    };
  },
};
