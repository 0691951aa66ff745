/**
 * The one line splitter of the byte readers (the fast CSV reader, pipeline/io/scanCsv.ts, and
 * the byte-level readers of src/ingest/bytes/): a file's bytes in chunks, cut into lines the
 * same way everywhere —
 *
 *   `\n` ends a line; one `\r` just before it is not part of the line; an empty line is skipped;
 *   lines are numbered as they stand in the file (physical lines, from 1); a last line without
 *   its `\n` is a line.
 *
 * `wholeLines` does the cutting across chunks (a line is never split between two pieces);
 * `eachLine` walks a piece's lines. A byte reader whose loop finds its delimiters in the same
 * pass as the line end (src/ingest/bytes/handOver.ts, ingestBenefitBytes.ts) walks a piece with
 * its own loop, using `lineStop` for the rule above.
 */
import { createReadStream } from "node:fs";

export const NEWLINE = 0x0a;
export const CARRIAGE_RETURN = 0x0d;
/** Bytes read at a time: the result never depends on it. */
export const CHUNK_BYTES = 1 << 20;

/** A file's bytes in chunks of CHUNK_BYTES (for the byte-level readers, on any thread). */
export async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) yield chunk as Buffer;
}

/**
 * The chunks as pieces of whole lines: each piece ends with a `\n`, and the next begins with the line after
 * it; the bytes after the file's last `\n` come last, given a `\n` of their own. `carried(bytes)` is told,
 * after each chunk, how many bytes of an unfinished line are held back (a reader may refuse a line that long).
 */
export async function* wholeLines(chunks: AsyncIterable<Buffer>, carried?: (bytes: number) => void): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  for await (const chunk of chunks) {
    const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const cut = data.lastIndexOf(NEWLINE) + 1;
    carry = cut < data.length ? data.subarray(cut) : null;
    if (cut > 0) yield data.subarray(0, cut);
    carried?.(carry?.length ?? 0);
  }
  if (carry && carry.length > 0) yield Buffer.concat([carry, Buffer.from([NEWLINE])]);
}

/**
 * Each non-empty line of a piece of whole lines (wholeLines), in order: its bytes [start, stop) without the
 * line end, and its physical number. `linesBefore` is the number of lines before the piece; the return value
 * is that number after it (empty lines count).
 */
export function eachLine(data: Buffer, linesBefore: number, visit: (start: number, stop: number, line: number) => void): number {
  let line = linesBefore;
  let start = 0;
  for (let end = data.indexOf(NEWLINE); end >= 0; end = data.indexOf(NEWLINE, start)) {
    line += 1;
    const stop = lineStop(data, start, end);
    if (stop > start) visit(start, stop, line);
    start = end + 1;
  }
  return line;
}

/** Where the text of the line [lineStart, end) ends (`end`: its `\n`): before a `\r` just before the `\n`. */
export function lineStop(data: Buffer, lineStart: number, end: number): number {
  return end > lineStart && data[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
}

/** The fields of the line [start, stop), split on a one-byte delimiter, as one-byte text (no quotes: the fast reader's files have none). */
export function splitFields(data: Buffer, start: number, stop: number, delimiter: number): string[] {
  const fields: string[] = [];
  let fieldStart = start;
  for (let i = data.indexOf(delimiter, start); i >= 0 && i < stop; i = data.indexOf(delimiter, i + 1)) {
    fields.push(data.toString("latin1", fieldStart, i));
    fieldStart = i + 1;
  }
  fields.push(data.toString("latin1", fieldStart, stop));
  return fields;
}
