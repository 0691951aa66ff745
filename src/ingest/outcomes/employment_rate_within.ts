/**
 * Employment rate within the window (002: "beskæftigelsesgrad på 25 %"): 1 when the paid hours
 * of the window's months (a month belongs to it when its first day does: `windowMonths` months)
 * reach `minRate` × `fullTimeHoursPerMonth` × `windowMonths`.
 */
import { firstDayOfMonthIndex } from "../../shared/dates.ts";
import type { TriggerDefinition } from "./triggerTypes.ts";
import { windowTrigger } from "./windowTrigger.ts";
import { roundAwayFloatNoise } from "./windows.ts";

export const employmentRateWithin: TriggerDefinition<"employment_rate_within"> = {
  extractKinds: ["paid_hours_monthly"],
  attribution: "window",
  type: "binary",
  describe: (t) => `paid hours at least ${t.minRate * 100} % of full time (${t.fullTimeHoursPerMonth} hours a month) over months 0–${t.windowMonths} from start`,
  derive: (trigger, context) => {
    const hours = context.records.paidHours;
    if (!hours) return null;
    const frame = windowTrigger(trigger.windowMonths, ["paid_hours_monthly"], context, (person, window) => {
      let total = 0;
      for (const row of hours.get(person.personId) ?? []) {
        const first = firstDayOfMonthIndex(row.month);
        if (first >= window.start && first < window.end) total += row.hours;
      }
      return roundAwayFloatNoise(total) >= roundAwayFloatNoise(trigger.minRate * trigger.fullTimeHoursPerMonth * trigger.windowMonths);
    });
    return (person) => frame(person);
  },
};
