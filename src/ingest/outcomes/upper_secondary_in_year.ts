/**
 * Lær for Livet's enrolled in / completed upper secondary, paid once: 1 in the year of the
 * person's first start (enrolled) or first completed end (completed) of a spell of one of the
 * listed levels on or after the person's start; 0 in other followed years. It reads the spells
 * since start, since the first one decides.
 */
import type { TriggerDefinition } from "./triggerTypes.ts";
import { yearEventTrigger } from "./yearTrigger.ts";

export const upperSecondaryInYear: TriggerDefinition<"upper_secondary_in_year"> = {
  extractKinds: ["education_spells"],
  attribution: "year",
  type: "binary",
  describe: (t) => `${t.event === "enrolled" ? "first enrolment in" : "first completion of"} ${t.levels.join("/")} in the year`,
  derive: (trigger, context) => {
    const spells = context.records.educationSpells;
    if (!spells) return null;
    return yearEventTrigger(
      "education_spells",
      context,
      (person, part) => {
        const own = (spells.get(person.personId) ?? []).filter((s) => s.level !== null && trigger.levels.includes(s.level));
        const days = trigger.event === "enrolled" ? own.map((s) => s.startDate) : own.filter((s) => s.completed === "yes" && s.endDate !== null).map((s) => s.endDate!);
        const first = Math.min(...days.filter((d) => d >= person.startDate));
        return first >= part.from && first < part.to;
      },
      "start",
    );
  },
};
