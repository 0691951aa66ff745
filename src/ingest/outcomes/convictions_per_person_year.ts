/**
 * Convictions per person-year: convictions in the window ÷ the years of it actually observed
 * (to the last followed day, and no further than the convictions extract covers); only a
 * person with no observed time is censored.
 */
import { addMonths } from "../../shared/dates.ts";
import { coveredUntil, dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { DAYS_PER_YEAR, censored, lastFollowedDay } from "./windows.ts";

export const convictionsPerPersonYear: OutcomeDefinition<"convictions_per_person_year"> = {
  extractKinds: ["convictions"],
  type: () => "rate",
  describeWindow: (o) => `months ${o.fromMonth}–${o.windowMonths} from start`,
  derive: (outcome, { records, asOf, evidence }) => {
    const convictions = records.convictions;
    if (!convictions) return null;
    const coveredTo = coveredUntil(evidence, "convictions");
    return (person) => {
      const begin = addMonths(person.startDate, outcome.fromMonth);
      const followed = Math.min(addMonths(person.startDate, outcome.windowMonths), lastFollowedDay(person, asOf) + 1);
      if (followed <= begin) return censored(person, asOf);
      const end = coveredTo === null ? followed : Math.min(followed, coveredTo + 1);
      if (end <= begin) return { status: "censored", reason: "extract_coverage" };
      const status = dataStatus(evidence, person.personId, [{ family: "convictions", from: begin, to: end }]);
      if (status) return status;
      const count = (convictions.get(person.personId) ?? []).filter((c) => c.date >= begin && c.date < end).length;
      const exposureYears = (end - begin) / DAYS_PER_YEAR;
      return { status: "observed", value: count / exposureYears, exposureYears };
    };
  },
};
