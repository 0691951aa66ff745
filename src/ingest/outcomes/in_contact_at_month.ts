/**
 * In positive contact at month k — a status at k months, as 003/004 define the release KPI
 * "at least 50 % in positive contact after 3 months": at least one job-centre contact in the
 * `withinDays` days up to and including the date k months after start. Censored until that date
 * is followed, or where the contacts extract ends before it.
 */
import { addMonths } from "../../shared/dates.ts";
import { coveredUntil, dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, lastFollowedDay, observed } from "./windows.ts";

export const inContactAtMonth: OutcomeDefinition<"in_contact_at_month"> = {
  extractKinds: ["jobcentre_contacts"],
  type: () => "binary",
  describeWindow: (o) => `the ${o.withinDays} days up to month ${o.atMonth} after start`,
  derive: (outcome, { records, asOf, evidence }) => {
    const contacts = records.jobcentreContacts;
    if (!contacts) return null;
    const coveredTo = coveredUntil(evidence, "jobcentre_contacts");
    return (person) => {
      const at = addMonths(person.startDate, outcome.atMonth);
      const from = Math.max(person.startDate, at - outcome.withinDays + 1);
      if (at > lastFollowedDay(person, asOf)) return censored(person, asOf);
      if (coveredTo !== null && at > coveredTo) return { status: "censored", reason: "extract_coverage" };
      const status = dataStatus(evidence, person.personId, [{ family: "jobcentre_contacts", from, to: at + 1 }]);
      if (status) return status;
      return observed(Number((contacts.get(person.personId) ?? []).some((c) => c.date >= from && c.date <= at)));
    };
  },
};
