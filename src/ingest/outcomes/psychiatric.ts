/**
 * Psychiatric contacts of one type in the window: any (0/1), count (by start date), or
 * admission days (nights clipped to the window; an open admission runs to the last followed day).
 */
import { dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, completeWindow, lastFollowedDay, observed } from "./windows.ts";

export const psychiatric: OutcomeDefinition<"psychiatric"> = {
  extractKinds: ["psychiatric_contacts"],
  type: (o) => (o.measure === "any" ? "binary" : "count"),
  describeWindow: (o) => `months ${o.fromMonth}–${o.windowMonths} from start`,
  derive: (outcome, { records, asOf, evidence }) => {
    const contacts = records.psychiatricContacts;
    if (!contacts) return null;
    return (person) => {
      const window = completeWindow(person, outcome.windowMonths, asOf, outcome.fromMonth);
      if (!window) return censored(person, asOf);
      const status = dataStatus(evidence, person.personId, [{ family: "psychiatric_contacts", from: window.start, to: window.end }]);
      if (status) return status;
      const ofType = (contacts.get(person.personId) ?? []).filter((c) => c.contactType === outcome.contactType);
      if (outcome.measure === "days") {
        let nights = 0;
        for (const c of ofType) {
          const from = Math.max(c.startDate, window.start);
          const to = Math.min(c.endDate ?? lastFollowedDay(person, asOf) + 1, window.end);
          nights += Math.max(0, to - from);
        }
        return observed(nights);
      }
      const count = ofType.filter((c) => c.startDate >= window.start && c.startDate < window.end).length;
      return observed(outcome.measure === "any" ? Number(count > 0) : count);
    };
  },
};
