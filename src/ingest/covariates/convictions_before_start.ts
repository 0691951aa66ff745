/** Convictions decided in the `months` months before the start date (start day excluded). */
import { addMonths, type DayNumber } from "../../shared/dates.ts";
import type { Read } from "../outcomes/evidence.ts";
import type { CovariateDefinition, CovariateOf } from "./types.ts";

const lookBack = (covariate: CovariateOf<"convictions_before_start">, start: DayNumber): Read => ({ family: "convictions", from: addMonths(start, -covariate.months), to: start });

export const convictionsBeforeStart: CovariateDefinition<"convictions_before_start"> = {
  type: "continuous",
  extractKinds: ["convictions"],
  lookBack,
  derive: (covariate, records) => {
    const convictions = records.convictions;
    if (!convictions) return null;
    return (person) => {
      const { from, to } = lookBack(covariate, person.startDate);
      return (convictions.get(person.personId) ?? []).filter((c) => c.date >= from && c.date < to).length;
    };
  },
};
