/**
 * A researcher's table (`effekt estimate --table`) read straight from the file's bytes into
 * columns: numbers parsed from the digits (the exact double `Number` gives: at most 15 digits,
 * one division by a power of ten, which IEEE rounds correctly), arms, blocks and subgroups
 * (and clusters) through a table of their distinct texts. A cell of 10 or more characters is made a string
 * and checked for a CPR-like value, as tableFromRows checks every cell.
 *
 * The file is read in segments of whole lines (about 1 GiB each, so offsets stay small and one segment
 * is held at a time), each cut into pieces of whole lines read by tableLines.js; a large file's pieces are
 * shared with a worker thread (taken from a shared counter, as the least-squares stripes are), and the
 * pieces are put together in file order, so the table does not depend on which thread read which piece.
 *
 * This reader only takes a table it can read whole without a problem: a cell it cannot decide
 * from its bytes is parsed by `parseNumber` as the checked path does, and any problem at all
 * (an empty arm, a value that is not a number, not 0/1 or not a count, a CPR-like value, a
 * missing column) returns null — the caller then reads the file with tableFromRows, which
 * names the problem (tests/estimate/bytes/tableFromBytes.test.ts holds the two to the same table).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { containsCpr } from "../../ingest/containsCpr.ts";
import { parseNumber } from "../../ingest/parseValue.ts";
import type { AnalysisTable } from "../analysisTable.ts";
import type { TableOptions } from "../tableFromRows.ts";
import { pieceBounds, POWERS_OF_TEN, readPiece, type Layout, type Piece } from "./tableLines.js";

const NEWLINE = 0x0a;

/** From this size on (and with a second core) a worker thread reads half the pieces. */
export const TABLE_THREAD_MINIMUM_BYTES = 8 * 2 ** 20;
/** At least this many bytes a segment of the file read at a time (cut at a line's end; tests: smaller). */
const SEGMENT_BYTES = 2 ** 30;
/** About this many bytes a piece (cut at a line's end). */
const PIECE_BYTES = 2 ** 21;

/** Where the bytes come from, and (tests) how the pieces are shared. */
export interface TableReading {
  /** The file `bytes` reads, and its size: given, a large one is read into shared memory for a worker thread. */
  readonly path?: string;
  readonly size?: number;
  readonly threads?: number;
  readonly pieceBytes?: number;
  readonly segmentBytes?: number;
  /** Leave every piece to the worker (the tests use it to hold the worker to this thread's table). */
  readonly onlyWorker?: boolean;
}

/**
 * @param header the header's fields (trimmed), on physical line `headerLines`
 * @param bytes the whole file in chunks (one-byte text, quote-free, one line ending: the fast reader's condition)
 */
export async function tableFromBytes(header: readonly string[], headerLines: number, bytes: () => AsyncIterable<Buffer>, delimiterText: string, options: TableOptions, reading: TableReading = {}): Promise<AnalysisTable | null> {
  if (delimiterText.length !== 1 || delimiterText.charCodeAt(0) > 0x7f) return null;
  if (header.some((name) => containsCpr(name))) return null;
  const index = (name: string) => header.indexOf(name);
  const clusters = options.clusters ?? null;
  const wanted = [options.treatment, ...(options.blocks ? [options.blocks] : []), ...(clusters ? [clusters] : []), ...options.numeric, ...options.subgroups];
  if (wanted.some((c) => index(c) < 0)) return null;
  const columns = header.length;

  const numericAt = options.numeric.map(index);
  const textAt = [...new Set([options.treatment, ...(options.blocks ? [options.blocks] : []), ...(clusters ? [clusters] : []), ...options.subgroups])].map(index);
  const clusterAt = clusters ? textAt.indexOf(index(clusters)) : -1;
  const layout: Layout = {
    delimiter: delimiterText.charCodeAt(0),
    decimal: options.decimal.charCodeAt(0),
    columns,
    numberSlot: new Int32Array(columns).fill(-1),
    binaryColumn: new Uint8Array(columns),
    countColumn: new Uint8Array(columns),
    textAt: Int32Array.from(textAt),
  };
  numericAt.forEach((c, k) => (layout.numberSlot[c] = k));
  for (const name of options.binary) if (options.numeric.includes(name)) layout.binaryColumn[index(name)] = 1;
  for (const name of options.counts) if (options.numeric.includes(name)) layout.countColumn[index(name)] = 1;

  const threads = reading.threads ?? availableParallelism();
  const parallel = threads > 1 && reading.path !== undefined && (reading.onlyWorker === true || (reading.size ?? 0) >= TABLE_THREAD_MINIMUM_BYTES);
  // The file in segments of whole lines (the last line given a `\n`), each cut into pieces; the header's lines are
  // stepped over first (a header without a line end leaves no rows).
  const pieces: Piece[] = [];
  let headerLeft = headerLines;
  for await (const data of segmentsOf(bytes, parallel, reading.segmentBytes ?? SEGMENT_BYTES)) {
    let start = 0;
    while (headerLeft > 0 && start < data.length) {
      const newline = data.indexOf(NEWLINE, start);
      if (newline < 0) {
        start = data.length;
        break;
      }
      start = newline + 1;
      headerLeft -= 1;
    }
    if (headerLeft > 0) continue;
    const bounds = pieceBounds(data, start, data.length, reading.pieceBytes ?? PIECE_BYTES);
    const segmentPieces = await readPieces(data, bounds, layout, parallel ? threads - 1 : 0, reading.onlyWorker === true);
    // The cells left to this thread, while the segment is at hand: long ones checked for a CPR-like value, the
    // other numbers parsed as the checked path does.
    for (const piece of segmentPieces) {
      if (piece.problem) return null;
      for (let i = 0; i < piece.long.length; i += 2) if (cprLike(data.toString("latin1", piece.long[i], piece.long[i + 1]))) return null;
      for (let i = 0; i < piece.deferred.length; i += 4) {
        const column = piece.deferred[i + 1]!;
        const value = numberAt(data, piece.deferred[i + 2]!, piece.deferred[i + 3]!, layout.decimal, options.decimal);
        if (value === undefined) return null;
        if (value === value && ((layout.binaryColumn[column] === 1 && value !== 0 && value !== 1) || (layout.countColumn[column] === 1 && (value < 0 || !Number.isInteger(value))))) return null;
        piece.numbers[layout.numberSlot[column]!]![piece.deferred[i]!] = value;
      }
      pieces.push(piece);
    }
  }
  const rowCount = pieces.reduce((n, p) => n + p.rows, 0);

  const columnsOut = new Map<string, (number | null)[]>();
  options.numeric.forEach((name, k) => {
    columnsOut.set(name, joined(pieces.map((piece) => piece.numbers[k]!.subarray(0, piece.rows)), rowCount));
  });
  // Each text trimmed once; every person needs an arm (and a cluster, when clustered).
  const trimmed = new Map<string, string>();
  const textValues: string[][] = [];
  for (let t = 0; t < textAt.length; t += 1) {
    const values = new Array<string>(rowCount);
    const required = t === 0 || t === clusterAt;
    let at = 0;
    for (const piece of pieces) {
      const texts = piece.texts[t]!.map((raw) => {
        let text = trimmed.get(raw);
        if (text === undefined) trimmed.set(raw, (text = raw.trim()));
        return text;
      });
      if (required && texts.includes("")) return null;
      const ids = piece.textIds[t]!;
      for (let i = 0; i < piece.rows; i += 1) {
        const id = ids[i]!;
        if (id < 0 && required) return null;
        values[at++] = id < 0 ? "" : texts[id]!;
      }
    }
    textValues.push(values);
  }
  const textOf = (name: string) => textValues[textAt.indexOf(index(name))]!;
  const blocks = options.blocks ? [...textOf(options.blocks)] : null;
  return { arm: textOf(options.treatment), blocks, permutationStrata: blocks, clusters: clusters ? [...textOf(clusters)] : null, columns: columnsOut, subgroups: new Map(options.subgroups.map((s) => [s, [...textOf(s)]])) };
}

/**
 * The pieces' values as one column, NaN as null. A column without a missing value is made an array of
 * doubles only (filled first, so it never has holes): building it and copying it later cost half as much.
 */
function joined(parts: readonly Float64Array[], rows: number): (number | null)[] {
  const missing = parts.some(hasNaN);
  const values: (number | null)[] = missing ? new Array<number | null>(rows) : new Array<number>(rows).fill(0.5);
  let at = 0;
  for (const part of parts) {
    if (missing) for (let i = 0; i < part.length; i += 1) values[at++] = part[i] !== part[i] ? null : part[i]!;
    else for (let i = 0; i < part.length; i += 1) values[at++] = part[i]!;
  }
  return values;
}

function hasNaN(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i += 1) if (values[i] !== values[i]) return true;
  return false;
}

/**
 * Every piece read, in file order: this thread and `workers` worker threads take pieces from a shared
 * counter. A worker that fails to start, or stops, simply leaves its pieces to this thread.
 */
async function readPieces(data: Buffer, bounds: readonly number[], layout: Layout, workers: number, onlyWorker: boolean): Promise<Piece[]> {
  const count = Math.max(0, bounds.length - 1);
  const pieces: (Piece | undefined)[] = new Array(count);
  const control = new Int32Array(new SharedArrayBuffer(4));
  const started: Worker[] = [];
  const finished: Promise<void>[] = [];
  if (count > 1 || onlyWorker) {
    for (let w = 0; w < workers; w += 1) {
      let worker: Worker | null = null;
      try {
        worker = new Worker(new URL("./tableLinesWorker.js", import.meta.url));
        const running = worker;
        const done = new Promise<void>((resolve) => {
          running.on("message", (message: { piece: number; result: Piece } | { done: true }) => ("piece" in message ? (pieces[message.piece] = message.result) : resolve()));
          running.on("error", () => resolve());
          running.on("exit", () => resolve());
        });
        running.postMessage({ data: data.buffer, control: control.buffer, bounds, layout });
        finished.push(done);
        started.push(running);
      } catch {
        // A worker that cannot start or take the job takes no pieces.
        if (worker) void worker.terminate();
        break;
      }
    }
  }
  if (!onlyWorker || started.length === 0) {
    for (let piece = Atomics.add(control, 0, 1); piece < count; piece = Atomics.add(control, 0, 1)) pieces[piece] = readPiece(data, bounds[piece]!, bounds[piece + 1]!, layout);
  }
  await Promise.all(finished);
  for (const worker of started) void worker.terminate();
  // A piece a worker took but did not send is read here, to the same columns.
  return pieces.map((piece, p) => piece ?? readPiece(data, bounds[p]!, bounds[p + 1]!, layout));
}

/**
 * The file in segments of whole lines, each at least `segmentBytes` long (but the last), in shared memory when
 * worker threads read it; the last line is given a `\n` when it has none. A segment's offsets stay far below 2³¹,
 * whatever the file's size, and only one segment is held at a time.
 */
async function* segmentsOf(bytes: () => AsyncIterable<Buffer>, shared: boolean, segmentBytes: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of bytes()) {
    parts.push(chunk);
    size += chunk.length;
    if (size < segmentBytes) continue;
    const joined = joinedParts(parts, size, shared, 0);
    const cut = joined.lastIndexOf(NEWLINE) + 1;
    // A line longer than a segment: read on to its end.
    parts = cut === 0 ? [joined] : [Buffer.from(joined.subarray(cut))];
    size = joined.length - cut;
    if (cut > 0) yield joined.subarray(0, cut);
  }
  const last = joinedParts(parts, size, shared, 1);
  yield size > 0 && last[size - 1] !== NEWLINE ? (last.fill(NEWLINE, size), last) : last.subarray(0, size);
}

/** The parts as one buffer (shared memory when asked), with `spare` bytes more at its end. */
function joinedParts(parts: readonly Buffer[], size: number, shared: boolean, spare: number): Buffer {
  const joined = shared ? Buffer.from(new SharedArrayBuffer(size + spare)) : Buffer.allocUnsafe(size + spare);
  let at = 0;
  for (const part of parts) at += part.copy(joined, at);
  return joined;
}

function cprLike(cell: string): boolean {
  return containsCpr(cell);
}

const isSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/** The number in bytes [start, end): NaN for missing (empty or NA), undefined for not a number. */
function numberAt(data: Buffer, start: number, end: number, decimal: number, decimalText: "," | "."): number | undefined {
  while (start < end && isSpace(data[start]!)) start += 1;
  while (end > start && isSpace(data[end - 1]!)) end -= 1;
  if (start === end) return NaN;
  if (end - start === 2 && (data[start]! | 0x20) === 0x6e && (data[start + 1]! | 0x20) === 0x61) return NaN;
  let i = start;
  let negative = false;
  if (data[i] === 0x2d || data[i] === 0x2b) {
    negative = data[i] === 0x2d;
    i += 1;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  let intDigits = 0;
  for (; i < end; i += 1) {
    const b = data[i]!;
    if (b >= 0x30 && b <= 0x39) {
      mantissa = mantissa * 10 + (b - 0x30);
      digits += 1;
      if (fraction >= 0) fraction += 1;
      else intDigits += 1;
    } else if (b === decimal && fraction < 0) fraction = 0;
    else break;
  }
  // Plain `[-+]digits[,digits]` of at most 15 digits: exact. Anything else the checked parser decides.
  if (i === end && intDigits > 0 && fraction !== 0 && digits <= 15) {
    const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction]! : mantissa;
    return negative ? -value : value;
  }
  const parsed = parseNumber(data.toString("latin1", start, end), decimalText);
  return parsed === null ? undefined : parsed;
}
