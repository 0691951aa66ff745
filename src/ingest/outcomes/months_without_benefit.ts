/** Whole calendar months of the window in which no week (Monday inside the month) is in one of `groups`. */
import { firstDayOfMonthIndex, monthIndex } from "../../shared/dates.ts";
import type { OutcomeDefinition } from "./types.ts";
import { benefitWeeksWindow, countWeeksInGroups } from "./windows.ts";

export const monthsWithoutBenefit: OutcomeDefinition<"months_without_benefit"> = {
  extractKinds: ["benefit_weeks_long", "benefit_weeks_wide"],
  type: () => "continuous",
  describeWindow: (o) => `months ${o.fromMonth}–${o.windowMonths} from start`,
  derive: (outcome, context) =>
    benefitWeeksWindow(outcome, context, (panel, person, window) => {
      let months = 0;
      for (let m = monthIndex(window.start); firstDayOfMonthIndex(m + 1) <= window.end; m += 1) {
        const first = firstDayOfMonthIndex(m);
        if (first < window.start) continue;
        if (countWeeksInGroups(panel, person.personId, context.records.absentGroup, outcome.groups, first, firstDayOfMonthIndex(m + 1)) === 0) months += 1;
      }
      return months;
    }),
};
