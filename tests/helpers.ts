/** Shared test helpers: in-memory row streams and hand-written dates. */
import { dayFromParts, type DayNumber } from "../src/shared/dates.ts";
import type { RawRow } from "../src/ingest/schema.ts";

/** Header + data lines as the CSV reader would yield them (line 1 is the header). */
export async function* rowsOf(lines: readonly (readonly string[])[]): AsyncGenerator<RawRow> {
  let line = 0;
  for (const fields of lines) yield { line: ++line, fields };
}

/** A day number from yyyy-mm-dd, for expectations written by hand. */
export function day(text: string): DayNumber {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const value = dayFromParts(y, m, d);
  if (value === null) throw new Error(`day() needs a valid date, got ${text}`);
  return value;
}

/** |actual − expected| ≤ tolerance · |expected| (absolute when expected is 0), with a message naming the case. */
export function expectRelativelyClose(actual: number, expected: number, tolerance: number, label = ""): void {
  const scale = expected === 0 ? 1 : Math.abs(expected);
  const error = Math.abs(actual - expected) / scale;
  if (!(error <= tolerance)) throw new Error(`${label}: got ${actual}, expected ${expected} (relative error ${error.toExponential(2)} > ${tolerance})`);
}
