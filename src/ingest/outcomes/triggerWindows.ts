/**
 * Period arithmetic of the rate-card triggers. A window trigger's window is [start, start +
 * windowMonths) and is counted in the year holding its last day; a year trigger reads the part
 * of a calendar year the person is followed in: [later of 1 January and start, earlier of
 * 1 January next and the day after the last followed day).
 */
import { addMonths, dayFromParts, partsFromDay, type DayNumber } from "../../shared/dates.ts";
import type { Person } from "../schema.ts";
import type { YearPeriod } from "./triggerTypes.ts";
import { lastFollowedDay } from "./windows.ts";

export function yearPeriod(year: number): YearPeriod {
  return { year, from: dayFromParts(year, 1, 1)!, to: dayFromParts(year + 1, 1, 1)! };
}

/** The window [start, end) of a window trigger, and the year it is counted in. */
export function triggerWindow(person: Person, windowMonths: number): { start: DayNumber; end: DayNumber; year: number } {
  const end = addMonths(person.startDate, windowMonths);
  return { start: person.startDate, end, year: partsFromDay(end - 1).year };
}

/** The followed part of a year, and whether the person is followed through all of it; null when not followed in it at all. */
export function followedPart(person: Person, period: YearPeriod, asOf: DayNumber): { from: DayNumber; to: DayNumber; whole: boolean } | null {
  const from = Math.max(period.from, person.startDate);
  const to = Math.min(period.to, lastFollowedDay(person, asOf) + 1);
  return to <= from ? null : { from, to, whole: to === period.to };
}

/** Days of [aFrom, aTo) ∩ [bFrom, bTo). */
export function overlapDays(aFrom: DayNumber, aTo: DayNumber, bFrom: DayNumber, bTo: DayNumber): number {
  return Math.max(0, Math.min(aTo, bTo) - Math.max(aFrom, bFrom));
}
