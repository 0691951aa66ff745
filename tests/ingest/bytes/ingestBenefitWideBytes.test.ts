/**
 * The byte-level reader of wide benefit weeks against the checked path (openExtract's rows
 * through ingestExtract) on generated and fuzzed files: identical accepted rows, quarantine
 * entries and lines, flagged rows, repeats and conflicts of a person, coverage, stops — and an
 * identical person × week panel, from which every outcome is derived.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openExtract } from "../../../pipeline/io/openExtract.ts";
import { BenefitPanel } from "../../../src/ingest/benefitPanel.ts";
import { ingestBenefitWideBytes } from "../../../src/ingest/bytes/ingestBenefitWideBytes.ts";
import { ingestExtract, type ExtractContext } from "../../../src/ingest/ingestExtract.ts";
import type { BenefitCodes } from "../../../src/ingest/schema.ts";
import { StopRun } from "../../../src/shared/issues.ts";
import { dayFromParts } from "../../../src/shared/dates.ts";
import { propertyRuns } from "../../propertyRuns.ts";
import { randomInteger, seededRandom, type RandomSource } from "../../../src/shared/random.ts";
import { Extract } from "../../../src/spec/schema.ts";

const dir = mkdtempSync(join(tmpdir(), "effekt-wide-bytes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const population = ["P0", "P1", "P2", "P3", "Pø"];
const codes: BenefitCodes = { groupOfCode: new Map([["134", "public_support"], ["651", "su"], ["130", "public_support"]]), absentGroup: "self_supporting" };
const groups = [...new Set(codes.groupOfCode.values())].sort();
const from = dayFromParts(2022, 1, 10)!;
const to = dayFromParts(2022, 3, 31)!;

function contextOf(delimiter: string): ExtractContext {
  return {
    name: "weeks",
    file: "weeks.csv",
    spec: Extract.parse({ kind: "benefit_weeks_wide", file: "weeks.csv", columns: { personId: "PNR" }, weekColumnPattern: "^y_(\\d{4})$" }),
    decimal: ",",
    delimiter,
    enrolment: { from: dayFromParts(2021, 1, 1)!, to: dayFromParts(2023, 1, 1)! },
    benefitCodes: codes,
    population: new Set(population),
    excludedPersons: new Set(["P7"]),
  };
}

/** A wide extract: weeks before, in and after the panel, padded and unknown codes, repeated and conflicting persons, orphans, extra columns, CPR-like cells. */
function generated(random: RandomSource): string {
  const pick = <T>(items: readonly T[]) => items[randomInteger(random, items.length)]!;
  const delimiter = pick([",", ";", "\t"]);
  const eol = pick(["\n", "\r\n"]);
  const weekColumns = ["y_2150", "y_2201", "y_2202", "y_2205", "y_2206", "y_2210", "y_2230"].filter(() => random.next() < 0.8);
  const note = random.next() < 0.2;
  const header = ["PNR", ...weekColumns, ...(note ? ["note"] : [])];
  if (random.next() < 0.2) header.reverse();
  const lines = [header.join(delimiter)];
  const seen: string[] = [];
  for (let i = 0, n = randomInteger(random, 25); i < n; i += 1) {
    const roll = random.next();
    if (roll < 0.04) lines.push("");
    else if (roll < 0.1 && seen.length > 0) lines.push(pick(seen));
    else if (roll < 0.13) lines.push(header.slice(1).map(() => "134").join(delimiter));
    else if (roll < 0.14) lines.push(header.map((name) => (name === "PNR" ? "Pø" : "")).join(delimiter)); // not ASCII: the whole file is read by csv-parse
    else {
      const cell = (name: string) =>
        name === "PNR" ? pick(["P0", "P1", "P2", "P3", " P2", "P9", "P7", ""]) : name === "note" ? pick(["", "ok", "010190-1234", "x y"]) : pick(["134", "651", "130", "", "", " 134", "999", "1 34"]);
      const line = header.map(cell).join(delimiter);
      seen.push(line);
      lines.push(line);
    }
  }
  return lines.join(eol) + (random.next() < 0.8 ? eol : "");
}

type Outcome = { result: unknown; panel: (string | null)[] } | { stop: unknown };

async function through(path: string, bytes: boolean): Promise<{ outcome: Outcome; usedBytes: boolean }> {
  let usedBytes = false;
  const panel = new BenefitPanel(population, from, to, groups);
  try {
    const opened = await openExtract(path, "weeks.csv", { dialect: {}, kind: "benefit_weeks_wide" });
    const context = { ...contextOf(opened.dialect.delimiter), benefitSink: (p: string, w: number, c: string, l: number) => panel.set(p, w, codes.groupOfCode.get(c)!, l, c) };
    let result;
    if (bytes && opened.bytes) {
      usedBytes = true;
      result = await ingestBenefitWideBytes(opened.rows, opened.bytes, context, panel, codes);
    } else result = await ingestExtract("benefit_weeks_wide", opened.rows, context);
    const cells: (string | null)[] = [];
    for (const person of population) for (let monday = panel.firstWeek; monday < panel.firstWeek + 7 * panel.weekCount; monday += 7) cells.push(panel.groupAt(person, monday));
    return { outcome: { result, panel: cells }, usedBytes };
  } catch (error) {
    if (error instanceof StopRun) return { outcome: { stop: error.issues }, usedBytes };
    throw error;
  }
}

async function compare(text: string, name: string): Promise<boolean> {
  const path = join(dir, name);
  writeFileSync(path, text);
  const checked = await through(path, false);
  const fast = await through(path, true);
  expect(fast.outcome, name).toEqual(checked.outcome);
  return fast.usedBytes;
}

describe("ingestBenefitWideBytes(rows, bytes, context, panel, codes)", () => {
  const files = propertyRuns(250);
  it(`accepts, quarantines, flags and stops exactly as the checked path on ${files} generated files`, async () => {
    const random = seededRandom(20261202);
    let viaBytes = 0;
    for (let i = 0; i < files; i += 1) if (await compare(generated(random), `w${i}.csv`)) viaBytes += 1;
    expect(viaBytes).toBeGreaterThan(0.6 * files);
  });

  it("leaves a person with two rows to the checked path: the exact repeat counted once, the conflict flagged", async () => {
    const path = join(dir, "repeat.csv");
    writeFileSync(path, "PNR,y_2202,y_2203\nP1,134,\nP2,651,134\nP1,134,\nP2,651,651\nP3,,\n");
    const panel = new BenefitPanel(population, from, to, groups);
    const opened = await openExtract(path, "weeks.csv", { dialect: {} });
    const result = await ingestBenefitWideBytes(opened.rows, opened.bytes!, contextOf(","), panel, codes);
    // Hand count: 5 rows; line 4 repeats line 2, line 5 conflicts with line 3 (its weeks unknown); P3 has no code.
    expect([result.rowsRead, result.rowsAccepted, result.rowsQuarantined, result.recordCount]).toEqual([5, 3, 2, 3]);
    expect(result.quarantine.map((q) => [q.line, q.rule])).toEqual([[4, "duplicate_row"], [5, "conflicting_rows"]]);
    expect(result.rejected).toEqual([{ line: 5, personId: "P2", from: null, to: null, reason: "conflicting_rows" }]);
    expect(panel.groupAt("P2", dayFromParts(2022, 1, 17)!)).toBe("public_support");
    expect(panel.groupAt("P2", dayFromParts(2022, 1, 10)!)).toBe("su");
  });
});
