/**
 * The byte-level reader of long benefit weeks against the checked path (openExtract's rows
 * through ingestExtract) on generated and fuzzed files: identical accepted rows, quarantine
 * entries and lines, flagged rows (the windows they mark incomplete), duplicates and conflicts,
 * coverage, stops — and an identical person × week panel, from which every outcome is derived.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openExtract } from "../../../pipeline/io/openExtract.ts";
import { BenefitPanel } from "../../../src/ingest/benefitPanel.ts";
import { ingestBenefitBytes } from "../../../src/ingest/bytes/ingestBenefitBytes.ts";
import { ingestExtract, type ExtractContext } from "../../../src/ingest/ingestExtract.ts";
import type { BenefitCodes } from "../../../src/ingest/schema.ts";
import { StopRun } from "../../../src/shared/issues.ts";
import { dayFromParts } from "../../../src/shared/dates.ts";
import { propertyRuns } from "../../propertyRuns.ts";
import { randomInteger, seededRandom, type RandomSource } from "../../../src/shared/random.ts";
import { Extract } from "../../../src/spec/schema.ts";
import { damagedExtract } from "../../../scripts/fuzz/harness.ts";

const dir = mkdtempSync(join(tmpdir(), "effekt-bytes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const population = ["P0", "P1", "P2", "P3", "Pø"];
const codes: BenefitCodes = { groupOfCode: new Map([["134", "public_support"], ["651", "su"], ["130", "public_support"]]), absentGroup: "self_supporting" };
const groups = [...new Set(codes.groupOfCode.values())].sort();
const from = dayFromParts(2022, 1, 10)!;
const to = dayFromParts(2022, 10, 31)!;

function contextOf(delimiter: string, weekFormat: "iso" | "yyww"): ExtractContext {
  return {
    name: "weeks",
    file: "weeks.csv",
    spec: Extract.parse({ kind: "benefit_weeks_long", file: "weeks.csv", weekFormat, columns: { personId: "PersonNøgle", week: "Uge", code: "Ydelseskode" } }),
    decimal: ",",
    delimiter,
    enrolment: { from: dayFromParts(2021, 1, 1)!, to: dayFromParts(2023, 1, 1)! },
    benefitCodes: codes,
    population: new Set(population),
    excludedPersons: new Set(["P7"]),
  };
}

/** A long extract in one of many shapes: repeats, conflicts, padded cells, other week spellings, weeks outside the panel, orphans, CPR-like cells. */
function generated(random: RandomSource): { text: string; weekFormat: "iso" | "yyww" } {
  const pick = <T>(items: readonly T[]) => items[randomInteger(random, items.length)]!;
  const delimiter = pick([",", ";", "\t"]);
  const eol = pick(["\n", "\r\n"]);
  const weekFormat = random.next() < 0.2 ? "yyww" : "iso";
  const order = pick([[0, 1, 2], [1, 0, 2], [2, 1, 0]]);
  const header = ["PersonNøgle", "Uge", "Ydelseskode"];
  const week = () =>
    weekFormat === "yyww"
      ? pick(["2205", "2206", "2240", "2150", "2260", "22x5", ""])
      : pick(["2022-W05", "2022W05", "2022-W06", " 2022-W07", "2022-W44", "2022-W45", "2021-W50", "2022-W60", "2022-W1", ""]);
  const lines = [order.map((i) => header[i]).join(delimiter)];
  if (random.next() < 0.1) lines.unshift(`sep=${delimiter}`);
  const rows = randomInteger(random, 60);
  const seen: string[] = [];
  for (let i = 0; i < rows; i += 1) {
    const roll = random.next();
    if (roll < 0.03) lines.push("");
    else if (roll < 0.06) lines.push(["P1", week()].join(delimiter));
    else if (roll < 0.09 && seen.length > 0) lines.push(pick(seen)); // an exact repeat
    else if (roll < 0.1) lines.push(order.map((i) => ["P1", week(), "010190-1234"][i]).join(delimiter));
    else if (roll < 0.12) lines.push(order.map((i) => ["P1", week(), "134"][i]).join(delimiter) + delimiter);
    else {
      const cells = [pick(["P0", "P1", "P2", "P3", " P1", "P1 ", "P9", "P7", "", "P 5"]), week(), pick(["134", "651", "130", "999", "", " 134", "134 "])];
      const line = order.map((i) => cells[i]).join(delimiter);
      seen.push(line);
      lines.push(line);
    }
  }
  let text = lines.join(eol) + (random.next() < 0.8 ? eol : "");
  if (random.next() < 0.1) text = "\ufeff" + text;
  return { text, weekFormat };
}

type Outcome = { result: unknown; panel: (string | null)[] } | { stop: unknown };

async function through(path: string, weekFormat: "iso" | "yyww", bytes: boolean): Promise<{ outcome: Outcome; usedBytes: boolean }> {
  let usedBytes = false;
  const panel = new BenefitPanel(population, from, to, groups);
  try {
    const opened = await openExtract(path, "weeks.csv", { dialect: {}, kind: "benefit_weeks_long" });
    const context = { ...contextOf(opened.dialect.delimiter, weekFormat), benefitSink: (p: string, w: number, c: string, l: number) => panel.set(p, w, codes.groupOfCode.get(c)!, l, c) };
    let result;
    if (bytes && opened.bytes) {
      usedBytes = true;
      result = await ingestBenefitBytes(opened.rows, opened.bytes, context, panel, codes);
    } else result = await ingestExtract("benefit_weeks_long", opened.rows, context);
    const cells: (string | null)[] = [];
    for (const person of population) for (let monday = panel.firstWeek; monday < panel.firstWeek + 7 * panel.weekCount; monday += 7) cells.push(panel.groupAt(person, monday));
    return { outcome: { result, panel: cells }, usedBytes };
  } catch (error) {
    if (error instanceof StopRun) return { outcome: { stop: error.issues }, usedBytes };
    throw error;
  }
}

async function compare(bytes: Buffer, weekFormat: "iso" | "yyww", name: string): Promise<boolean> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const checked = await through(path, weekFormat, false);
  const fast = await through(path, weekFormat, true);
  expect(fast.outcome, name).toEqual(checked.outcome);
  return fast.usedBytes;
}

describe("ingestBenefitBytes(rows, bytes, context, panel, codes)", () => {
  const files = propertyRuns(150);
  it(`accepts, quarantines, flags and stops exactly as the checked path on ${files} generated and ${files} fuzzed files`, async () => {
    const random = seededRandom(20261201);
    let viaBytes = 0;
    for (let i = 0; i < files; i += 1) {
      const { text, weekFormat } = generated(random);
      if (await compare(Buffer.from(text, "utf8"), weekFormat, `g${i}.csv`)) viaBytes += 1;
    }
    for (let i = 0; i < files; i += 1) if (await compare(damagedExtract(random), "iso", `f${i}.csv`)) viaBytes += 1;
    // Most files are ones the byte reader takes (the rest: quotes, Danish letters, mixed line ends).
    expect(viaBytes).toBeGreaterThan(0.6 * 2 * files);
  });

  it("reads rows across chunk boundaries (a file of several megabytes) as the checked path does", async () => {
    const lines = ["PersonNøgle;Uge;Ydelseskode"];
    for (let i = 0; i < 80_000; i += 1) lines.push(`P${i % 4};2022-W${String(2 + (i % 50)).padStart(2, "0")};${i % 7 === 0 ? "651" : i % 1000 === 0 ? "999" : "134"}`);
    expect(await compare(Buffer.from(lines.join("\r\n")), "iso", "big.csv")).toBe(true);
  });

  it("counts a stored row once and names the repeat of a person-week by the first line", async () => {
    const path = join(dir, "repeat.csv");
    writeFileSync(path, "PersonNøgle,Uge,Ydelseskode\nP1,2022-W05,134\nP1,2022-W05,134\nP1,2022-W05,651\nP1,2021-W50,134\n");
    const panel = new BenefitPanel(population, from, to, groups);
    const opened = await openExtract(path, "weeks.csv", { dialect: {} });
    const result = await ingestBenefitBytes(opened.rows, opened.bytes!, contextOf(",", "iso"), panel, codes);
    // Hand count: 4 rows; line 3 an exact repeat of line 2, line 4 a conflict with it; line 5 before the panel (accepted, not kept).
    expect([result.rowsRead, result.rowsAccepted, result.rowsQuarantined, result.recordsOutsidePeriod]).toEqual([4, 2, 2, 1]);
    expect(result.quarantine.map((q) => [q.line, q.rule])).toEqual([[3, "duplicate_row"], [4, "conflicting_rows"]]);
    expect(result.rejected).toEqual([{ line: 4, personId: "P1", from: dayFromParts(2022, 1, 31), to: dayFromParts(2022, 2, 1), reason: "conflicting_rows" }]);
    expect(panel.groupAt("P1", dayFromParts(2022, 1, 31)!)).toBe("public_support");
    expect(result.coverage).toEqual({ from: dayFromParts(2021, 12, 13), to: dayFromParts(2022, 2, 6) });
  });
});
