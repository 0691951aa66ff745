/**
 * The fast reader against csv-parse on generated files: wherever the fast reader takes a
 * file, the two yield identical rows, line numbers and fields — and ingest gives identical
 * records and quarantine from either.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectDialect, readCsvRows } from "../../../pipeline/io/readCsv.ts";
import { canScanFast, scanCsvRows } from "../../../pipeline/io/scanCsv.ts";
import { ingestExtract } from "../../../src/ingest/ingestExtract.ts";
import type { RawRow } from "../../../src/ingest/schema.ts";
import { Extract } from "../../../src/spec/schema.ts";
import { randomInteger, seededRandom, type RandomSource } from "../../../src/shared/random.ts";
import { day } from "../../helpers.ts";
import { propertyRuns } from "../../propertyRuns.ts";

const dir = mkdtempSync(join(tmpdir(), "effekt-scan-"));
async function collect(rows: AsyncIterable<RawRow | RawRow[]>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const item of rows) out.push(...(Array.isArray(item) ? item : [item]));
  return out;
}

/** A long benefit extract with every kind of damage a register export has, sometimes quotes or Danish letters. */
function generate(random: RandomSource, index: number): { text: string; delimiter: string } {
  const delimiter = [",", ";", "\t"][randomInteger(random, 3)]!;
  const eol = random.next() < 0.5 ? "\r\n" : "\n";
  const pick = <T>(items: readonly T[]) => items[randomInteger(random, items.length)]!;
  const lines = [["PersonNøgle", "Uge", "Ydelseskode"].join(delimiter)];
  const rows = 5 + randomInteger(random, 40);
  for (let i = 0; i < rows; i += 1) {
    const roll = random.next();
    if (roll < 0.05) lines.push("");
    else if (roll < 0.1) lines.push(["P1", "2022-W05"].join(delimiter));
    else if (roll < 0.13) lines.push(["P1", "2022-W05", "134", "extra"].join(delimiter));
    else if (roll < 0.16 && index % 3 === 0) lines.push(`"P${i}"${delimiter}2022-W0${1 + (i % 9)}${delimiter}134`);
    else if (roll < 0.18 && index % 4 === 0) lines.push(["Pø", "2022-W05", "134"].join(delimiter));
    else {
      lines.push([pick(["P1", "P2", "P3", " P4", "", "P 5"]), pick(["2022-W05", "2022-W53", "2205", "2022-W06", ""]), pick(["134", "651", "999", "", " 130"])].join(delimiter));
    }
  }
  const trailing = random.next() < 0.7 ? eol : "";
  return { text: lines.join(eol) + trailing, delimiter };
}

describe("the fast reader and csv-parse read the same rows", () => {
  const files = propertyRuns(300);
  it(`on ${files} generated files: identical rows wherever the fast reader takes the file, and identical ingest`, async () => {
    const random = seededRandom(424242);
    let fast = 0;
    const extract = Extract.parse({ kind: "benefit_weeks_long", file: "x", columns: { personId: "PersonNøgle", week: "Uge", code: "Ydelseskode" } });
    for (let i = 0; i < files; i += 1) {
      const { text } = generate(random, i);
      const path = join(dir, `f${i}.csv`);
      writeFileSync(path, text);
      const dialect = await detectDialect(path, {});
      const slow = await collect(readCsvRows(path, "f.csv", dialect));
      if (!(await canScanFast(path))) continue;
      fast += 1;
      const quick = await collect(scanCsvRows(path, "f.csv", dialect));
      expect(quick, `file ${i}:\n${text}`).toEqual(slow);
      const context = {
        name: "b",
        file: "f.csv",
        spec: extract,
        decimal: dialect.decimal,
        delimiter: dialect.delimiter,
        enrolment: { from: day("2021-01-01"), to: day("2023-01-01") },
        benefitCodes: { groupOfCode: new Map([["134", "public_support"], ["651", "su"], ["130", "public_support"]]), absentGroup: "self_supporting" },
        population: new Set(["P1", "P2"]),
      };
      const a = await ingestExtract("benefit_weeks_long", scanCsvRows(path, "f.csv", dialect), context);
      const b = await ingestExtract("benefit_weeks_long", readCsvRows(path, "f.csv", dialect), context);
      expect(a).toEqual(b);
      expect(a.rowsRead).toBe(a.rowsAccepted + a.rowsQuarantined);
    }
    // Most generated files are fast-path files; the rest (quotes, 'ø' in the body) must have been refused.
    expect(fast).toBeGreaterThan(files / 2);
  });

  it("refuses files it cannot read exactly: quotes, non-ASCII bodies, mixed line endings", async () => {
    const cases = { quote: 'a,b\n"x",1\n', danish: "a,b\nø,1\n", mixed: "a,b\r\nx,1\ny,2\r\n", loneCr: "a,b\nx\r,1\n" };
    for (const [name, text] of Object.entries(cases)) {
      const path = join(dir, `${name}.csv`);
      writeFileSync(path, text);
      expect(await canScanFast(path), name).toBe(false);
    }
    writeFileSync(join(dir, "ok.csv"), "Måned;b\r\nx;1\r\n\r\ny;2");
    expect(await canScanFast(join(dir, "ok.csv"))).toBe(true);
  });
});
