/**
 * Days from admission to release of the last release on or before the start date (the sentence
 * served); 0 with no such release, null when that release has no admission date.
 */
import type { DayNumber } from "../../shared/dates.ts";
import type { Read } from "../outcomes/evidence.ts";
import type { CovariateDefinition, CovariateOf } from "./types.ts";

// Every release up to and including the start day: [−∞, start + 1).
const lookBack = (_covariate: CovariateOf<"days_served_before_start">, start: DayNumber): Read => ({ family: "prison_releases", from: Number.MIN_SAFE_INTEGER, to: start + 1 });

export const daysServedBeforeStart: CovariateDefinition<"days_served_before_start"> = {
  type: "continuous",
  extractKinds: ["prison_releases"],
  lookBack,
  derive: (covariate, records) => {
    const releases = records.prisonReleases;
    if (!releases) return null;
    return (person) => {
      const { from, to } = lookBack(covariate, person.startDate);
      const last = (releases.get(person.personId) ?? [])
        .filter((r) => r.releaseDate >= from && r.releaseDate < to)
        .sort((a, b) => a.releaseDate - b.releaseDate)
        .at(-1);
      if (!last) return 0;
      return last.admissionDate === null || last.admissionDate === undefined ? null : last.releaseDate - last.admissionDate;
    };
  },
};
