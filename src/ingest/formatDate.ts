/**
 * A day (or month) as text in one of the formats effekt reads — the inverse of
 * `parseDate` and `parseMonth`. Used to hand Excel date cells to the same validation as
 * CSV text: a real date cell becomes text in the extract's date format, so a
 * declared or detected `dateFormat` reads it whatever it is.
 *
 * @example
 * formatDate(dayFromParts(2022, 8, 15)!, "dd-mm-yyyy") // "15-08-2022"
 */
import { partsFromDay, type DayNumber } from "../shared/dates.ts";
import type { DateFormat, MonthFormat } from "./parseValue.ts";

const SAS_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const two = (n: number) => String(n).padStart(2, "0");

export function formatDate(day: DayNumber, format: DateFormat): string {
  const { year, month, day: d } = partsFromDay(day);
  const y = String(year).padStart(4, "0");
  switch (format) {
    case "iso":
      return `${y}-${two(month)}-${two(d)}`;
    case "dd-mm-yyyy":
      return `${two(d)}-${two(month)}-${y}`;
    case "dd.mm.yyyy":
      return `${two(d)}.${two(month)}.${y}`;
    case "dd/mm/yyyy":
      return `${two(d)}/${two(month)}/${y}`;
    case "mm/dd/yyyy":
      return `${two(month)}/${two(d)}/${y}`;
    case "yyyymmdd":
      return `${y}${two(month)}${two(d)}`;
    case "ddmmyyyy":
      return `${two(d)}${two(month)}${y}`;
    case "ddmonyyyy":
      return `${two(d)}${SAS_MONTHS[month - 1]}${y}`;
  }
}

export function formatMonth(day: DayNumber, format: MonthFormat): string {
  const { year, month } = partsFromDay(day);
  const y = String(year).padStart(4, "0");
  return format === "yyyy-mm" ? `${y}-${two(month)}` : `${y}${two(month)}`;
}
