/** Checklist item done: 1 when the item was done within `withinDays` of start (start day and the last day included). */
import { dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, lastFollowedDay, observed } from "./windows.ts";

export const checklistDone: OutcomeDefinition<"checklist_done"> = {
  extractKinds: ["checklist_items"],
  type: () => "binary",
  describeWindow: (o) => `within ${o.withinDays} days of start`,
  derive: (outcome, { records, asOf, evidence }) => {
    const items = records.checklistItems;
    if (!items) return null;
    return (person) => {
      const until = person.startDate + outcome.withinDays;
      const done = (items.get(person.personId) ?? []).some((i) => i.item === outcome.item && i.date >= person.startDate && i.date <= until);
      if (!done && until > lastFollowedDay(person, asOf)) return censored(person, asOf);
      const status = dataStatus(evidence, person.personId, [{ family: "checklist_items", from: person.startDate, to: until + 1 }]);
      return status ?? observed(Number(done));
    };
  },
};
