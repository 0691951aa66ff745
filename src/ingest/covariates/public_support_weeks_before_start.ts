/** Weeks in the covariate's benefit groups in the `weeks` weeks before the start date. */
import { countWeeksInGroups } from "../outcomes/windows.ts";
import type { DayNumber } from "../../shared/dates.ts";
import type { Read } from "../outcomes/evidence.ts";
import type { CovariateDefinition, CovariateOf } from "./types.ts";

const lookBack = (covariate: CovariateOf<"public_support_weeks_before_start">, start: DayNumber): Read => ({ family: "benefit_weeks", from: start - 7 * covariate.weeks, to: start });

export const publicSupportWeeksBeforeStart: CovariateDefinition<"public_support_weeks_before_start"> = {
  type: "continuous",
  extractKinds: ["benefit_weeks_long", "benefit_weeks_wide"],
  lookBack,
  derive: (covariate, records) => {
    const groups = records.benefitGroups;
    if (!groups) return null;
    return (person) => {
      const { from, to } = lookBack(covariate, person.startDate);
      return countWeeksInGroups(groups, person.personId, records.absentGroup, covariate.groups, from, to);
    };
  },
};
