/**
 * Bounded resources (issue 25, part 6): each attack file is built here, run through the real CLI, and must stop with
 * exit 1 and the message naming the limit, within the memory README promises (peak RSS under 1 GiB; each is
 * measured in the child and printed in the test's name-less log line). Before this, a 1.7 kB workbook with one cell
 * at XFD1048576 ran to 4.3 GB and died (exit 134), zip bombs of 1–3 MB were refused only after 1.3–1.45 GB, and a
 * 200 MB field was read as a category value (2.0 GB).
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { createDeflateRaw, crc32, deflateRawSync } from "node:zlib";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { checkedWorkbook, WORKBOOK_LIMITS } from "../../../pipeline/io/checkedWorkbook.ts";
import { canScanFast } from "../../../pipeline/io/scanCsv.ts";
import { messages } from "../../../src/messages.ts";
import { StopRun } from "../../../src/shared/issues.ts";
import { MAX_DOCUMENT_BYTES, MAX_LINE_BYTES, MAX_SHEET_CELLS, MAX_XLSX_PART_BYTES, MAX_XLSX_RATIO } from "../../../src/shared/limits.ts";

const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-bounded-"));
const MiB = 1_048_576;
/** The memory bound README states for every refused attack. */
const PEAK_BOUND_KB = 1_048_576;

/** A spec reading `population` from `file` (CSV or .xlsx) and a small convictions CSV beside it. */
function specFor(dir: string, file: string): string {
  writeFileSync(join(dir, "convictions.csv"), "PNR,AFGOERELSESDATO\nP01,2022-06-01\n");
  const spec = {
    name: "bounded",
    asOf: "2024-12-31",
    enrolment: { from: "2021-10-01", to: "2023-09-30" },
    extracts: {
      population: {
        kind: "population",
        file,
        dateFormat: "dd-mm-yyyy",
        columns: { personId: "PersonNøgle", birthDate: "Fødselsdato", sex: { column: "Køn", values: { K: "female", M: "male" } }, startDate: "Startdato", targetGroup: "Målgruppe" },
      },
      convictions: { kind: "convictions", file: "convictions.csv", dateFormat: "iso", columns: { personId: "PNR", date: "AFGOERELSESDATO" } },
    },
    outcomes: [{ id: "convictions_per_year_12m", kind: "convictions_per_person_year", windowMonths: 12 }],
  };
  const path = join(dir, "spec.json");
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

/** The real CLI, with its peak resident memory (KiB) measured inside the child as it exits. */
function effekt(...args: string[]): { status: number | null; stderr: string; peakKb: number } {
  const measure = "data:text/javascript,process.on('exit',()=>process.stderr.write('\\npeak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))";
  const result = spawnSync(process.execPath, ["--import", measure, "bin/effekt.js", ...args], { encoding: "utf8" });
  const peak = /peak-rss-kb (\d+)/.exec(result.stderr);
  console.log(`peak RSS of effekt ${args[0]} (${args.at(-3)}): ${peak ? Math.round(Number(peak[1]) / 1024) : "?"} MiB, exit ${result.status}`);
  return { status: result.status, stderr: result.stderr, peakKb: peak ? Number(peak[1]) : Infinity };
}

const ingest = (dir: string, file: string) => effekt("ingest", specFor(dir, file), "--out", join(dir, "out"));

/** A real workbook (write-excel-file) with its first sheet's XML replaced, as it is stored on disk. */
async function workbookWithSheet(sheetXml: string): Promise<Buffer> {
  const parts = unzipSync(new Uint8Array(await writeXlsxFile([[{ value: "x" }]] as never).toBuffer()));
  parts["xl/worksheets/sheet1.xml"] = new TextEncoder().encode(sheetXml);
  return Buffer.from(zipSync(parts, { level: 6 }));
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;
const HEADER_ROW = `<row r="1">${["PersonNøgle", "Fødselsdato", "Køn", "Startdato", "Målgruppe"].map((h, i) => `<c r="${"ABCDE"[i]}1" t="inlineStr"><is><t>${h}</t></is></c>`).join("")}</row>`;

interface Part {
  readonly name: string;
  /** The packed bytes (raw deflate, or the bytes themselves when stored). */
  readonly packed: Buffer;
  readonly method: 0 | 8;
  readonly size: number;
  readonly crc: number;
  /** The size the headers state, when it lies. */
  readonly declaredSize?: number;
  /** Only a local header (read-excel-file's unzipper walks those), no central directory entry. */
  readonly hidden?: true;
}

const partOf = (name: string, bytes: Uint8Array): Part => ({ name, packed: deflateRawSync(bytes), method: 8, size: bytes.length, crc: crc32(bytes) });

/** A ZIP written by hand, so sizes can be declared as an attacker declares them (APPNOTE 4.3.7, 4.3.12, 4.3.16). */
function zipOf(parts: readonly Part[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const size = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    if (!part.hidden) {
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(20, 4);
      entry.writeUInt16LE(20, 6);
      entry.writeUInt16LE(part.method, 10);
      entry.writeUInt32LE(part.crc >>> 0, 16);
      entry.writeUInt32LE(part.packed.length, 20);
      entry.writeUInt32LE(size, 24);
      entry.writeUInt16LE(name.length, 28);
      entry.writeUInt32LE(offset, 42);
      directory.push(entry, name);
    }
    chunks.push(local, name, part.packed);
    offset += local.length + name.length + part.packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.filter((p) => !p.hidden).length, 8);
  end.writeUInt16LE(parts.filter((p) => !p.hidden).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directoryBytes, end]);
}

/** `megabytes` MiB of spaces inside a sheet, packed as a stream (the test never holds the unpacked bytes). */
async function spacesBomb(megabytes: number): Promise<{ packed: Buffer; size: number; crc: number }> {
  const head = Buffer.from(`${SHEET_HEAD}<sheetData>`);
  const tail = Buffer.from(`</sheetData></worksheet>`);
  const spaces = Buffer.alloc(MiB, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const packed: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => packed.push(chunk));
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < megabytes; i += 1) {
    crc = crc32(spaces, crc);
    if (!deflate.write(spaces)) await once(deflate, "drain");
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await once(deflate, "end");
  return { packed: Buffer.concat(packed), size: head.length + megabytes * MiB + tail.length, crc };
}

/** The parts of a real one-sheet workbook, ready for zipOf, with the sheet left out. */
async function workbookPartsWithoutSheet(): Promise<Part[]> {
  const parts = unzipSync(new Uint8Array(await writeXlsxFile([[{ value: "x" }]] as never).toBuffer()));
  return Object.entries(parts)
    .filter(([name]) => name !== "xl/worksheets/sheet1.xml")
    .map(([name, bytes]) => partOf(name, bytes));
}

async function stopOfChecked(path: string, limits = WORKBOOK_LIMITS): Promise<StopRun> {
  const error = await checkedWorkbook(path, "book.xlsx", limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StopRun);
  return error as StopRun;
}

describe("a sheet's cells and declared dimension are capped before a row is built", () => {
  it("a 1.7 kB workbook with one cell at XFD1048576 stops at once: exit 1, the extent named, peak under 1 GiB", async () => {
    const dir = tempDir();
    const sheet = `${SHEET_HEAD}<dimension ref="A1:XFD1048576"/><sheetData>${HEADER_ROW}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`;
    const bytes = await workbookWithSheet(sheet);
    expect(bytes.length).toBeLessThan(4096);
    writeFileSync(join(dir, "population.xlsx"), bytes);
    const result = ingest(dir, "population.xlsx");
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain(`population.xlsx: ${messages.sheetTooLarge(1_048_576, 16_384, MAX_SHEET_CELLS, false)}`);
    expect(result.stderr).not.toMatch(/FATAL|heap|    at /);
    expect(result.peakKb).toBeLessThan(PEAK_BOUND_KB);
  });

  it("a declared dimension over the cap stops though the cells are few; one within it is read", async () => {
    const dir = tempDir();
    const rows = `${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>P01</t></is></c></row>`;
    writeFileSync(join(dir, "big.xlsx"), await workbookWithSheet(`${SHEET_HEAD}<dimension ref="A1:Z1048576"/><sheetData>${rows}</sheetData></worksheet>`));
    const stop = await stopOfChecked(join(dir, "big.xlsx"));
    expect(stop.issues[0]!.message).toBe(messages.sheetTooLarge(1_048_576, 26, MAX_SHEET_CELLS, true));
    // 1,000 rows × 1,000 columns is exactly the cap: read.
    writeFileSync(join(dir, "edge.xlsx"), await workbookWithSheet(`${SHEET_HEAD}<dimension ref="A1:ALL1000"/><sheetData>${rows}</sheetData></worksheet>`));
    await expect(checkedWorkbook(join(dir, "edge.xlsx"), "edge.xlsx")).resolves.toBeInstanceOf(Buffer);
  });

  it("a row number far down with no cell counts as one column: 2,000,000 rows stop", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rows.xlsx"), await workbookWithSheet(`${SHEET_HEAD}<sheetData>${HEADER_ROW}<row r="2000000"/></sheetData></worksheet>`));
    const stop = await stopOfChecked(join(dir, "rows.xlsx"));
    expect(stop.issues[0]!.message).toBe(messages.sheetTooLarge(2_000_000, 5, MAX_SHEET_CELLS, false));
  });
});

describe("packed parts: size and ratio checked before inflating, and inflated no further than declared", () => {
  it("a 100 MiB sheet packed to about 100 kB stops before anything is unpacked: exit 1, peak under 1 GiB", async () => {
    const dir = tempDir();
    const bomb = await spacesBomb(100);
    expect(bomb.packed.length).toBeLessThan(1_000_000);
    const parts = [...(await workbookPartsWithoutSheet()), { name: "xl/worksheets/sheet1.xml", method: 8 as const, ...bomb }];
    writeFileSync(join(dir, "population.xlsx"), zipOf(parts));
    const result = ingest(dir, "population.xlsx");
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain(`population.xlsx: ${messages.xlsxPartTooLarge(bomb.size, MAX_XLSX_PART_BYTES)}`);
    expect(result.peakKb).toBeLessThan(PEAK_BOUND_KB);
  });

  it("a 40 MiB sheet packed 1,000 to one stops on the ratio, before unpacking", async () => {
    const dir = tempDir();
    const bomb = await spacesBomb(40);
    const ratio = bomb.size / bomb.packed.length;
    expect(ratio).toBeGreaterThan(MAX_XLSX_RATIO);
    writeFileSync(join(dir, "book.xlsx"), zipOf([...(await workbookPartsWithoutSheet()), { name: "xl/worksheets/sheet1.xml", method: 8, ...bomb }]));
    const stop = await stopOfChecked(join(dir, "book.xlsx"));
    expect(stop.issues[0]!.message).toBe(messages.xlsxRatioTooHigh(ratio, MAX_XLSX_RATIO));
    expect(stop.issues[0]!.code).toBe("xlsx_ratio_too_high");
  });

  it("a part whose headers declare 2,000 bytes and that holds 100 MiB stops once 2,000 are unpacked: exit 1, peak under 1 GiB", async () => {
    const dir = tempDir();
    const bomb = await spacesBomb(100);
    const parts = [...(await workbookPartsWithoutSheet()), { name: "xl/worksheets/sheet1.xml", method: 8 as const, ...bomb, declaredSize: 2_000 }];
    writeFileSync(join(dir, "population.xlsx"), zipOf(parts));
    const result = ingest(dir, "population.xlsx");
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain(`population.xlsx: ${messages.xlsxPartLarger()}`);
    expect(result.peakKb).toBeLessThan(PEAK_BOUND_KB);
  });

  it("an entry only in the local headers (not in the central directory) is never unpacked: the sheet is read as listed", async () => {
    const dir = tempDir();
    const bomb = await spacesBomb(100);
    const people = `<row r="2">${["P01", "13-02-1994", "K", "03-10-2021", "Uddannelseshjælp"].map((v, i) => `<c r="${"ABCDE"[i]}2" t="inlineStr"><is><t>${v}</t></is></c>`).join("")}</row>`;
    const sheet = new TextEncoder().encode(`${SHEET_HEAD}<sheetData>${HEADER_ROW}${people}</sheetData></worksheet>`);
    const parts: Part[] = [
      ...(await workbookPartsWithoutSheet()),
      partOf("xl/worksheets/sheet1.xml", sheet),
      { name: "xl/hidden.xml", method: 8, ...bomb, hidden: true },
    ];
    writeFileSync(join(dir, "population.xlsx"), zipOf(parts));
    const result = ingest(dir, "population.xlsx");
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, "out", "work", "persons.csv"), "utf8")).toContain("P01");
    expect(result.peakKb).toBeLessThan(PEAK_BOUND_KB);
  });

  it("the limits are injectable: the largest part over a limit one byte smaller stops with that limit named", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "book.xlsx"), await workbookWithSheet(`${SHEET_HEAD}<sheetData>${HEADER_ROW}</sheetData></worksheet>`));
    const size = Math.max(...Object.values(unzipSync(readFileSync(join(dir, "book.xlsx")))).map((part) => part.length));
    const stop = await stopOfChecked(join(dir, "book.xlsx"), { ...WORKBOOK_LIMITS, partBytes: size - 1 });
    expect(stop.issues[0]!.message).toBe(messages.xlsxPartTooLarge(size, size - 1));
  });
});

/** `population.csv` with a field of `length` characters on line 3 (written as a stream: never held whole). */
async function csvWithLongField(dir: string, length: number, quoted: boolean): Promise<string> {
  const path = join(dir, "population.csv");
  const out = createWriteStream(path);
  out.write("PersonNøgle;Fødselsdato;Køn;Startdato;Målgruppe\nP01;13-02-1994;K;03-10-2021;Uddannelseshjælp\nP02;28-09-1995;M;15-11-2021;");
  if (quoted) out.write('"');
  const block = Buffer.alloc(MiB, "x");
  for (let left = length; left > 0; left -= block.length) if (!out.write(left >= block.length ? block : block.subarray(0, left))) await once(out, "drain");
  if (quoted) out.write('"');
  out.end("\nP03;01-01-2000;K;20-12-2021;Kontanthjælp\n");
  await once(out, "finish");
  return "population.csv";
}

describe("CSV: a line longer than the limit stops the read, naming file, line and limit, never the content", () => {
  it("a 200 MB field (the fast reader's plain ASCII): exit 1 at line 3, peak under 1 GiB", async () => {
    const dir = tempDir();
    const result = ingest(dir, await csvWithLongField(dir, 200_000_000, false));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain(`population.csv line 3: ${messages.lineTooLong(MAX_LINE_BYTES)}`);
    expect(result.stderr).not.toContain("xxxxxxxx");
    expect(result.peakKb).toBeLessThan(PEAK_BOUND_KB);
  });

  it("a 200 MB quoted field (csv-parse reads it): exit 1 at line 3, peak under 1 GiB", async () => {
    const dir = tempDir();
    const result = ingest(dir, await csvWithLongField(dir, 200_000_000, true));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain(`population.csv line 3: ${messages.lineTooLong(MAX_LINE_BYTES)}`);
    expect(result.stderr).not.toContain("xxxxxxxx");
    expect(result.peakKb).toBeLessThan(PEAK_BOUND_KB);
  });

  it("the fast reader takes a line of exactly the limit (across its 1 MiB chunks) and hands one a byte longer to csv-parse", async () => {
    const dir = tempDir();
    const file = (length: number) => {
      const path = join(dir, `line-${length}.csv`);
      writeFileSync(path, `id;value\nP01;1\nP02;${"7".repeat(length - 4)}\nP03;3\n`);
      return path;
    };
    expect(await canScanFast(file(MAX_LINE_BYTES))).toBe(true);
    expect(await canScanFast(file(MAX_LINE_BYTES + 1))).toBe(false);
  });

  it("estimate --table reads under the same limit", async () => {
    const dir = tempDir();
    const path = join(dir, "table.csv");
    writeFileSync(path, `arm,y\n1,2\n0,${"9".repeat(MAX_LINE_BYTES + 10)}\n`);
    const result = effekt("estimate", "--table", path, "--treatment", "arm", "--outcomes", "y", "--out", join(dir, "out"));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain(`line 3: ${messages.lineTooLong(MAX_LINE_BYTES)}`);
  });
});

describe("a JSON or text input read whole is size-checked first", () => {
  it("a spec of 64 MiB + 1 byte stops before it is read: exit 1, the size and limit named", () => {
    const dir = tempDir();
    const spec = join(dir, "spec.json");
    writeFileSync(spec, "");
    truncateSync(spec, MAX_DOCUMENT_BYTES + 1); // sparse: no disk, no memory in the test
    const result = effekt("ingest", spec, "--out", join(dir, "out"));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain(`spec.json: ${messages.documentTooLarge(MAX_DOCUMENT_BYTES + 1, MAX_DOCUMENT_BYTES)}`);
    expect(result.peakKb).toBeLessThan(PEAK_BOUND_KB);
  });
});
