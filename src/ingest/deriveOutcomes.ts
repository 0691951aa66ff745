/**
 * Person-level outcomes over windows counted from each person's own start date.
 *
 * Conventions (also in the README):
 * - A window of W months runs from the start date (inclusive) to the same day W months
 *   later (exclusive; 31 Jan + 1 month = 28/29 Feb). Follow-up is known up to and
 *   including the as-of date, or the exit date (emigrated, died) when earlier: a window
 *   that ends after it is censored, with the reason (`as_of` or the exit reason).
 * - A benefit week belongs to a window when its Monday does; a week counts 7 days.
 *   A week without a code has the benefit-code file's absent group (self-supporting).
 * - A month (paid hours, social services) belongs to a window when its first day does.
 * - "At month k" is the date k months after start: the benefit week containing it, or
 *   an education spell covering it (an open spell runs on).
 * - Admission days are nights: discharge − admission, clipped to the window; an
 *   admission without a discharge date runs to the as-of date.
 * - Convictions per person-year use the follow-up actually observed within the window
 *   (the exposure); only a person with no follow-up at all is censored.
 * - Re-conviction: the first release on or after start; a conviction dated after the
 *   release and at most `withinMonths` later. Persons with no release are not applicable.
 */
import { addMonths, firstDayOfMonthIndex, mondayOfWeek, monthIndex, type DayNumber } from "../shared/dates.ts";
import type { OutcomeSpec } from "../spec/schema.ts";
import type { PersonRecords } from "./personRecords.ts";
import type { BenefitPanel } from "./benefitPanel.ts";
import type { Person } from "./schema.ts";

export type OutcomeType = "binary" | "continuous" | "count" | "rate";
export type CensoringReason = "as_of" | "emigrated" | "died" | "other";
export type OutcomeValue =
  | { readonly status: "observed"; readonly value: number; readonly exposureYears?: number }
  | { readonly status: "censored"; readonly reason: CensoringReason }
  | { readonly status: "not_applicable" };

export interface OutcomeColumn {
  readonly id: string;
  readonly kind: OutcomeSpec["kind"];
  readonly label: string;
  readonly type: OutcomeType;
  readonly window: string;
  /** One per person, in the order of `records.persons`. */
  readonly values: readonly OutcomeValue[];
}

const DAYS_PER_YEAR = 365.25;
const notApplicable: OutcomeValue = { status: "not_applicable" };
const observed = (value: number): OutcomeValue => ({ status: "observed", value });

/** The extract kinds an outcome reads (either one, for the two benefit layouts). */
export function extractKindsFor(outcome: OutcomeSpec): string[] {
  switch (outcome.kind) {
    case "days_on_public_support":
    case "self_supporting_at_month":
    case "flex_job":
      return ["benefit_weeks_long", "benefit_weeks_wide"];
    case "in_education_at_month":
      return ["education_spells"];
    case "paid_hours":
      return ["paid_hours_monthly"];
    case "psychiatric":
      return ["psychiatric_contacts"];
    case "social_services_kr":
      return ["social_services_monthly"];
    case "convictions_per_person_year":
      return ["convictions"];
    case "reconviction_after_release":
      return ["convictions", "prison_releases"];
    case "days_to_first_contact":
      return ["jobcentre_contacts"];
    case "months_without_benefit":
    case "in_activity_at_month":
      return ["benefit_weeks_long", "benefit_weeks_wide"];
    case "job_or_education_start":
    case "retained_after_start":
      return ["paid_hours_monthly", "education_spells"];
    case "checklist_done":
      return ["checklist_items"];
  }
}

export function outcomeType(outcome: OutcomeSpec): OutcomeType {
  switch (outcome.kind) {
    case "self_supporting_at_month":
    case "flex_job":
    case "in_education_at_month":
    case "reconviction_after_release":
    case "in_activity_at_month":
    case "job_or_education_start":
    case "retained_after_start":
    case "checklist_done":
      return "binary";
    case "psychiatric":
      return outcome.measure === "any" ? "binary" : "count";
    case "convictions_per_person_year":
      return "rate";
    default:
      return "continuous";
  }
}

export function describeWindow(outcome: OutcomeSpec): string {
  if ("windowMonths" in outcome) return `months ${outcome.fromMonth}–${outcome.windowMonths} from start`;
  if ("atMonth" in outcome) return `at month ${outcome.atMonth} after start`;
  if (outcome.kind === "days_to_first_contact") return "from start to the first contact";
  if (outcome.kind === "checklist_done") return `within ${outcome.withinDays} days of start`;
  return `within ${outcome.withinMonths} months of first release after start`;
}

/** Derives one outcome for every person. Returns null when a needed extract is absent. */
export function deriveOutcome(outcome: OutcomeSpec, records: PersonRecords, asOf: DayNumber): OutcomeColumn | null {
  const value = valueFunction(outcome, records, asOf);
  if (value === null) return null;
  return {
    id: outcome.id,
    kind: outcome.kind,
    label: outcome.label ?? outcome.id,
    type: outcomeType(outcome),
    window: describeWindow(outcome),
    values: records.persons.map(value),
  };
}

/** The last day a person is followed: the as-of date, or the exit date when earlier. */
export function lastFollowedDay(person: Person, asOf: DayNumber): DayNumber {
  return person.exitDate !== null && person.exitDate < asOf ? person.exitDate : asOf;
}

/** Why follow-up ended before a date: the exit when it came first, else the as-of date. */
function censored(person: Person, asOf: DayNumber): OutcomeValue {
  const exited = person.exitDate !== null && person.exitDate <= asOf;
  return { status: "censored", reason: exited ? (person.exitReason ?? "other") : "as_of" };
}

/** The window [start, end) of a person, or null when it ends after the last followed day. */
function completeWindow(person: Person, months: number, asOf: DayNumber, fromMonth = 0): { start: DayNumber; end: DayNumber } | null {
  const end = addMonths(person.startDate, months);
  return end > lastFollowedDay(person, asOf) + 1 ? null : { start: addMonths(person.startDate, fromMonth), end };
}

function valueFunction(outcome: OutcomeSpec, records: PersonRecords, asOf: DayNumber): ((person: Person) => OutcomeValue) | null {
  switch (outcome.kind) {
    case "days_on_public_support":
    case "flex_job": {
      const groups = records.benefitGroups;
      if (!groups) return null;
      return (person) => {
        const window = completeWindow(person, outcome.windowMonths, asOf, outcome.fromMonth);
        if (!window) return censored(person, asOf);
        const weeks = countWeeksInGroups(groups, person.personId, records.absentGroup, outcome.groups, window.start, window.end);
        return observed(outcome.kind === "flex_job" ? Number(weeks > 0) : 7 * weeks);
      };
    }
    case "self_supporting_at_month": {
      const groups = records.benefitGroups;
      if (!groups) return null;
      return (person) => {
        const at = groupAtMonth(groups, records.absentGroup, person, outcome.atMonth, asOf);
        return at === null ? censored(person, asOf) : observed(Number(outcome.groups.includes(at.group)));
      };
    }
    case "in_education_at_month": {
      const spells = records.educationSpells;
      if (!spells) return null;
      return (person) => {
        const date = addMonths(person.startDate, outcome.atMonth);
        if (date > lastFollowedDay(person, asOf)) return censored(person, asOf);
        const enrolled = (spells.get(person.personId) ?? []).some((s) => s.startDate <= date && (s.endDate === null || s.endDate >= date));
        return observed(Number(enrolled));
      };
    }
    case "paid_hours":
    case "social_services_kr": {
      const rows = outcome.kind === "paid_hours" ? records.paidHours : records.socialServices;
      if (!rows) return null;
      return (person) => {
        const window = completeWindow(person, outcome.windowMonths, asOf, outcome.fromMonth);
        if (!window) return censored(person, asOf);
        let total = 0;
        for (const row of rows.get(person.personId) ?? []) {
          const firstDay = firstDayOfMonthIndex(row.month);
          if (firstDay >= window.start && firstDay < window.end) total += "hours" in row ? row.hours : row.costKr;
        }
        return observed(roundAwayFloatNoise(total));
      };
    }
    case "psychiatric": {
      const contacts = records.psychiatricContacts;
      if (!contacts) return null;
      return (person) => {
        const window = completeWindow(person, outcome.windowMonths, asOf, outcome.fromMonth);
        if (!window) return censored(person, asOf);
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
    }
    case "convictions_per_person_year": {
      const convictions = records.convictions;
      if (!convictions) return null;
      return (person) => {
        const begin = addMonths(person.startDate, outcome.fromMonth);
        const end = Math.min(addMonths(person.startDate, outcome.windowMonths), lastFollowedDay(person, asOf) + 1);
        if (end <= begin) return censored(person, asOf);
        const count = (convictions.get(person.personId) ?? []).filter((c) => c.date >= begin && c.date < end).length;
        const exposureYears = (end - begin) / DAYS_PER_YEAR;
        return { status: "observed", value: count / exposureYears, exposureYears };
      };
    }
    case "days_to_first_contact": {
      const contacts = records.jobcentreContacts;
      if (!contacts) return null;
      return (person) => {
        const last = lastFollowedDay(person, asOf);
        const days = (contacts.get(person.personId) ?? []).map((c) => c.date).filter((d) => d >= person.startDate && d <= last);
        return days.length === 0 ? censored(person, asOf) : observed(Math.min(...days) - person.startDate);
      };
    }
    case "months_without_benefit": {
      const groups = records.benefitGroups;
      if (!groups) return null;
      return (person) => {
        const window = completeWindow(person, outcome.windowMonths, asOf, outcome.fromMonth);
        if (!window) return censored(person, asOf);
        let months = 0;
        for (let m = monthIndex(window.start); firstDayOfMonthIndex(m + 1) <= window.end; m += 1) {
          const first = firstDayOfMonthIndex(m);
          if (first < window.start) continue;
          const next = firstDayOfMonthIndex(m + 1);
          if (countWeeksInGroups(groups, person.personId, records.absentGroup, outcome.groups, first, next) === 0) months += 1;
        }
        return observed(months);
      };
    }
    case "in_activity_at_month": {
      const groups = records.benefitGroups;
      if (!groups) return null;
      return (person) => {
        const at = groupAtMonth(groups, records.absentGroup, person, outcome.atMonth, asOf);
        return at === null ? censored(person, asOf) : observed(Number(outcome.groups.includes(at.group) || inWorkOrEducation(records, person.personId, at.date)));
      };
    }
    case "job_or_education_start": {
      if (!records.paidHours || !records.educationSpells) return null;
      return (person) => {
        const window = completeWindow(person, outcome.windowMonths, asOf, outcome.fromMonth);
        if (!window) return censored(person, asOf);
        return observed(Number(firstStart(records, person.personId, window.start, window.end) !== null));
      };
    }
    case "retained_after_start": {
      if (!records.paidHours || !records.educationSpells) return null;
      return (person) => {
        const window = completeWindow(person, outcome.windowMonths, asOf, outcome.fromMonth);
        if (!window) return censored(person, asOf);
        const start = firstStart(records, person.personId, window.start, window.end);
        if (start === null) return notApplicable;
        const date = addMonths(start, outcome.afterMonths);
        if (date > lastFollowedDay(person, asOf)) return censored(person, asOf);
        return observed(Number(inWorkOrEducation(records, person.personId, date)));
      };
    }
    case "checklist_done": {
      const items = records.checklistItems;
      if (!items) return null;
      return (person) => {
        const until = person.startDate + outcome.withinDays;
        const done = (items.get(person.personId) ?? []).some((i) => i.item === outcome.item && i.date >= person.startDate && i.date <= until);
        if (done) return observed(1);
        return until > lastFollowedDay(person, asOf) ? censored(person, asOf) : observed(0);
      };
    }
    case "reconviction_after_release": {
      const { convictions, prisonReleases } = records;
      if (!convictions || !prisonReleases) return null;
      return (person) => {
        const lastDay = lastFollowedDay(person, asOf);
        const releases = (prisonReleases.get(person.personId) ?? []).map((r) => r.releaseDate).filter((d) => d >= person.startDate && d <= lastDay);
        if (releases.length === 0) return notApplicable;
        const release = Math.min(...releases);
        const until = addMonths(release, outcome.withinMonths);
        if (until > lastDay) return censored(person, asOf);
        const again = (convictions.get(person.personId) ?? []).some((c) => c.date > release && c.date <= until);
        return observed(Number(again));
      };
    }
  }
}

/** In work (paid hours in that month) or in education (a spell covering the date). */
/** The benefit group of the week holding the date `atMonth` months after start; null when that date is not yet followed. */
function groupAtMonth(groups: NonNullable<PersonRecords["benefitGroups"]>, absentGroup: string, person: Person, atMonth: number, asOf: DayNumber): { date: DayNumber; group: string } | null {
  const date = addMonths(person.startDate, atMonth);
  if (date > lastFollowedDay(person, asOf)) return null;
  return { date, group: groups.groupAt(person.personId, mondayOfWeek(date)) ?? absentGroup };
}

function inWorkOrEducation(records: PersonRecords, personId: string, date: DayNumber): boolean {
  const month = monthIndex(date);
  if ((records.paidHours?.get(personId) ?? []).some((h) => h.month === month && h.hours > 0)) return true;
  return (records.educationSpells?.get(personId) ?? []).some((s) => s.startDate <= date && (s.endDate === null || s.endDate >= date));
}

/** The first job (first day of a month with paid hours) or education start in [from, to), or null. */
function firstStart(records: PersonRecords, personId: string, from: DayNumber, to: DayNumber): DayNumber | null {
  const starts = [
    ...(records.paidHours?.get(personId) ?? []).filter((h) => h.hours > 0).map((h) => firstDayOfMonthIndex(h.month)),
    ...(records.educationSpells?.get(personId) ?? []).map((s) => s.startDate),
  ].filter((d) => d >= from && d < to);
  return starts.length === 0 ? null : Math.min(...starts);
}

/** Weeks whose Monday lies in [from, to) and whose group is one of `groups`. */
export function countWeeksInGroups(
  panel: BenefitPanel,
  personId: string,
  absentGroup: string,
  groups: readonly string[],
  from: DayNumber,
  to: DayNumber,
): number {
  let monday = mondayOfWeek(from);
  if (monday < from) monday += 7;
  let count = 0;
  for (; monday < to; monday += 7) {
    if (groups.includes(panel.groupAt(personId, monday) ?? absentGroup)) count += 1;
  }
  return count;
}

/** Sums of decimal kroner and hours pick up binary noise (66726.73000000001); six decimals is far below any unit used. */
function roundAwayFloatNoise(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
