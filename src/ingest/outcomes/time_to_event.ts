/**
 * Time to an event, with its indicator: days from the origin to the first event, or — while
 * there is none — to where follow-up ends (the as-of date, the person's exit, or the end of the
 * extract's coverage when earlier), with event 0. Everyone followed is kept: the Kaplan–Meier and
 * Cox estimators take the censoring into account, so no one is dropped for not having had the
 * event yet.
 *
 *   conviction_after_release  origin: the first prison release on or after start (not applicable
 *                             without one); event: the first conviction dated after it
 *   jobcentre_contact         origin: start; event: the first job-centre contact on or after it
 *   self_support              origin: start; event: the Monday of the first benefit week starting on or
 *                             after it in one of `groups` (default self_supporting, which a week with no
 *                             benefit code is), from the benefit-weeks extract
 */
import type { DayNumber } from "../../shared/dates.ts";
import type { Person } from "../schema.ts";
import { coveredUntil, dataStatus, type Evidence, type ExtractFamily } from "./evidence.ts";
import type { CensoringReason, OutcomeDefinition, OutcomeValue } from "./types.ts";
import { mondayOfWeek } from "../../shared/dates.ts";
import { lastFollowedDay, notApplicable } from "./windows.ts";

export const timeToEvent: OutcomeDefinition<"time_to_event"> = {
  extractKinds: (o) => (o.event === "conviction_after_release" ? ["convictions", "prison_releases"] : o.event === "self_support" ? ["benefit_weeks_long", "benefit_weeks_wide"] : ["jobcentre_contacts"]),
  type: () => "time_to_event",
  describeWindow: (o) =>
    o.event === "conviction_after_release"
      ? "days from the first release after start to the first conviction, censored where follow-up ends"
      : o.event === "self_support"
        ? "days from start to the first self-supporting benefit week, censored where follow-up ends"
        : "days from start to the first job-centre contact, censored where follow-up ends",
  derive: (outcome, { records, asOf, evidence }) => {
    if (outcome.event === "conviction_after_release") {
      const { convictions, prisonReleases } = records;
      if (!convictions || !prisonReleases) return null;
      const coveredTo = coveredUntil(evidence, "convictions");
      return (person) => {
        const lastDay = lastFollowedDay(person, asOf);
        const releases = (prisonReleases.get(person.personId) ?? []).map((r) => r.releaseDate).filter((d) => d >= person.startDate && d <= lastDay);
        const release = releases.length === 0 ? null : Math.min(...releases);
        // A rejected release row between start and this one could be an earlier release.
        const first = dataStatus(evidence, person.personId, [{ family: "prison_releases", from: person.startDate, to: (release ?? lastDay) + 1 }]);
        if (first) return first;
        if (release === null) return notApplicable;
        const dates = (convictions.get(person.personId) ?? []).map((c) => c.date).filter((d) => d > release);
        return firstEvent(evidence, person, asOf, release, dates, release + 1, coveredTo, "convictions");
      };
    }
    if (outcome.event === "self_support") {
      const panel = records.benefitGroups;
      if (!panel) return null;
      const groups = outcome.groups ?? ["self_supporting"];
      const coveredTo = coveredUntil(evidence, "benefit_weeks");
      return (person) => {
        // The benefit weeks that start on or after start, up to where follow-up ends (and the extract covers).
        const followed = lastFollowedDay(person, asOf);
        const end = coveredTo === null ? followed : Math.min(followed, coveredTo);
        let monday = mondayOfWeek(person.startDate);
        if (monday < person.startDate) monday += 7;
        const dates: DayNumber[] = [];
        for (; monday <= end; monday += 7) {
          if (groups.includes(panel.groupAt(person.personId, monday) ?? records.absentGroup)) {
            dates.push(monday);
            break;
          }
        }
        return firstEvent(evidence, person, asOf, person.startDate, dates, person.startDate, coveredTo, "benefit_weeks");
      };
    }
    const contacts = records.jobcentreContacts;
    if (!contacts) return null;
    const coveredTo = coveredUntil(evidence, "jobcentre_contacts");
    return (person) => {
      const dates = (contacts.get(person.personId) ?? []).map((c) => c.date).filter((d) => d >= person.startDate);
      return firstEvent(evidence, person, asOf, person.startDate, dates, person.startDate, coveredTo, "jobcentre_contacts");
    };
  },
};

/**
 * The days from `origin` to the first event date up to where follow-up ends, or to that end
 * (event 0). A rejected row before the first event could be an earlier one: incomplete.
 */
function firstEvent(evidence: Evidence, person: Person, asOf: DayNumber, origin: DayNumber, eventDates: readonly DayNumber[], readFrom: DayNumber, coveredTo: DayNumber | null, family: ExtractFamily): OutcomeValue {
  const followed = lastFollowedDay(person, asOf);
  const end = coveredTo === null ? followed : Math.min(followed, coveredTo);
  if (end < origin) return { status: "censored", reason: "extract_coverage" };
  const within = eventDates.filter((d) => d <= end);
  const first = within.length === 0 ? null : Math.min(...within);
  const flagged = dataStatus(evidence, person.personId, [{ family, from: readFrom, to: (first ?? end) + 1 }]);
  if (flagged) return flagged;
  if (first !== null) return { status: "observed", value: first - origin, event: 1 };
  const exited = person.exitDate !== null && person.exitDate <= asOf;
  const censoredBy: CensoringReason = end < followed ? "extract_coverage" : exited ? (person.exitReason ?? "other") : "as_of";
  return { status: "observed", value: end - origin, event: 0, censoredBy };
}
