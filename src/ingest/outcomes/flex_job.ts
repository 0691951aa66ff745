/** Flex job: 1 when any week in the window (Monday inside) is in one of `groups`. */
import { dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, completeWindow, countWeeksInGroups, observed } from "./windows.ts";

export const flexJob: OutcomeDefinition<"flex_job"> = {
  extractKinds: ["benefit_weeks_long", "benefit_weeks_wide"],
  type: () => "binary",
  describeWindow: (o) => `months ${o.fromMonth}–${o.windowMonths} from start`,
  derive: (outcome, { records, asOf, evidence }) => {
    const groups = records.benefitGroups;
    if (!groups) return null;
    return (person) => {
      const window = completeWindow(person, outcome.windowMonths, asOf, outcome.fromMonth);
      if (!window) return censored(person, asOf);
      const status = dataStatus(evidence, person.personId, [{ family: "benefit_weeks", from: window.start, to: window.end }]);
      if (status) return status;
      return observed(Number(countWeeksInGroups(groups, person.personId, records.absentGroup, outcome.groups, window.start, window.end) > 0));
    };
  },
};
