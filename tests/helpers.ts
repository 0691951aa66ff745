/** Shared test helpers: in-memory row streams, hand-written dates, variants of the shipped spec. */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
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

/** A copy of the shipped UngiFokus spec, its file paths made absolute, changed by `change`, written into `dir`. */
export function shippedSpecVariant(dir: string, change: (spec: any) => void): string {
  const spec = JSON.parse(readFileSync("fixtures/ungifokus/spec.json", "utf8"));
  const base = resolve("fixtures/ungifokus");
  for (const extract of Object.values<any>(spec.extracts)) extract.file = resolve(base, extract.file);
  spec.benefitCodes.file = resolve(base, spec.benefitCodes.file);
  spec.assumptions = spec.assumptions.map((f: string) => resolve(base, f));
  spec.contract = spec.contract.map((f: string) => resolve(base, f));
  spec.portfolio = resolve(base, spec.portfolio);
  change(spec);
  const path = join(dir, "spec.json");
  writeFileSync(path, JSON.stringify(spec));
  return path;
}
