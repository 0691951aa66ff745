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
import { open } from "node:fs/promises";
import { containsCpr } from "../../ingest/containsCpr.ts";
import { parseNumber } from "../../ingest/parseValue.ts";
import { analysisTable, type AnalysisTable } from "../analysisTable.ts";
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

/** The text columns' header places (arm first, then blocks, clusters, subgroups; each once), and where the clusters are among them. */
function textColumnsOf(header: readonly string[], options: TableOptions): { textAt: number[]; clusterAt: number } {
  const clusters = options.clusters ?? null;
  const names = [...new Set([options.treatment, ...(options.blocks ? [options.blocks] : []), ...(clusters ? [clusters] : []), ...options.subgroups])];
  const textAt = names.map((name) => header.indexOf(name));
  return { textAt, clusterAt: clusters ? textAt.indexOf(header.indexOf(clusters)) : -1 };
}

/** How tableLines.js reads the lines: the delimiter and decimal bytes, each number column's slot, the binary and count columns. */
function layoutOf(header: readonly string[], delimiterText: string, options: TableOptions, textAt: readonly number[]): Layout {
  const columns = header.length;
  const layout: Layout = {
    delimiter: delimiterText.charCodeAt(0),
    decimal: options.decimal.charCodeAt(0),
    columns,
    numberSlot: new Int32Array(columns).fill(-1),
    binaryColumn: new Uint8Array(columns),
    countColumn: new Uint8Array(columns),
    textAt: Int32Array.from(textAt),
  };
  options.numeric.forEach((name, k) => (layout.numberSlot[header.indexOf(name)] = k));
  for (const name of options.binary) if (options.numeric.includes(name)) layout.binaryColumn[header.indexOf(name)] = 1;
  for (const name of options.counts) if (options.numeric.includes(name)) layout.countColumn[header.indexOf(name)] = 1;
  return layout;
}

/**
 * @param header the header's fields (trimmed), on physical line `headerLines`
 * @param bytes the whole file in chunks (one-byte text, quote-free, one line ending: the fast reader's condition)
 */
export async function tableFromBytes(header: readonly string[], headerLines: number, bytes: () => AsyncIterable<Buffer>, delimiterText: string, options: TableOptions, reading: TableReading = {}): Promise<AnalysisTable | null> {
  // 1. Only a table this reader takes: a one-byte delimiter, no CPR-like name, every named column present, no categorical covariate.
  if (delimiterText.length !== 1 || delimiterText.charCodeAt(0) > 0x7f) return null;
  if (header.some((name) => containsCpr(name)) || (options.categorical ?? []).length > 0) return null;
  // Variance clusters and fixed effects are read by tableFromRows.
  if (options.clusterSe || options.fixedEffects) return null;
  const wanted = [options.treatment, ...(options.blocks ? [options.blocks] : []), ...(options.clusters ? [options.clusters] : []), ...options.numeric, ...options.subgroups];
  if (wanted.some((c) => !header.includes(c))) return null;
  // 2. Every piece of the file read into columns; any problem declines the table.
  const { textAt, clusterAt } = textColumnsOf(header, options);
  const layout = layoutOf(header, delimiterText, options, textAt);
  const pieces = await piecesOf(headerLines, bytes, layout, options, reading);
  if (pieces === null) return null;
  // 3. The columns put together in file order: numbers as one Float64Array each, texts through their distinct values.
  const rows = pieces.reduce((n, p) => n + p.rows, 0);
  const numbers = new Map(options.numeric.map((name, k) => [name, joined(pieces.map((piece) => piece.numbers[k]!.subarray(0, piece.rows)), rows)]));
  const texts = textValues(pieces, rows, textAt.length, clusterAt);
  if (texts === null) return null;
  const textOf = (name: string) => texts[textAt.indexOf(header.indexOf(name))]!;
  // 4. The analysis table (analysisTable.ts: the same assembly as tableFromRows').
  const blocks = options.blocks ? textOf(options.blocks) : null;
  const clusters = options.clusters ? textOf(options.clusters) : null;
  const subgroups = new Map(options.subgroups.map((s) => [s, textOf(s)]));
  return analysisTable({ arm: textOf(options.treatment), blocks, permutationStrata: blocks, clusters, numbers, categorical: [], subgroups }).table;
}

/**
 * The file in segments of whole lines (the last line given a `\n`), each cut into pieces read by this thread and
 * (a large file) a worker thread; the header's lines are stepped over first (a header without a line end leaves no
 * rows). While a segment is at hand, the cells left to this thread: long ones checked for a CPR-like value, the
 * other numbers parsed as the checked path does. Null when any piece has a problem.
 */
async function piecesOf(headerLines: number, bytes: () => AsyncIterable<Buffer>, layout: Layout, options: TableOptions, reading: TableReading): Promise<Piece[] | null> {
  const threads = reading.threads ?? availableParallelism();
  const parallel = threads > 1 && reading.path !== undefined && (reading.onlyWorker === true || (reading.size ?? 0) >= TABLE_THREAD_MINIMUM_BYTES);
  const pieces: Piece[] = [];
  let headerLeft = headerLines;
  const segmentBytes = reading.segmentBytes ?? SEGMENT_BYTES;
  // A file of one segment whose size is known is read straight into its buffer, not through chunks copied together.
  const whole = reading.path !== undefined && reading.size !== undefined && reading.size < segmentBytes;
  for await (const data of whole ? wholeFile(reading.path!, reading.size!, parallel) : segmentsOf(bytes, parallel, segmentBytes)) {
    let start = 0;
    for (; headerLeft > 0 && start < data.length; headerLeft -= 1) {
      const newline = data.indexOf(NEWLINE, start);
      start = newline < 0 ? data.length : newline + 1;
      if (newline < 0) break;
    }
    if (headerLeft > 0) continue;
    const bounds = pieceBounds(data, start, data.length, reading.pieceBytes ?? PIECE_BYTES);
    for (const piece of await readPieces(data, bounds, layout, parallel ? threads - 1 : 0, reading.onlyWorker === true)) {
      if (piece.problem || !cellsLeftRead(data, piece, layout, options)) return null;
      pieces.push(piece);
    }
  }
  return pieces;
}

/** A piece's long cells checked for a CPR-like value, its deferred numbers parsed into its columns: false at the first problem. */
function cellsLeftRead(data: Buffer, piece: Piece, layout: Layout, options: TableOptions): boolean {
  for (let i = 0; i < piece.long.length; i += 2) if (containsCpr(data.toString("latin1", piece.long[i], piece.long[i + 1]))) return false;
  for (let i = 0; i < piece.deferred.length; i += 4) {
    const column = piece.deferred[i + 1]!;
    const value = numberAt(data, piece.deferred[i + 2]!, piece.deferred[i + 3]!, layout.decimal, options.decimal);
    if (value === undefined) return false;
    if (value === value && ((layout.binaryColumn[column] === 1 && value !== 0 && value !== 1) || (layout.countColumn[column] === 1 && (value < 0 || !Number.isInteger(value))))) return false;
    piece.numbers[layout.numberSlot[column]!]![piece.deferred[i]!] = value;
  }
  return true;
}

/** The pieces' values as one column (NaN: missing). */
function joined(parts: readonly Float64Array[], rows: number): Float64Array {
  const values = new Float64Array(rows);
  let at = 0;
  for (const part of parts) {
    values.set(part, at);
    at += part.length;
  }
  return values;
}

/**
 * Each text column's values in file order, each distinct text trimmed once; null when a person has no arm (text
 * column 0) or, when clustered, no cluster.
 */
function textValues(pieces: readonly Piece[], rows: number, columns: number, clusterAt: number): string[][] | null {
  const trimmed = new Map<string, string>();
  const trim = (raw: string) => {
    let text = trimmed.get(raw);
    if (text === undefined) trimmed.set(raw, (text = raw.trim()));
    return text;
  };
  const out: string[][] = [];
  for (let t = 0; t < columns; t += 1) {
    const values = new Array<string>(rows);
    const required = t === 0 || t === clusterAt;
    let at = 0;
    for (const piece of pieces) {
      const texts = piece.texts[t]!.map(trim);
      if (required && texts.includes("")) return null;
      const ids = piece.textIds[t]!;
      for (let i = 0; i < piece.rows; i += 1) {
        const id = ids[i]!;
        if (id < 0 && required) return null;
        values[at++] = id < 0 ? "" : texts[id]!;
      }
    }
    out.push(values);
  }
  return out;
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

/** The whole file as one segment (shared memory when asked), its last line given a `\n` when it has none. */
async function* wholeFile(path: string, size: number, shared: boolean): AsyncGenerator<Buffer> {
  const data = shared ? Buffer.from(new SharedArrayBuffer(size + 1)) : Buffer.allocUnsafe(size + 1);
  const file = await open(path, "r");
  let read = 0;
  try {
    for (let got = -1; got !== 0 && read < size; read += got) got = (await file.read(data, read, size - read, read)).bytesRead;
  } finally {
    await file.close();
  }
  yield read > 0 && data[read - 1] !== NEWLINE ? (data.fill(NEWLINE, read, read + 1), data.subarray(0, read + 1)) : data.subarray(0, read);
}

/** The parts as one buffer (shared memory when asked), with `spare` bytes more at its end. */
function joinedParts(parts: readonly Buffer[], size: number, shared: boolean, spare: number): Buffer {
  const joined = shared ? Buffer.from(new SharedArrayBuffer(size + spare)) : Buffer.allocUnsafe(size + spare);
  let at = 0;
  for (const part of parts) at += part.copy(joined, at);
  return joined;
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
