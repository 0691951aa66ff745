/**
 * The fast path for reading an extract: when every line after the header is plain ASCII
 * without a quote character and the line endings are consistent, CSV needs no parser —
 * each line is split on the delimiter. Such files are what registers mostly deliver, and
 * this reads them about ten times faster than csv-parse. Anything else (quotes, non-ASCII
 * text, mixed line endings) goes through csv-parse (`readCsvRows`); on the files it
 * takes, this yields exactly the rows, line numbers and fields csv-parse yields (a
 * property test holds the two readers to that).
 */
import { open } from "node:fs/promises";
import { isAscii } from "node:buffer";
import type { RawRow } from "../../src/ingest/schema.ts";
import { readCsvRows, type Dialect } from "./readCsv.ts";
import { MAX_LINE_BYTES } from "../../src/shared/limits.ts";
import { messages } from "../../src/messages.ts";
import { issue, StopRun } from "../../src/shared/issues.ts";
import { CARRIAGE_RETURN, CHUNK_BYTES as CHUNK, NEWLINE, eachLine, fileChunks, splitFields, wholeLines } from "./lines.ts";

export { fileChunks };

const QUOTE = 0x22;
/** Bytes read at a time for the header (more are read when it is longer). */
const HEADER_CHUNK = 1 << 12;

/**
 * True when the body (after the header line, and after Excel's `sep=` line when
 * `headerLines` is 2) is quote-free ASCII with one kind of line ending, and no line is
 * longer than MAX_LINE_BYTES (a longer one goes to csv-parse, which stops the read at
 * it, line numbered, without building it).
 */
export async function canScanFast(path: string, headerLines = 1): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(CHUNK + 1);
    let position = 0;
    let crlf: boolean | null = null;
    let previous = -1;
    let run = 0; // bytes since the last line end
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      let view = buffer.subarray(0, bytesRead);
      run = lineRun(view, run);
      if (run < 0) return false;
      if (crlf === null) {
        let end = view.indexOf(NEWLINE);
        for (let skip = 1; skip < headerLines && end >= 0; skip += 1) end = view.indexOf(NEWLINE, end + 1);
        if (end < 0 && headerLines > 1) return false; // a sep= line and a header longer than a chunk: csv-parse reads it
        if (end < 0) {
          position += bytesRead;
          previous = view[bytesRead - 1]!;
          continue;
        }
        crlf = end > 0 ? view[end - 1] === CARRIAGE_RETURN : previous === CARRIAGE_RETURN;
        view = view.subarray(end + 1);
        previous = NEWLINE;
      }
      if (!isAscii(view) || view.indexOf(QUOTE) >= 0) return false;
      if (!crlf && view.indexOf(CARRIAGE_RETURN) >= 0) return false;
      if (crlf) {
        // Every \r is followed by \n and every \n preceded by \r (across the chunk boundary too).
        for (let i = view.indexOf(CARRIAGE_RETURN); i >= 0; i = view.indexOf(CARRIAGE_RETURN, i + 1)) {
          if (i + 1 < view.length ? view[i + 1] !== NEWLINE : false) return false;
        }
        for (let i = view.indexOf(NEWLINE); i >= 0; i = view.indexOf(NEWLINE, i + 1)) {
          if ((i > 0 ? view[i - 1] : previous) !== CARRIAGE_RETURN) return false;
        }
        if (previous === CARRIAGE_RETURN && view.length > 0 && view[0] !== NEWLINE) return false;
      }
      if (view.length > 0) previous = view[view.length - 1]!;
      position += bytesRead;
    }
    // A lone \r at the very end of a file is csv-parse's business.
    return previous !== CARRIAGE_RETURN;
  } finally {
    await handle.close();
  }
}

/**
 * The bytes since the last line end after `chunk`, given `run` before it; -1 when a line ends or runs past
 * MAX_LINE_BYTES. Two searches a chunk: the lines between its first and last line end are only measured one
 * by one when those two are further apart than the limit.
 */
function lineRun(chunk: Buffer, run: number): number {
  const first = chunk.indexOf(NEWLINE);
  if (first < 0) return run + chunk.length > MAX_LINE_BYTES ? -1 : run + chunk.length;
  if (run + first > MAX_LINE_BYTES) return -1;
  const last = chunk.lastIndexOf(NEWLINE);
  if (last - first - 1 > MAX_LINE_BYTES) {
    for (let start = first + 1, end = chunk.indexOf(NEWLINE, start); end >= 0 && end <= last; start = end + 1, end = chunk.indexOf(NEWLINE, start)) {
      if (end - start > MAX_LINE_BYTES) return -1;
    }
  }
  const after = chunk.length - last - 1;
  return after > MAX_LINE_BYTES ? -1 : after;
}

/** The header through csv-parse (it may hold quotes and Danish letters), the body split by hand. */
export async function* scanCsvRows(path: string, displayName: string, dialect: Dialect): AsyncGenerator<RawRow | RawRow[]> {
  // The header line: read it as csv-parse reads the whole file, then stop.
  let headerLines = 0;
  // A small first read: csv-parse parses every line of what it is given, and only the header is wanted here.
  for await (const row of readCsvRows(path, displayName, dialect, HEADER_CHUNK)) {
    yield row;
    headerLines = row.line;
    break;
  }
  if (headerLines === 0) return;
  const delimiter = dialect.delimiter.charCodeAt(0);
  let line = 0;
  // canScanFast measured every line; this holds should the file have grown since.
  const refuseLong = (bytes: number) => {
    if (bytes > MAX_LINE_BYTES) throw new StopRun([issue("line_too_long", messages.lineTooLong(MAX_LINE_BYTES), { file: displayName, path: [], line: line + 1 })]);
  };
  for await (const data of wholeLines(fileChunks(path), refuseLong)) {
    const batch: RawRow[] = [];
    line = eachLine(data, line, (start, stop, at) => {
      if (at > headerLines) batch.push({ line: at, fields: splitFields(data, start, stop, delimiter) });
    });
    if (batch.length > 0) yield batch;
  }
}

/** The fastest reader that reads this file exactly as csv-parse would. */
export async function rowsOfExtract(path: string, displayName: string, dialect: Dialect): Promise<{ rows: AsyncIterable<RawRow | RawRow[]>; fast: boolean }> {
  // The byte scanner splits single-byte text; UTF-16 (two bytes a character) always goes through csv-parse.
  const byteText = dialect.encoding === "utf-8" || dialect.encoding === "windows-1252";
  const fast = byteText && (await canScanFast(path, dialect.sepLine ? 2 : 1));
  return { rows: fast ? scanCsvRows(path, displayName, dialect) : readCsvRows(path, displayName, dialect), fast };
}
