/** Lær for Livet camp and mentor participation: 1 in a year the person took part in every listed activity (or any, with require "any"). */
import type { TriggerDefinition } from "./triggerTypes.ts";
import { yearEventTrigger } from "./yearTrigger.ts";

export const activityInYear: TriggerDefinition<"activity_in_year"> = {
  extractKinds: ["programme_activities"],
  attribution: "year",
  type: "binary",
  describe: (t) => `took part in ${t.require === "all" ? "each of" : "any of"} ${t.activities.join(", ")} in the year`,
  derive: (trigger, context) => {
    const activities = context.records.programmeActivities;
    if (!activities) return null;
    return yearEventTrigger("programme_activities", context, (person, part) => {
      const done = new Set((activities.get(person.personId) ?? []).filter((a) => a.date >= part.from && a.date < part.to).map((a) => a.activity));
      return trigger.require === "all" ? trigger.activities.every((a) => done.has(a)) : trigger.activities.some((a) => done.has(a));
    });
  },
};
