/**
 * The byte-level table reader against tableFromRows (the fast reader's rows) on generated
 * tables: wherever it takes a table, the two give the identical table, every number the same
 * double; wherever tableFromRows finds a problem, the byte reader declines (null) so the
 * checked path names it.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openExtract, oneByOne } from "../../../pipeline/io/openExtract.ts";
import { tableFromBytes } from "../../../src/estimate/bytes/tableFromBytes.ts";
import { tableFromRows, type TableOptions } from "../../../src/estimate/tableFromRows.ts";
import { randomInteger, seededRandom, type RandomSource } from "../../../src/shared/random.ts";
import { propertyRuns } from "../../propertyRuns.ts";

const dir = mkdtempSync(join(tmpdir(), "effekt-table-bytes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function generated(random: RandomSource, decimal: "," | "."): string {
  const pick = <T>(items: readonly T[]) => items[randomInteger(random, items.length)]!;
  const delimiter = decimal === "," ? ";" : pick([",", "\t", ";"]);
  const eol = pick(["\n", "\r\n"]);
  const number = () => {
    const roll = random.next();
    if (roll < 0.05) return pick(["", "NA", "na", " ", "x", "1e5", "5.", ".5", "--1", "1.234,5", "1.234.567,25", "0012.50", "-0", "+3", "1234567890123456", "12345678901234.5"]);
    const whole = String(randomInteger(random, roll < 0.5 ? 100 : 1_000_000));
    const digits = randomInteger(random, 9);
    const fraction = digits === 0 ? "" : decimal + String(randomInteger(random, 10 ** Math.min(digits, 8))).padStart(Math.min(digits, 8), "0");
    return (random.next() < 0.2 ? "-" : "") + whole + fraction;
  };
  const header = ["arm", "y", "x1", "x2", "b", "g", "note"];
  const lines = [header.join(delimiter)];
  for (let i = 0, n = 1 + randomInteger(random, 40); i < n; i += 1) {
    const cells = [
      random.next() < 0.02 ? "" : pick(["treatment", "control", " control"]),
      number(),
      number(),
      number(),
      pick(["0", "1", "1", random.next() < 0.1 ? "2" : "0"]),
      pick(["a", "b", "", " a"]),
      random.next() < 0.03 ? "110295-3782" : pick(["", "ok", "a longer note of text"]),
    ];
    if (random.next() < 0.03) cells.pop();
    if (random.next() < 0.03) cells.push("extra");
    lines.push(cells.join(delimiter));
    if (random.next() < 0.02) lines.push(""); // an empty line, skipped by both readers
  }
  return lines.join(eol) + (random.next() < 0.8 ? eol : "");
}

/** The file in chunks of `size` bytes (the fast reader's chunks are 1 MB: these cut lines and segments anywhere). */
async function* chunksOf(path: string, size: number): AsyncGenerator<Buffer> {
  const data = readFileSync(path);
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

async function both(path: string, decimal: "," | ".", clusters: string | null = null, worker = false) {
  const opened = await openExtract(path, "t.csv", { dialect: { decimal } });
  const rows: { line: number; fields: string[] }[] = [];
  let header: string[] | null = null;
  let headerLine = 0;
  for await (const row of oneByOne(opened.rows)) {
    if (!("fields" in row)) continue;
    if (header === null) {
      header = row.fields.map((f) => f.trim());
      headerLine = row.line;
    } else rows.push({ line: row.line, fields: [...row.fields] });
  }
  const options: TableOptions = { file: "t.csv", decimal, treatment: "arm", blocks: "g", numeric: ["y", "x1", "x2", "b"], binary: ["b"], counts: [], subgroups: ["g", "b"], clusters }; // b is a number and a subgroup too
  const checked = tableFromRows(header!, rows, options);
  const fast = opened.bytes ? await tableFromBytes(header!, headerLine, opened.bytes, opened.dialect.delimiter, options) : null;
  // The same file in pieces of about 64 bytes (cut at line ends), on this thread and with every piece on a worker thread.
  const inPieces = opened.bytes ? await tableFromBytes(header!, headerLine, opened.bytes, opened.dialect.delimiter, options, { path, threads: 1, pieceBytes: 64 }) : null;
  // … and in segments of about 100 bytes read one after the other (a large file's way), each in pieces.
  const inSegments = opened.bytes ? await tableFromBytes(header!, headerLine, () => chunksOf(path, 37), opened.dialect.delimiter, options, { path, threads: 1, pieceBytes: 64, segmentBytes: 100 }) : null;
  // The whole file read straight into one buffer (its size known, as estimate --table knows it).
  const whole = opened.bytes ? await tableFromBytes(header!, headerLine, opened.bytes, opened.dialect.delimiter, options, { path, size: statSync(path).size }) : null;
  const onWorker = opened.bytes && worker ? await tableFromBytes(header!, headerLine, () => chunksOf(path, 53), opened.dialect.delimiter, options, { path, threads: 2, pieceBytes: 64, segmentBytes: 200, onlyWorker: true }) : null;
  return { checked, fast, inPieces, inSegments, whole, onWorker, bytes: opened.bytes !== undefined };
}

describe("tableFromBytes(header, headerLine, bytes, delimiter, options)", () => {
  // Every table is read on this thread; some also on a worker thread, which starts a thread each (the slow part):
  // i % 8 < 2 among the first 4 × workerTables (EFFEKT_PROPERTY_SCALE, tests/propertyRuns.ts: about 26 by default, 100 in CI).
  const workerTables = propertyRuns(100);
  const onWorker = (i: number) => i % 8 < 2 && i < 4 * workerTables;
  it(`gives tableFromRows' table, double for double, or declines where tableFromRows finds a problem (400 generated tables, ${workerTables} also on a worker)`, async () => {
    const random = seededRandom(20261203);
    let taken = 0;
    let declined = 0;
    for (let i = 0; i < 400; i += 1) {
      const decimal = random.next() < 0.5 ? "," : ".";
      const path = join(dir, `t${i}.csv`);
      writeFileSync(path, generated(random, decimal));
      // Every fourth table names g as the cluster column too (an empty cluster is a problem).
      const { checked, fast, inPieces, inSegments, whole, onWorker: worker, bytes } = await both(path, decimal, i % 4 === 1 ? "g" : null, onWorker(i));
      if (!bytes) continue;
      // Whoever reads which piece, the table is the same (or declined alike).
      expect(inPieces, `t${i}.csv in pieces`).toEqual(fast);
      expect(inSegments, `t${i}.csv in segments`).toEqual(fast);
      expect(whole, `t${i}.csv read whole`).toEqual(fast);
      if (onWorker(i)) expect(worker, `t${i}.csv on a worker`).toEqual(fast);
      if (checked.issues.length > 0) {
        expect(fast, `t${i}.csv`).toBeNull();
        declined += 1;
      } else {
        expect(fast, `t${i}.csv`).not.toBeNull(); // a table without a problem is always taken
        expect(fast, `t${i}.csv`).toEqual(checked.table);
        for (const [name, values] of checked.table.columns) values.forEach((v, k) => expect(Object.is(v, fast!.columns.get(name)![k]), `${name}[${k}]`).toBe(true));
        taken += 1;
      }
    }
    // Both branches are exercised: tables read from the bytes, and problem tables left to tableFromRows.
    expect(taken).toBeGreaterThan(50);
    expect(declined).toBeGreaterThan(70);
  });

  it("reads 0.1 as the double Number('0.1') gives, and 12345678901234.5 through the checked parser", async () => {
    const path = join(dir, "exact.csv");
    writeFileSync(path, "arm,y,x1,x2,b,g\ntreatment,0.1,12345678901234.5,-0,1,a\ncontrol,0.30000000000000004,NA,+7,0,b\n");
    const { fast } = await both(path, ".");
    expect(fast!.columns.get("y")).toEqual(Float64Array.of(0.1, 0.30000000000000004));
    expect(fast!.columns.get("x1")).toEqual(Float64Array.of(12345678901234.5, NaN));
    expect(Object.is(fast!.columns.get("x2")![0], -0)).toBe(true);
    expect(fast!.arm).toEqual(["treatment", "control"]);
    // With g as the cluster column: the clusters as tableFromRows reads them.
    const clustered = await both(path, ".", "g");
    expect(clustered.fast!.clusters).toEqual(["a", "b"]);
    expect(clustered.fast).toEqual(clustered.checked.table);
  });
});
