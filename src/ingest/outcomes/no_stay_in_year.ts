/**
 * Dialog mod Vold's "fravær af ophold på kvindekrisecentre" (002 line 1648), followed up
 * yearly: 1 in a year the person (family) spent no night at a shelter or crisis centre in the
 * part of the year followed; 0 once a night falls in it; a year under way without one is
 * censored (absence so far is not yet a year's absence).
 */
import { dataStatus } from "./evidence.ts";
import { followedPart, overlapDays } from "./triggerWindows.ts";
import type { TriggerDefinition } from "./triggerTypes.ts";
import { censored, notApplicable, observed } from "./windows.ts";

export const noStayInYear: TriggerDefinition<"no_stay_in_year"> = {
  extractKinds: ["shelter_stays"],
  attribution: "year",
  type: "binary",
  describe: () => "no night at a shelter or crisis centre in the year",
  derive: (_trigger, { records, asOf, evidence }) => {
    const stays = records.shelterStays;
    if (!stays) return null;
    return (person, period) => {
      const part = followedPart(person, period, asOf);
      if (!part) return notApplicable;
      const status = dataStatus(evidence, person.personId, [{ family: "shelter_stays", from: part.from, to: part.to }]);
      if (status) return status;
      const stayed = (stays.get(person.personId) ?? []).some((s) => overlapDays(s.startDate, s.endDate ?? part.to, part.from, part.to) > 0);
      if (stayed) return observed(0);
      return part.whole ? observed(1) : censored(person, asOf);
    };
  },
};
