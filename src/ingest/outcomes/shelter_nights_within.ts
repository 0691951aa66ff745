/**
 * Stable housing within the window (002, Hjem, Job og Helhed: "stabil boligsituation (max. 5
 * dage på forsorgshjem)"): 1 when the person spent at most `maxNights` nights in a shelter
 * (SEL § 110) in [start, start + windowMonths). A stay from date in to date out holds the nights
 * of the days [in, out); a stay without a date out runs on. Overlapping stays count a night once.
 */
import type { TriggerDefinition } from "./triggerTypes.ts";
import { windowTrigger } from "./windowTrigger.ts";

export const shelterNightsWithin: TriggerDefinition<"shelter_nights_within"> = {
  extractKinds: ["shelter_stays"],
  attribution: "window",
  type: "binary",
  describe: (t) => `at most ${t.maxNights} nights in a shelter in months 0–${t.windowMonths} from start`,
  derive: (trigger, context) => {
    const stays = context.records.shelterStays;
    if (!stays) return null;
    const frame = windowTrigger(trigger.windowMonths, ["shelter_stays"], context, (person, window) => {
      const nights = new Set<number>();
      for (const stay of stays.get(person.personId) ?? []) {
        const to = Math.min(stay.endDate ?? window.end, window.end);
        for (let day = Math.max(stay.startDate, window.start); day < to; day += 1) nights.add(day);
      }
      return nights.size <= trigger.maxNights;
    });
    return (person) => frame(person);
  },
};
