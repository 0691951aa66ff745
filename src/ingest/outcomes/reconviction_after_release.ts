/**
 * Re-conviction: the first release on or after start, and a conviction dated after it and at
 * most `withinMonths` later. Not applicable without a release; censored until that time has passed.
 */
import { addMonths } from "../../shared/dates.ts";
import { dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, lastFollowedDay, notApplicable, observed } from "./windows.ts";

export const reconvictionAfterRelease: OutcomeDefinition<"reconviction_after_release"> = {
  extractKinds: ["convictions", "prison_releases"],
  type: () => "binary",
  describeWindow: (o) => `within ${o.withinMonths} months of first release after start`,
  derive: (outcome, { records, asOf, evidence }) => {
    const { convictions, prisonReleases } = records;
    if (!convictions || !prisonReleases) return null;
    return (person) => {
      const lastDay = lastFollowedDay(person, asOf);
      const releases = (prisonReleases.get(person.personId) ?? []).map((r) => r.releaseDate).filter((d) => d >= person.startDate && d <= lastDay);
      const release = releases.length === 0 ? null : Math.min(...releases);
      // Which release is the first: a rejected release row between start and it could be an earlier one.
      const first = dataStatus(evidence, person.personId, [{ family: "prison_releases", from: person.startDate, to: (release ?? lastDay) + 1 }]);
      if (first) return first;
      if (release === null) return notApplicable;
      const until = addMonths(release, outcome.withinMonths);
      if (until > lastDay) return censored(person, asOf);
      const status = dataStatus(evidence, person.personId, [{ family: "convictions", from: release + 1, to: until + 1 }]);
      if (status) return status;
      return observed(Number((convictions.get(person.personId) ?? []).some((c) => c.date > release && c.date <= until)));
    };
  },
};
