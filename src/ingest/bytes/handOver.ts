/**
 * The line loop the byte-level readers share: splits the body into lines with the one line
 * splitter (pipeline/io/lines.ts: `\n` ends a line, one `\r` before it is dropped, empty lines
 * are skipped, physical line numbers), offers each line to `take`, and yields the
 * lines it does not take as raw rows for ingestExtract — the header first, then every other
 * row in file order, each batch before the next line is offered (a later line may repeat it).
 */
import { eachLine, lineStop, NEWLINE, splitFields, wholeLines } from "../../../pipeline/io/lines.ts";
import type { RawRow } from "../schema.ts";
import { ByteKeyTable } from "./ByteKeyTable.ts";

/** Distinct cell texts remembered per table; beyond, each is parsed on its own (a damaged file cannot grow the tables). */
const MAX_DISTINCT = 100_000;

/**
 * True when the line was taken (stored); false: ingestExtract reads it. With `cuts` (handOver's last
 * argument), `cuts[0 … cutCount)` hold the line's delimiter positions, found in the same pass as its end
 * (cutCount = cuts.length + 1: more delimiters than that).
 */
export type Take = (data: Buffer, start: number, stop: number, line: number, cutCount: number) => boolean;

/** The header, then every line `take` declines, as text, in file order (handOverLines with offerLines as its loop). */
export function handOver(bytes: () => AsyncIterable<Buffer>, header: RawRow, delimiter: number, take: Take, onRow: () => void, cuts?: Int32Array): AsyncGenerator<RawRow | RawRow[]> {
  return handOverLines(bytes, header, (data, scan, headerLines) => offerLines(data, scan, headerLines, delimiter, take, onRow, cuts));
}

/**
 * A reader's own line loop, with offerLines' contract: the lines of `data` from scan.start on, until one is
 * declined (left in scan.declined as text, scan.start after it) or no whole line is left (scan.start at it);
 * scan.line counts the physical lines passed. The header's lines are passed, not offered.
 */
export type LineKernel = (data: Buffer, scan: Scan, headerLines: number) => void;

/**
 * handOver with a reader's own line loop (the header first, then every declined line in file order, each
 * before the next line is offered), over pieces of whole lines (pipeline/io/lines.ts wholeLines: the last
 * line, when it has no line end, is given one; a final `\r` never reaches a byte reader: pipeline/io/scanCsv.ts
 * leaves such a file to csv-parse).
 */
export async function* handOverLines(bytes: () => AsyncIterable<Buffer>, header: RawRow, lines: LineKernel): AsyncGenerator<RawRow | RawRow[]> {
  yield header;
  const scan: Scan = { line: 0, start: 0, declined: null };
  for await (const data of wholeLines(bytes())) {
    scan.start = 0;
    for (lines(data, scan, header.line); scan.declined; lines(data, scan, header.line)) {
      yield scan.declined;
      scan.declined = null;
    }
  }
}

export interface Scan {
  /** Physical lines passed so far. */
  line: number;
  /** Where the next line starts in the data. */
  start: number;
  /** The line just declined by take, as text. */
  declined: RawRow | null;
}

/**
 * Offers the lines of `data` from scan.start on until take declines one (left in scan.declined, scan.start
 * after it) or no line end is left (scan.start at the unfinished line). A plain function, not the generator,
 * so its loop is compiled as a loop.
 */
function offerLines(data: Buffer, scan: Scan, headerLines: number, delimiter: number, take: Take, onRow: () => void, cuts: Int32Array | undefined): void {
  const maxCuts = cuts?.length ?? 0;
  const length = data.length;
  let start = scan.start;
  let line = scan.line;
  for (;;) {
    let end: number;
    let cutCount = 0;
    if (cuts) {
      // The line end and the delimiters before it in one pass: a short line costs no native call.
      for (end = start; end < length; end += 1) {
        const b = data[end]!;
        if (b === NEWLINE) break;
        if (b === delimiter) {
          if (cutCount < maxCuts) cuts[cutCount] = end;
          cutCount += 1;
        }
      }
      if (end === length) break;
    } else {
      end = data.indexOf(NEWLINE, start);
      if (end < 0) break;
    }
    line += 1;
    const lineStart = start;
    start = end + 1;
    const stop = bodyLineStop(data, lineStart, end, line, headerLines);
    if (stop < 0) continue;
    onRow();
    if (!take(data, lineStart, stop, line, Math.min(cutCount, maxCuts + 1))) {
      scan.declined = { line, fields: splitFields(data, lineStart, stop, delimiter) };
      break;
    }
  }
  scan.start = start;
  scan.line = line;
}

/**
 * The same line loop for readers whose rows all go to ingestExtract: each line is offered to
 * `offer`, which gives its parsed row or null (then the line is yielded as text), in file order,
 * one batch per chunk.
 */
export async function* scanRows<P>(bytes: () => AsyncIterable<Buffer>, header: RawRow, delimiter: number, offer: (data: Buffer, start: number, stop: number, line: number) => P | null): AsyncGenerator<RawRow | P | (RawRow | P)[]> {
  yield header;
  const headerLines = header.line;
  let line = 0;
  for await (const data of wholeLines(bytes())) {
    const batch: (RawRow | P)[] = [];
    line = eachLine(data, line, (start, stop, at) => {
      if (at > headerLines) batch.push(offer(data, start, stop, at) ?? { line: at, fields: splitFields(data, start, stop, delimiter) });
    });
    if (batch.length > 0) yield batch;
  }
}

/**
 * A line's fields from the delimiter positions handOver found in its pass for the line end (its `cuts`):
 * field c is bytes [starts[c], ends[c]).
 */
export class LineFields {
  readonly cuts: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;

  constructor(private readonly columns: number) {
    this.cuts = new Int32Array(Math.max(0, columns - 1));
    this.starts = new Int32Array(columns);
    this.ends = new Int32Array(columns);
  }

  /** Places the line's fields; false when it has another number of fields than the header. */
  place(start: number, stop: number, cutCount: number): boolean {
    const last = this.columns - 1;
    if (cutCount !== last) return false;
    const { cuts, starts, ends } = this;
    for (let c = 0; c <= last; c += 1) {
      starts[c] = c === 0 ? start : cuts[c - 1]! + 1;
      ends[c] = c === last ? stop : cuts[c]!;
    }
    return true;
  }
}

/** Distinct cell texts → their parsed entry, looked up from bytes (each text made a string once). */
export class CellTable<E> {
  private readonly keys = new ByteKeyTable(64);
  private readonly entries: E[] = [];
  constructor(private readonly parse: (text: string) => E) {}

  get(data: Buffer, start: number, end: number): E {
    return this.entryFor(this.keys.get(data, start, end), data, start, end);
  }

  /** get, comparing first the text found last and the one that followed it last time (ByteKeyTable.getNear). */
  getNear(data: Buffer, start: number, end: number): E {
    return this.entryFor(this.keys.getNear(data, start, end), data, start, end);
  }

  private entryFor(known: number, data: Buffer, start: number, end: number): E {
    if (known >= 0) return this.entries[known]!;
    const entry = this.parse(data.toString("latin1", start, end));
    if (this.entries.length < MAX_DISTINCT) {
      this.keys.set(data, start, end, this.entries.length);
      this.entries.push(entry);
    }
    return entry;
  }
}

/** Where the text of the body line [lineStart, end) ends (lineStop), or −1 for a header line or an empty line (not offered). */
export function bodyLineStop(data: Buffer, lineStart: number, end: number, line: number, headerLines: number): number {
  if (line <= headerLines) return -1;
  const stop = lineStop(data, lineStart, end);
  return stop === lineStart ? -1 : stop;
}

/**
 * The first row of a row stream (the header, when it came alone), and the whole stream again from the
 * start, for handing the file to the checked path unchanged; `done` stops the stream when the bytes are read instead.
 */
export async function peekHeader(rows: AsyncIterable<RawRow | RawRow[]>): Promise<{ header: RawRow | undefined; again: AsyncIterable<RawRow | RawRow[]>; done: () => Promise<void> }> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  const again = (async function* () {
    if (!first.done) yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  const header = first.done ? undefined : Array.isArray(first.value) ? (first.value.length === 1 ? first.value[0] : undefined) : first.value;
  return { header, again, done: async () => void (await iterator.return?.()) };
}
