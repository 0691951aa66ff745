/** Whole calendar months of the window in which no week (Monday inside the month) is in one of `groups`. */
import { firstDayOfMonthIndex, monthIndex } from "../../shared/dates.ts";
import { dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, completeWindow, countWeeksInGroups, observed } from "./windows.ts";

export const monthsWithoutBenefit: OutcomeDefinition<"months_without_benefit"> = {
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
      let months = 0;
      for (let m = monthIndex(window.start); firstDayOfMonthIndex(m + 1) <= window.end; m += 1) {
        const first = firstDayOfMonthIndex(m);
        if (first < window.start) continue;
        const next = firstDayOfMonthIndex(m + 1);
        if (countWeeksInGroups(groups, person.personId, records.absentGroup, outcome.groups, first, next) === 0) months += 1;
      }
      return observed(months);
    };
  },
};
