/**
 * Enrolled in SU-eligible education within the window (002: "indskrevet SU-uddannelse"): 1 when
 * an education spell flagged `suEligible` yes, or of one of the trigger's `levels`, covers a day
 * of [start, start + windowMonths) (a spell covers its start to its end day; an open spell runs on).
 */
import type { TriggerDefinition } from "./triggerTypes.ts";
import { windowTrigger } from "./windowTrigger.ts";

export const educationWithin: TriggerDefinition<"education_within"> = {
  extractKinds: ["education_spells"],
  attribution: "window",
  type: "binary",
  describe: (t) => `enrolled in SU-eligible education (flagged${t.levels.length > 0 ? `, or level ${t.levels.join("/")}` : ""}) in months 0–${t.windowMonths} from start`,
  derive: (trigger, context) => {
    const spells = context.records.educationSpells;
    if (!spells) return null;
    const frame = windowTrigger(trigger.windowMonths, ["education_spells"], context, (person, window) =>
      (spells.get(person.personId) ?? []).some(
        (s) => (s.suEligible === "yes" || (s.level !== null && trigger.levels.includes(s.level))) && s.startDate < window.end && (s.endDate === null || s.endDate >= window.start),
      ),
    );
    return (person) => frame(person);
  },
};
