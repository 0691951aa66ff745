/**
 * IPS / IPS+ ordinary employment in a follow-up year: the paid hours of the months of the year
 * the person is followed in (from the start month); the contract's rate card sets the threshold
 * (`minimum`). A year under way is censored: hours so far are not the year's hours.
 */
import { firstDayOfMonthIndex } from "../../shared/dates.ts";
import { dataStatus } from "./evidence.ts";
import { followedPart } from "./triggerWindows.ts";
import type { TriggerDefinition } from "./triggerTypes.ts";
import { censored, notApplicable, observed, roundAwayFloatNoise } from "./windows.ts";

export const paidHoursInYear: TriggerDefinition<"paid_hours_in_year"> = {
  extractKinds: ["paid_hours_monthly"],
  attribution: "year",
  type: "hours",
  describe: () => "paid hours in the year (from the start month)",
  derive: (_trigger, { records, asOf, evidence }) => {
    const hours = records.paidHours;
    if (!hours) return null;
    return (person, period) => {
      const part = followedPart(person, period, asOf);
      if (!part) return notApplicable;
      if (!part.whole) return censored(person, asOf);
      const status = dataStatus(evidence, person.personId, [{ family: "paid_hours_monthly", from: part.from, to: part.to }]);
      if (status) return status;
      let total = 0;
      for (const row of hours.get(person.personId) ?? []) {
        const first = firstDayOfMonthIndex(row.month);
        if (first >= part.from && first < part.to) total += row.hours;
      }
      return observed(roundAwayFloatNoise(total));
    };
  },
};
