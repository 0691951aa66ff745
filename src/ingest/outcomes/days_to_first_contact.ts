/**
 * Days from start to the first job-centre contact on or after it. While there is none the
 * person is censored: at the last followed day, or where the contacts extract ends when earlier.
 */
import { coveredUntil, dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, lastFollowedDay, observed } from "./windows.ts";

export const daysToFirstContact: OutcomeDefinition<"days_to_first_contact"> = {
  extractKinds: ["jobcentre_contacts"],
  type: () => "continuous",
  describeWindow: () => "from start to the first contact",
  derive: (_outcome, { records, asOf, evidence }) => {
    const contacts = records.jobcentreContacts;
    if (!contacts) return null;
    const coveredTo = coveredUntil(evidence, "jobcentre_contacts");
    return (person) => {
      const followed = lastFollowedDay(person, asOf);
      const last = coveredTo === null ? followed : Math.min(followed, coveredTo);
      const days = (contacts.get(person.personId) ?? []).map((c) => c.date).filter((d) => d >= person.startDate && d <= last);
      const first = days.length === 0 ? null : Math.min(...days);
      // A rejected row before the first contact (or anywhere, while there is none) could be an earlier contact.
      const status = dataStatus(evidence, person.personId, [{ family: "jobcentre_contacts", from: person.startDate, to: (first ?? last) + 1 }]);
      if (status) return status;
      if (first !== null) return observed(first - person.startDate);
      return last < followed ? { status: "censored", reason: "extract_coverage" } : censored(person, asOf);
    };
  },
};
