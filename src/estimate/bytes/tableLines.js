// @ts-check
/**
 * One piece of a researcher's table (whole lines of the file's bytes) read into columns, the same way on
 * this thread and on a worker thread (tableFromBytes.ts, tableLinesWorker.js). Plain JavaScript, as
 * stats/gramStripes.js, so a worker thread loads it without the tsx loader; typed by the JSDoc here (`// @ts-check`,
 * tsconfig `allowJs`). Reads of typed arrays are within bounds the loops compute: a JSDoc `@type {number}` cast
 * says so to the type checker (noUncheckedIndexedAccess) and costs nothing at run time.
 *
 * A `\n` ends a line, a `\r` just before it is dropped, an empty line is skipped; a delimiter ends a cell.
 * A number cell `[-]digits[.digits]` of at most 15 digits is exact here (the digits gathered as they pass,
 * one division by a power of ten, which IEEE rounds correctly), an empty one is missing (NaN); any other
 * number cell is left to the caller (`deferred`), which reads it by the checked parser, as is every cell of
 * 10 or more bytes (`long`), which the caller checks for a CPR-like value. A text cell (arm, blocks,
 * clusters, subgroups) becomes the index of its bytes among the piece's distinct texts (−1: an empty cell
 * or a column the row does not reach). `problem` is set when a binary column holds other than 0/1 or a
 * count column a negative or fractional number: the caller then declines the table.
 */

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const MINUS = 0x2d;
/** 10^0 … 10^22, each exact as a double (a plain number's digits divided by one of them are rounded once). */
export const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * @typedef {{ delimiter: number; decimal: number; columns: number; numberSlot: Int32Array; binaryColumn: Uint8Array; countColumn: Uint8Array; textAt: Int32Array }} Layout
 * @typedef {{ rows: number; numbers: Float64Array[]; textIds: Int32Array[]; texts: string[][]; deferred: Int32Array; long: Int32Array; problem: boolean }} Piece
 */

/**
 * The lines of data[start, end) read by `layout`; end is just past a line's `\n` (the caller gives a file's
 * last line one when it has none).
 * @param {Uint8Array} data @param {number} start @param {number} end @param {Layout} layout @returns {Piece}
 */
export function readPiece(data, start, end, layout) {
  // At most one row per line: the lines are counted first, so the columns are allocated once.
  let lines = 1;
  for (let i = data.indexOf(NEWLINE, start); i >= 0 && i < end; i = data.indexOf(NEWLINE, i + 1)) lines += 1;
  const numberCount = layout.numberSlot.reduce((n, k) => (k >= 0 ? n + 1 : n), 0);
  /** @type {Rows} */
  const rows = {
    layout,
    numbers: Array.from({ length: numberCount }, () => new Float64Array(lines)),
    textIds: Array.from(layout.textAt, () => new Int32Array(lines)),
    distinct: Array.from(layout.textAt, () => new DistinctTexts()),
    starts: new Int32Array(layout.columns),
    ends: new Int32Array(layout.columns),
    deferred: new GrowingInts(),
    long: new GrowingInts(),
    problem: false,
  };
  const count = readRows(data, start, end, rows);
  return { rows: count, numbers: rows.numbers, textIds: rows.textIds, texts: rows.distinct.map((d) => d.texts), deferred: rows.deferred.ints(), long: rows.long.ints(), problem: rows.problem };
}

/**
 * @typedef {{ layout: Layout; numbers: Float64Array[]; textIds: Int32Array[]; distinct: DistinctTexts[]; starts: Int32Array; ends: Int32Array; deferred: GrowingInts; long: GrowingInts; problem: boolean }} Rows
 */

/**
 * The loop over the bytes, kept small (the row's end and the rare cells are functions of their own), so
 * the compiler optimises it soon. Returns the rows read.
 * @param {Uint8Array} data @param {number} start @param {number} end @param {Rows} out
 */
function readRows(data, start, end, out) {
  const { delimiter, decimal, columns, numberSlot } = out.layout;
  const { numbers, starts, ends } = out;
  let row = 0;
  let column = 0;
  let fieldStart = start;
  let lineStart = start;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  let plain = true;
  let negative = false;
  for (let i = start; i < end; i += 1) {
    let b = /** @type {number} */ (data[i]);
    if (b >= 0x30 && b <= 0x39) {
      mantissa = mantissa * 10 + (b - 0x30);
      digits += 1;
      if (fraction >= 0) fraction += 1;
      continue;
    }
    const cellEnd = i;
    if (b === CARRIAGE_RETURN && data[i + 1] === NEWLINE) {
      b = NEWLINE; // the `\r` of a `\r\n` ends the line; its `\n` is stepped over
      i += 1;
    }
    if (b !== delimiter && b !== NEWLINE) {
      if (b === decimal && fraction < 0 && digits > 0) fraction = 0;
      else if (b === MINUS && i === fieldStart) negative = true;
      else plain = false;
      continue;
    }
    if (b === NEWLINE && cellEnd === lineStart) {
      lineStart = fieldStart = i + 1; // an empty line
      continue;
    }
    if (cellEnd - fieldStart >= 10) out.long.push2(fieldStart, cellEnd);
    if (column < columns) {
      const k = /** @type {number} */ (numberSlot[column]);
      if (k >= 0) {
        if (plain && digits > 0 && digits <= 15 && fraction !== 0) {
          const magnitude = fraction > 0 ? mantissa / /** @type {number} */ (POWERS_OF_TEN[fraction]) : mantissa;
          /** @type {Float64Array} */ (numbers[k])[row] = negative ? -magnitude : magnitude;
        } else otherNumber(out, k, row, column, fieldStart, cellEnd);
      }
      starts[column] = fieldStart;
      ends[column] = cellEnd;
    }
    column += 1;
    fieldStart = i + 1;
    mantissa = 0;
    digits = 0;
    fraction = -1;
    plain = true;
    negative = false;
    if (b === NEWLINE) {
      endRow(data, out, row, column);
      row += 1;
      column = 0;
      lineStart = i + 1;
    }
  }
  return row;
}

/**
 * A number cell that is not plain: empty is missing; any other is left to the checked parser.
 * @param {Rows} out @param {number} k @param {number} row @param {number} column @param {number} start @param {number} end
 */
function otherNumber(out, k, row, column, start, end) {
  /** @type {Float64Array} */ (out.numbers[k])[row] = NaN;
  if (end > start) out.deferred.push4(row, column, start, end);
}

/**
 * A row's end: a short row's missing cells are empty (missing numbers, empty texts), the binary and count
 * columns are checked, and its texts are looked up.
 * @param {Uint8Array} data @param {Rows} out @param {number} row @param {number} column
 */
function endRow(data, out, row, column) {
  const { columns, numberSlot, binaryColumn, countColumn, textAt } = out.layout;
  const { numbers, starts, ends } = out;
  for (let c = column; c < columns; c += 1) {
    const k = /** @type {number} */ (numberSlot[c]);
    if (k >= 0) /** @type {Float64Array} */ (numbers[k])[row] = NaN;
    starts[c] = ends[c] = 0;
  }
  for (let c = 0; c < column && c < columns; c += 1) {
    if (binaryColumn[c] === 0 && countColumn[c] === 0) continue;
    const value = /** @type {number} */ (/** @type {Float64Array} */ (numbers[/** @type {number} */ (numberSlot[c])])[row]);
    if ((binaryColumn[c] === 1 && value !== 0 && value !== 1 && value === value) || (countColumn[c] === 1 && (value < 0 || !Number.isInteger(value)) && value === value)) out.problem = true;
  }
  for (let t = 0; t < textAt.length; t += 1) {
    const c = /** @type {number} */ (textAt[t]);
    const start = /** @type {number} */ (starts[c]);
    const end = /** @type {number} */ (ends[c]);
    /** @type {Int32Array} */ (out.textIds[t])[row] = end > start ? /** @type {DistinctTexts} */ (out.distinct[t]).idOf(data, start, end) : -1;
  }
}

/** The distinct byte strings of one text column, each given the next index (its text kept as latin1). */
class DistinctTexts {
  constructor() {
    /** @type {string[]} */
    this.texts = [];
    /** @type {Map<number, number>} the first index of each hash */
    this.byHash = new Map();
    /** @type {number[]} the next index of the same hash, or −1 */
    this.next = [];
    this.last = -1;
  }

  /** @param {Uint8Array} data @param {number} start @param {number} end */
  idOf(data, start, end) {
    if (this.last >= 0 && same(/** @type {string} */ (this.texts[this.last]), data, start, end)) return this.last;
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ /** @type {number} */ (data[i]), 0x01000193);
    hash &= 0x3fffffff; // a small integer, as the map keys are best kept
    const first = this.byHash.get(hash);
    for (let id = first ?? -1; id >= 0; id = /** @type {number} */ (this.next[id])) {
      if (same(/** @type {string} */ (this.texts[id]), data, start, end)) return (this.last = id);
    }
    const id = this.texts.length;
    let text = "";
    for (let i = start; i < end; i += 1) text += String.fromCharCode(/** @type {number} */ (data[i]));
    this.texts.push(text);
    this.next.push(first ?? -1);
    this.byHash.set(hash, id);
    return (this.last = id);
  }
}

/** @param {string} text @param {Uint8Array} data @param {number} start @param {number} end */
function same(text, data, start, end) {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) !== data[start + i]) return false;
  return true;
}

/** A list of 32-bit integers that grows by doubling. */
class GrowingInts {
  constructor() {
    this.values = new Int32Array(64);
    this.length = 0;
  }

  /** @param {number} a @param {number} b */
  push2(a, b) {
    if (this.length + 2 > this.values.length) this.grow();
    this.values[this.length] = a;
    this.values[this.length + 1] = b;
    this.length += 2;
  }

  /** @param {number} a @param {number} b @param {number} c @param {number} d */
  push4(a, b, c, d) {
    if (this.length + 4 > this.values.length) this.grow();
    this.values[this.length] = a;
    this.values[this.length + 1] = b;
    this.values[this.length + 2] = c;
    this.values[this.length + 3] = d;
    this.length += 4;
  }

  grow() {
    const grown = new Int32Array(this.values.length * 2);
    grown.set(this.values);
    this.values = grown;
  }

  ints() {
    return this.values.slice(0, this.length);
  }
}

/**
 * Where the pieces of data[start, end) begin, each moved on to just past a `\n`: the first pieces small
 * (64 KB, doubling), so each thread's first calls finish soon and the compiler sees every part of readPiece
 * run before it optimises the loop; then every `bytes` or so. The last piece ends at `end`.
 * @param {Uint8Array} data @param {number} start @param {number} end @param {number} bytes
 * @returns {number[]} the piece boundaries, first `start`, last `end`
 */
export function pieceBounds(data, start, end, bytes) {
  const bounds = [start];
  let size = Math.min(bytes, 1 << 16);
  for (let at = start + size; at < end; at = /** @type {number} */ (bounds[bounds.length - 1]) + size) {
    const newline = data.indexOf(NEWLINE, at);
    if (newline < 0 || newline + 1 >= end) break;
    bounds.push(newline + 1);
    size = Math.min(bytes, size * 2);
  }
  bounds.push(end);
  return bounds;
}
