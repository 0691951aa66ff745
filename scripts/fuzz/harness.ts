/**
 * Fuzz cases for the loaders: a seeded generator of damaged register extracts and
 * damaged spec, assumption and contract files, and the invariants every one must keep —
 * no exception other than a StopRun (a clear message for the person); rows read =
 * accepted + quarantined; every quarantined row names a known rule and, unless it is an
 * exact repeat or a row of a person outside the population, marks its windows; every invalid
 * config field is named by a JSON path. Used by tests/fuzz.test.ts (2,000 cases) and
 * `npm run fuzz` (100,000 cases).
 */
import { messages } from "../../src/messages.ts";
import { ingestExtract } from "../../src/ingest/ingestExtract.ts";
import type { RawRow } from "../../src/ingest/schema.ts";
import { StopRun } from "../../src/shared/issues.ts";
import { randomInteger, type RandomSource } from "../../src/shared/random.ts";
import { parseSpec } from "../../src/spec/parseSpec.ts";
import { Extract } from "../../src/spec/schema.ts";
import { projectCase } from "../../src/project/projectCase.ts";
import { Contract } from "../../src/repay/schema.ts";
import { dayFromParts } from "../../src/shared/dates.ts";

export const KNOWN_RULES = new Set(Object.keys(messages.rule));

const pick = <T>(random: RandomSource, items: readonly T[]): T => items[randomInteger(random, items.length)]!;

/** A small valid long benefit extract, then damaged in 1–4 random ways. */
export function damagedExtract(random: RandomSource): Buffer {
  const delimiter = pick(random, [",", ";", "\t"]);
  const eol = pick(random, ["\n", "\r\n"]);
  const lines = [["PersonNøgle", "Uge", "Ydelseskode"].join(delimiter)];
  for (let i = 0, n = randomInteger(random, 30); i < n; i += 1) lines.push([`P${randomInteger(random, 5)}`, `2022-W${String(1 + randomInteger(random, 53)).padStart(2, "0")}`, pick(random, ["134", "651", "999"])].join(delimiter));
  let text = lines.join(eol) + eol;
  for (let k = 0, ops = 1 + randomInteger(random, 4); k < ops; k += 1) {
    const at = randomInteger(random, Math.max(1, text.length));
    switch (randomInteger(random, 10)) {
      case 0: text = text.slice(0, at); break; // truncated
      case 1: text = text.split(delimiter).join(pick(random, [",", ";", "\t", "|"])); break; // wrong delimiter
      case 2: text = text.slice(0, at) + pick(random, ['"', '""', "\r", "\n", "\u0000", "ø", "€", "010190-1234"]) + text.slice(at); break;
      case 3: text = text.slice(0, at) + "x".repeat(10_000) + text.slice(at); break; // huge field
      case 4: text = text.replace(/134/g, () => pick(random, ["134", "abc", "", "1.5"])); break; // non-codes
      case 5: text = text.replace(/2022-W\d\d/g, () => pick(random, ["2022-W60", "22W05", "", "2022-W05"])); break; // impossible weeks
      case 6: text = text + text.slice(text.indexOf("\n") + 1); break; // duplicate rows
      case 7: text = text.split(eol).map((l) => (random.next() < 0.3 ? l + delimiter + "extra" : l)).join(eol); break; // extra columns
      case 8: text = text.split(eol).map((l) => (random.next() < 0.3 ? l.split(delimiter).slice(0, 2).join(delimiter) : l)).join(eol); break; // missing columns
      case 9: text = ""; break; // empty file
    }
  }
  const bytes = Buffer.from(text, random.next() < 0.3 ? "latin1" : "utf8");
  return random.next() < 0.1 ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

export type Reader = (bytes: Buffer) => AsyncIterable<RawRow | RawRow[]>;

/** One extract case through a reader and ingest; returns a violated invariant, or null. */
export async function checkExtract(bytes: Buffer, reader: Reader): Promise<string | null> {
  try {
    const result = await ingestExtract("benefit_weeks_long", reader(bytes), {
      name: "fuzz",
      file: "fuzz.csv",
      spec: Extract.parse({ kind: "benefit_weeks_long", file: "fuzz.csv", columns: { personId: "PersonNøgle", week: "Uge", code: "Ydelseskode" } }),
      decimal: ",",
      delimiter: ",",
      enrolment: { from: dayFromParts(2021, 1, 1)!, to: dayFromParts(2023, 1, 1)! },
      benefitCodes: { groupOfCode: new Map([["134", "public_support"], ["651", "su"]]), absentGroup: "self_supporting" },
      population: new Set(["P0", "P1", "P2"]),
    });
    if (result.rowsRead !== result.rowsAccepted + result.rowsQuarantined) return `rows read ${result.rowsRead} ≠ ${result.rowsAccepted} accepted + ${result.rowsQuarantined} quarantined`;
    const lines = new Set(result.quarantine.map((q) => q.line));
    if (lines.size !== result.rowsQuarantined) return `${result.rowsQuarantined} rows quarantined but ${lines.size} lines named`;
    const unknown = result.quarantine.find((q) => !KNOWN_RULES.has(q.rule));
    if (unknown) return `quarantined with an unknown rule '${unknown.rule}'`;
    // Nothing quarantined is silently forgotten: an exact repeat is counted once, a row of a person outside
    // the population is counted apart, and every other rejected row marks the windows it falls in.
    const flagged = new Set(result.rejected.map((r) => r.line));
    const forgotten = result.quarantine.find((q) => q.rule !== "duplicate_row" && q.rule !== "person_not_in_population" && !flagged.has(q.line));
    if (forgotten) return `line ${forgotten.line} (${forgotten.rule}) quarantined but not marked for the outcomes`;
    const orphans = result.quarantine.filter((q) => q.rule === "person_not_in_population").length;
    if (orphans !== result.rowsForPersonsNotInPopulation || result.rowsRejected + orphans !== result.rowsQuarantined) return `rejected ${result.rowsRejected} + not in population ${orphans} ≠ ${result.rowsQuarantined} quarantined`;
    return null;
  } catch (error) {
    if (error instanceof StopRun) return error.issues.every((i) => i.message.length > 0) ? null : "StopRun without a message";
    return `crash: ${(error as Error).stack ?? error}`;
  }
}

/** Damages a JSON value: deletes, retypes, renames or adds keys at random depths. */
export function damagedJson(random: RandomSource, value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    const copy = value.map((v) => (random.next() < 0.3 ? damagedJson(random, v, depth + 1) : v));
    if (random.next() < 0.1) copy.splice(randomInteger(random, copy.length + 1), 0, pick(random, [null, 1, "x", {}, []]));
    return copy;
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const roll = random.next();
      if (roll < 0.05) continue; // deleted
      if (roll < 0.1) out[key + "x"] = v; // renamed: unknown key
      else if (roll < 0.15) out[key] = pick(random, [null, -1, 0, 1e308, "", "text", true, [], {}]); // wrong type or value
      else out[key] = random.next() < 0.4 && depth < 6 ? damagedJson(random, v, depth + 1) : v;
    }
    return out;
  }
  return random.next() < 0.2 ? pick(random, [null, -5, "2026-02-30", NaN, 1e9, "", []]) : value;
}

/** A damaged spec, assumption file or contract: a clean result or issues with JSON paths, never a crash. */
export function checkConfig(kind: "spec" | "assumptions" | "contract", json: unknown): string | null {
  try {
    if (kind === "spec") {
      const result = parseSpec(json);
      if ("issues" in result && result.issues.some((i) => !Array.isArray(i.path))) return "a spec issue without a JSON path";
      return null;
    }
    if (kind === "contract") {
      const parsed = Contract.safeParse(json);
      if (!parsed.success && parsed.error.issues.some((i) => !Array.isArray(i.path))) return "a contract issue without a path";
      return null;
    }
    try {
      projectCase(json, "case.json", null);
    } catch (error) {
      if (error instanceof StopRun) return error.issues.every((i) => i.file === "case.json") ? null : "an assumption issue without the file and path";
      throw error;
    }
    return null;
  } catch (error) {
    return `crash: ${(error as Error).stack ?? error}`;
  }
}
