/**
 * In positive contact at month k — a status at k months, as 004 defines the release KPI "at least 50 %
 * … 3 months after release still in positive contact with the job centre or in work or in education":
 * at least one job-centre contact in the `withinDays` days up to and including the date k months after
 * start, or paid hours in that month, or an education spell running on that date. Censored until that
 * date is followed, or where the contacts extract ends before it.
 */
import { addMonths } from "../../shared/dates.ts";
import { coveredUntil, dataStatus, type Read } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, inWorkOrEducation, lastFollowedDay, monthRead, observed } from "./windows.ts";

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
      const reads: Read[] = [{ family: "jobcentre_contacts", from, to: at + 1 }];
      if (records.paidHours) reads.push({ family: "paid_hours_monthly", ...monthRead(at) });
      if (records.educationSpells) reads.push({ family: "education_spells", from: at, to: at + 1 });
      const status = dataStatus(evidence, person.personId, reads);
      if (status) return status;
      const contact = (contacts.get(person.personId) ?? []).some((c) => c.date >= from && c.date <= at);
      return observed(Number(contact || inWorkOrEducation(records, person.personId, at)));
    };
  },
};
