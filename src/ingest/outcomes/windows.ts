/**
 * Window arithmetic shared by the outcome kinds (conventions in ../deriveOutcomes.ts and the README).
 */
import { addMonths, firstDayOfMonthIndex, mondayOfWeek, monthIndex, type DayNumber } from "../../shared/dates.ts";
import type { BenefitPanel } from "../benefitPanel.ts";
import type { PersonRecords } from "../personRecords.ts";
import type { Person } from "../schema.ts";
import type { DeriveContext, OutcomeValue } from "./types.ts";
import { dataStatus } from "./evidence.ts";

export const DAYS_PER_YEAR = 365.25;
export const notApplicable: OutcomeValue = { status: "not_applicable" };
export const observed = (value: number): OutcomeValue => ({ status: "observed", value });

/** The last day a person is followed: the as-of date, or the exit date when earlier. */
export function lastFollowedDay(person: Person, asOf: DayNumber): DayNumber {
  return person.exitDate !== null && person.exitDate < asOf ? person.exitDate : asOf;
}

/** Why follow-up ended before a date: the exit when it came first, else the as-of date. */
export function censored(person: Person, asOf: DayNumber): OutcomeValue {
  const exited = person.exitDate !== null && person.exitDate <= asOf;
  return { status: "censored", reason: exited ? (person.exitReason ?? "other") : "as_of" };
}

/** The window [start, end) of a person, or null when it ends after the last followed day. */
export function completeWindow(person: Person, months: number, asOf: DayNumber, fromMonth = 0): { start: DayNumber; end: DayNumber } | null {
  const end = addMonths(person.startDate, months);
  return end > lastFollowedDay(person, asOf) + 1 ? null : { start: addMonths(person.startDate, fromMonth), end };
}

/** The benefit group of the week holding the date `atMonth` months after start; null when that date is not yet followed. */
export function groupAtMonth(groups: BenefitPanel, absentGroup: string, person: Person, atMonth: number, asOf: DayNumber): { date: DayNumber; monday: DayNumber; group: string } | null {
  const date = addMonths(person.startDate, atMonth);
  if (date > lastFollowedDay(person, asOf)) return null;
  const monday = mondayOfWeek(date);
  return { date, monday, group: groups.groupAt(person.personId, monday) ?? absentGroup };
}

/** In work (paid hours in that month) or in education (a spell covering the date). */
export function inWorkOrEducation(records: PersonRecords, personId: string, date: DayNumber): boolean {
  const month = monthIndex(date);
  if ((records.paidHours?.get(personId) ?? []).some((h) => h.month === month && h.hours > 0)) return true;
  return (records.educationSpells?.get(personId) ?? []).some((s) => s.startDate <= date && (s.endDate === null || s.endDate >= date));
}

/** The first job (first day of a month with paid hours) or education start in [from, to), or null. */
export function firstStart(records: PersonRecords, personId: string, from: DayNumber, to: DayNumber): DayNumber | null {
  const starts = [
    ...(records.paidHours?.get(personId) ?? []).filter((h) => h.hours > 0).map((h) => firstDayOfMonthIndex(h.month)),
    ...(records.educationSpells?.get(personId) ?? []).map((s) => s.startDate),
  ].filter((d) => d >= from && d < to);
  return starts.length === 0 ? null : Math.min(...starts);
}

/** The day span [first day of the month, +1) that a month's row is counted under (a month belongs to a window when its first day does). */
export function monthRead(date: DayNumber): { from: DayNumber; to: DayNumber } {
  const first = firstDayOfMonthIndex(monthIndex(date));
  return { from: first, to: first + 1 };
}

/** Weeks whose Monday lies in [from, to) and whose group is one of `groups`. */
export function countWeeksInGroups(panel: BenefitPanel, personId: string, absentGroup: string, groups: readonly string[], from: DayNumber, to: DayNumber): number {
  return panel.countWeeksIn(personId, groups, absentGroup, from, to);
}

/** Sums of decimal kroner and hours pick up binary noise (66726.73000000001); six decimals is far below any unit used. */
export function roundAwayFloatNoise(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * An outcome counted over a window of benefit weeks: censored while the window is not complete, the
 * evidence's status when a rejected, conflicting or uncovered week lies in it, else `value` from the panel.
 */
export function benefitWeeksWindow(
  window: { readonly windowMonths: number; readonly fromMonth: number },
  { records, asOf, evidence }: DeriveContext,
  value: (panel: BenefitPanel, person: Person, span: { start: DayNumber; end: DayNumber }) => number,
): ((person: Person) => OutcomeValue) | null {
  const panel = records.benefitGroups;
  if (!panel) return null;
  return (person) => {
    const span = completeWindow(person, window.windowMonths, asOf, window.fromMonth);
    if (!span) return censored(person, asOf);
    const status = dataStatus(evidence, person.personId, [{ family: "benefit_weeks", from: span.start, to: span.end }]);
    return status ?? observed(value(panel, person, span));
  };
}
