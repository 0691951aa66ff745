/**
 * Calendar arithmetic on whole days. A date is an integer day number: days since
 * 1970-01-01 (UTC). Register dates carry no time of day, so nothing here touches
 * time zones.
 */

export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

/** Day number of a valid calendar date, or null when (year, month, day) does not exist. */
export function dayFromParts(year: number, month: number, day: number): DayNumber | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function partsFromDay(day: DayNumber): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO 8601 text (yyyy-mm-dd) of a day number. */
export function isoDate(day: DayNumber): string {
  const p = partsFromDay(day);
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/**
 * The same day of the month `months` later; a day that does not exist in the target
 * month is clamped to its last day (31 Jan + 1 month = 28/29 Feb), as R's lubridate `%m+%`.
 */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const p = partsFromDay(day);
  const monthIndex = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return dayFromParts(year, month, Math.min(p.day, daysInMonth(year, month))) as DayNumber;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: DayNumber): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Monday of the ISO week containing `day`. */
export function mondayOfWeek(day: DayNumber): DayNumber {
  return day - (isoWeekday(day) - 1);
}

/** Monday of ISO week `week` of ISO year `year`, or null when that week does not exist. */
export function mondayOfIsoWeek(year: number, week: number): DayNumber | null {
  if (!Number.isInteger(week) || week < 1 || week > isoWeeksInYear(year)) return null;
  const jan4 = dayFromParts(year, 1, 4) as DayNumber;
  return mondayOfWeek(jan4) + (week - 1) * 7;
}

/** 52 or 53: an ISO year has 53 weeks when 1 January or (leap years) 31 December is a Thursday. */
export function isoWeeksInYear(year: number): number {
  const jan1 = isoWeekday(dayFromParts(year, 1, 1) as DayNumber);
  return jan1 === 4 || (isLeapYear(year) && jan1 === 3) ? 53 : 52;
}

/** Month number (year·12 + month − 1) of a day: months compare and subtract as integers. */
export function monthIndex(day: DayNumber): number {
  const p = partsFromDay(day);
  return p.year * 12 + p.month - 1;
}

/** First day of the month with the given month number. */
export function firstDayOfMonthIndex(index: number): DayNumber {
  let day = FIRST_DAYS.get(index);
  if (day === undefined) {
    day = dayFromParts(Math.floor(index / 12), (index % 12) + 1, 1) as DayNumber;
    if (FIRST_DAYS.size < 100_000) FIRST_DAYS.set(index, day);
  }
  return day;
}

/** Month index → its first day, remembered: registers ask for the same few hundred months on every row. */
const FIRST_DAYS = new Map<number, DayNumber>();

/** Whole years between two days, as a person's age on `on` when `from` is the birth date. */
export function wholeYearsBetween(from: DayNumber, on: DayNumber): number {
  const a = partsFromDay(from);
  const b = partsFromDay(on);
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years -= 1;
  return years;
}
