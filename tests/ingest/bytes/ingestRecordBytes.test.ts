/**
 * The byte-level reader of the record extracts (paid hours, social services, psychiatric
 * contacts, convictions) against the checked path (openExtract's rows through ingestExtract)
 * on generated and fuzzed files: identical records, quarantine entries and lines, flagged rows,
 * repeats and conflicts, coverage, person counts and stops.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openExtract } from "../../../pipeline/io/openExtract.ts";
import { ingestRecordBytes } from "../../../src/ingest/bytes/ingestRecordBytes.ts";
import type { ExtractKind } from "../../../src/ingest/extractKinds.ts";
import { ingestExtract, type ExtractContext } from "../../../src/ingest/ingestExtract.ts";
import { StopRun } from "../../../src/shared/issues.ts";
import { dayFromParts } from "../../../src/shared/dates.ts";
import { randomInteger, seededRandom, type RandomSource } from "../../../src/shared/random.ts";
import { Extract } from "../../../src/spec/schema.ts";

const dir = mkdtempSync(join(tmpdir(), "effekt-record-bytes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const population = ["P0", "P1", "P2", "P3", "Pø"];

interface Shape {
  readonly kind: ExtractKind;
  /** Source column → canonical field; "Note" is an unmapped column. */
  readonly columns: Record<string, string>;
  /** A cell for each source column, right or wrong. */
  readonly cell: Record<string, readonly string[]>;
}

const ids = ["P0", "P1", "P2", "P3", " P1", "P1 ", "P9", "P7", "", "P 5", "Pø"];
const months = ["2022-01", "2022-02", "2022-03", " 2022-03", "2022-13", "22-01", ""];
const dates = ["2022-01-10", "2022-02-01", "2022-03-15", "2022-02-30", "10-01-2022", ""];
const notes = ["", "ok", "0101901234", "note 010190-1234", "x".repeat(12)];
const SHAPES: readonly Shape[] = [
  {
    kind: "paid_hours_monthly",
    columns: { Person: "personId", Maaned: "month", Timer: "hours" },
    cell: { Person: ids, Maaned: months, Timer: ["37", "12,5", "12.5", "0", "-3", "abc", "", "1234567890123456", "160 "], Note: notes },
  },
  {
    kind: "social_services_monthly",
    columns: { Person: "personId", Maaned: "month", Kr: "costKr", Paragraf: "measure" },
    cell: { Person: ids, Maaned: months, Kr: ["1000", "2500,25", "0", "-1", "x"], Paragraf: ["", "SEL85", "SEL107", " SEL85"], Note: notes },
  },
  {
    kind: "psychiatric_contacts",
    columns: { Person: "personId", Type: "contactType", Fra: "startDate", Til: "endDate" },
    cell: { Person: ids, Type: ["admission", "emergency", "outpatient", "visit", ""], Fra: dates, Til: [...dates, "2021-12-01"], Note: notes },
  },
  {
    kind: "convictions",
    columns: { Person: "personId", Dato: "date" },
    cell: { Person: ids, Dato: dates, Note: notes },
  },
];

function contextOf(shape: Shape, delimiter: string): ExtractContext {
  const columns = Object.fromEntries(Object.entries(shape.columns).map(([column, field]) => [field, column]));
  return {
    name: "extract",
    file: "extract.csv",
    spec: Extract.parse({ kind: shape.kind, file: "extract.csv", columns }),
    decimal: ",",
    delimiter,
    enrolment: { from: dayFromParts(2021, 1, 1)!, to: dayFromParts(2023, 1, 1)! },
    benefitCodes: null,
    population: new Set(population),
    excludedPersons: new Set(["P7"]),
    asOf: dayFromParts(2024, 1, 1)!,
  };
}

/** A file of one shape: repeats, conflicts, padded and bad cells, orphans, CPR-like cells, short and long rows, empty lines. */
function generated(random: RandomSource, shape: Shape): { text: string; delimiter: string } {
  const pick = <T,>(items: readonly T[]) => items[randomInteger(random, items.length)]!;
  const delimiter = pick([",", ";", "\t"]);
  const eol = pick(["\n", "\r\n"]);
  const header = [...Object.keys(shape.columns), ...(random.next() < 0.5 ? ["Note"] : [])];
  for (let i = header.length - 1; i > 0; i -= 1) {
    const j = randomInteger(random, i + 1);
    [header[i], header[j]] = [header[j]!, header[i]!];
  }
  const lines = [header.join(delimiter)];
  const seen: string[] = [];
  // Mostly good cells (the first two of each list are valid), so repeats and conflicts of accepted rows occur.
  const cell = (column: string) => (random.next() < 0.8 ? shape.cell[column]![randomInteger(random, 2)]! : pick(shape.cell[column]!));
  for (let i = 0, rows = randomInteger(random, 60); i < rows; i += 1) {
    const roll = random.next();
    if (roll < 0.03) lines.push("");
    else if (roll < 0.06) lines.push(header.slice(1).map(cell).join(delimiter));
    else if (roll < 0.08) lines.push(header.map(cell).join(delimiter) + delimiter);
    else if (roll < 0.16 && seen.length > 0) lines.push(pick(seen));
    else {
      const line = header.map(cell).join(delimiter);
      seen.push(line);
      lines.push(line);
    }
  }
  return { text: lines.join(eol) + (random.next() < 0.8 ? eol : ""), delimiter };
}

/** A generated file damaged at random: truncated, quotes and stray bytes, another delimiter, duplicated, huge fields. */
function damaged(random: RandomSource, text: string): Buffer {
  for (let k = 0, ops = 1 + randomInteger(random, 3); k < ops; k += 1) {
    const at = randomInteger(random, Math.max(1, text.length));
    switch (randomInteger(random, 6)) {
      case 0: text = text.slice(0, at); break;
      case 1: text = text.slice(0, at) + ['"', "\r", "\n", "\u0000", "ø", "010190-1234"][randomInteger(random, 6)] + text.slice(at); break;
      case 2: text = text.replace(/[,;\t]/g, () => (random.next() < 0.1 ? "|" : ",")); break;
      case 3: text = text + text.slice(text.indexOf("\n") + 1); break;
      case 4: text = text.slice(0, at) + "9".repeat(5000) + text.slice(at); break;
      case 5: text = text.split("\n").map((l) => (random.next() < 0.2 ? l.toUpperCase() : l)).join("\n"); break;
    }
  }
  return Buffer.from(text, random.next() < 0.3 ? "latin1" : "utf8");
}

type Outcome = { result: unknown } | { stop: unknown };

async function through(path: string, shape: Shape, bytes: boolean): Promise<{ outcome: Outcome; usedBytes: boolean }> {
  let usedBytes = false;
  try {
    const opened = await openExtract(path, "extract.csv", { dialect: {}, kind: shape.kind });
    const context = contextOf(shape, opened.dialect.delimiter);
    let result;
    if (bytes && opened.bytes) {
      usedBytes = true;
      result = await ingestRecordBytes(shape.kind, opened.rows, opened.bytes, context);
    } else result = await ingestExtract(shape.kind, opened.rows, context);
    return { outcome: { result }, usedBytes };
  } catch (error) {
    if (error instanceof StopRun) return { outcome: { stop: error.issues }, usedBytes };
    throw error;
  }
}

async function compare(bytes: Buffer, shape: Shape, name: string): Promise<boolean> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const checked = await through(path, shape, false);
  const fast = await through(path, shape, true);
  expect(fast.outcome, `${shape.kind} ${name}`).toEqual(checked.outcome);
  return fast.usedBytes;
}

describe("ingestRecordBytes(kind, rows, bytes, context)", () => {
  it("accepts, quarantines, flags and stops exactly as the checked path on 100 generated and 100 damaged files per kind", async () => {
    const random = seededRandom(20261202);
    for (const shape of SHAPES) {
      let viaBytes = 0;
      let records = 0;
      for (let i = 0; i < 100; i += 1) {
        const { text } = generated(random, shape);
        if (await compare(Buffer.from(text, "utf8"), shape, `g${i}.csv`)) viaBytes += 1;
        records += text.split("\n").length;
      }
      for (let i = 0; i < 100; i += 1) if (await compare(damaged(random, generated(random, shape).text), shape, `f${i}.csv`)) viaBytes += 1;
      // Most files are ones the byte reader takes (the rest: quotes, Danish letters, mixed line ends).
      expect(viaBytes, shape.kind).toBeGreaterThan(100);
      expect(records).toBeGreaterThan(2000);
    }
  });

  it("reads rows across chunk boundaries (a file of several megabytes) as the checked path does", async () => {
    const lines = ["Person;Maaned;Timer"];
    for (let i = 0; i < 120_000; i += 1) lines.push(`P${i % 4};20${10 + (i % 12)}-${String(1 + (i % 12)).padStart(2, "0")};${i % 997 === 0 ? "x" : (i % 160) + 0.5}`);
    expect(await compare(Buffer.from(lines.join("\r\n")), SHAPES[0]!, "big.csv")).toBe(true);
  });

  it("leaves a file with two fields read from one column (start and end both 'Dato') to the checked path", async () => {
    const shape: Shape = { kind: "psychiatric_contacts", columns: { Person: "personId", Type: "contactType", Dato: "startDate" }, cell: {} };
    const path = join(dir, "one-column.csv");
    writeFileSync(path, "Person,Type,Dato\nP1,admission,2022-01-05\nP2,outpatient,2022-03-15\n");
    const opened = await openExtract(path, "extract.csv", { dialect: {}, kind: shape.kind });
    const base = contextOf(shape, ",");
    const context = { ...base, spec: Extract.parse({ kind: shape.kind, file: "extract.csv", columns: { personId: "Person", contactType: "Type", startDate: "Dato", endDate: "Dato" } }) };
    const fast = await ingestRecordBytes(shape.kind, opened.rows, opened.bytes!, context);
    const again = await openExtract(path, "extract.csv", { dialect: {}, kind: shape.kind });
    expect(fast).toEqual(await ingestExtract(shape.kind, again.rows, context));
    expect(fast.records).toEqual([
      { personId: "P1", contactType: "admission", startDate: dayFromParts(2022, 1, 5), endDate: dayFromParts(2022, 1, 5) },
      { personId: "P2", contactType: "outpatient", startDate: dayFromParts(2022, 3, 15), endDate: dayFromParts(2022, 3, 15) },
    ]);
  });

  it("judges a repeat taken from the bytes by its first line, and quotes the month as written", async () => {
    const path = join(dir, "repeat.csv");
    writeFileSync(path, "Person,Maaned,Timer\nP1,2022-01,37\nP1,2022-01,37\nP1,2022-01,12\nP9,2022-01,1\nP2,2022-02,1\n");
    const opened = await openExtract(path, "extract.csv", { dialect: {} });
    const result = await ingestRecordBytes("paid_hours_monthly", opened.rows, opened.bytes!, contextOf(SHAPES[0]!, ","));
    // Hand count: 5 rows; line 3 repeats line 2 exactly, line 4 conflicts with it, line 5 is outside the population.
    expect([result.rowsRead, result.rowsAccepted, result.rowsQuarantined, result.rowsRejected, result.rowsForPersonsNotInPopulation]).toEqual([5, 2, 3, 2, 1]);
    expect(result.quarantine.map((q) => [q.line, q.column, q.value, q.rule])).toEqual([
      [3, "Maaned", "2022-01", "duplicate_row"],
      [4, "Maaned", "2022-01", "conflicting_rows"],
      [5, "Person", "P9", "person_not_in_population"],
    ]);
    expect(result.records).toEqual([
      { personId: "P1", month: 2022 * 12, hours: 37 },
      { personId: "P2", month: 2022 * 12 + 1, hours: 1 },
    ]);
    expect(result.coverage).toEqual({ from: dayFromParts(2022, 1, 1), to: dayFromParts(2022, 2, 28) });
  });
});
