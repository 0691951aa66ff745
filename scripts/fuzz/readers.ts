/**
 * File-backed readers for the fuzz cases: the bytes go to a temporary file, then through
 * the real readers. `chosen` is what a run uses (openExtract: the file sniffed, then the
 * fast reader, csv-parse or the .xlsx reader); `as` re-writes the same text first as
 * UTF-16 with a BOM (little- or big-endian) or as an .xlsx workbook, so those readers
 * keep the same invariants.
 */
import { writeFileSync } from "node:fs";
import writeXlsxFile from "write-excel-file/node";
import type { RawRow } from "../../src/ingest/schema.ts";
import { detectDialect, readCsvRows, sniffDelimiter } from "../../pipeline/io/readCsv.ts";
import { openExtract } from "../../pipeline/io/openExtract.ts";

export type FuzzEncoding = "as-is" | "utf-16le" | "utf-16be" | "xlsx";

export function fileReader(path: string, which: "chosen" | "csv-parse", as: FuzzEncoding = "as-is"): (bytes: Buffer) => AsyncIterable<RawRow | RawRow[]> {
  return (bytes) =>
    (async function* () {
      await writeAs(path, bytes, as);
      if (which === "csv-parse") yield* readCsvRows(path, "fuzz.csv", await detectDialect(path, {}));
      else yield* (await openExtract(path, "fuzz.csv", { dialect: {} })).rows;
    })();
}

async function writeAs(path: string, bytes: Buffer, as: FuzzEncoding): Promise<void> {
  if (as === "as-is") return writeFileSync(path, bytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = bytes.toString("latin1");
  }
  if (as === "xlsx") {
    const lines = text.split(/\r\n|\n|\r/);
    const delimiter = sniffDelimiter(lines[0] ?? "");
    const rows = lines.map((line) => line.split(delimiter).map((value) => (value === "" ? null : { value })));
    return writeXlsxFile(rows.length > 0 ? rows : [[null]]).toFile(path);
  }
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  writeFileSync(path, as === "utf-16le" ? le : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]));
}
