/**
 * A researcher's table (`effekt estimate --table`) read straight from the file's bytes into
 * columns: numbers parsed from the digits (the exact double `Number` gives: at most 15 digits,
 * one division by a power of ten, which IEEE rounds correctly), arms, blocks and subgroups
 * (and clusters) through a table of their distinct texts. A cell of 10 or more characters is made a string
 * and checked for a CPR-like value, as tableFromRows checks every cell.
 *
 * This reader only takes a table it can read whole without a problem: a cell it cannot decide
 * from its bytes is parsed by `parseNumber` as the checked path does, and any problem at all
 * (an empty arm, a value that is not a number, not 0/1 or not a count, a CPR-like value, a
 * missing column) returns null — the caller then reads the file with tableFromRows, which
 * names the problem (tests/estimate/bytes/tableFromBytes.test.ts holds the two to the same table).
 */
import { containsCpr } from "../../ingest/containsCpr.ts";
import { looksLikeCpr } from "../../ingest/looksLikeCpr.ts";
import { parseNumber } from "../../ingest/parseValue.ts";
import { CellTable } from "../../ingest/bytes/handOver.ts";
import type { AnalysisTable } from "../analysisTable.ts";
import type { TableOptions } from "../tableFromRows.ts";

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * @param header the header's fields (trimmed), on physical line `headerLines`
 * @param bytes the whole file in chunks (one-byte text, quote-free, one line ending: the fast reader's condition)
 */
export async function tableFromBytes(header: readonly string[], headerLines: number, bytes: () => AsyncIterable<Buffer>, delimiterText: string, options: TableOptions): Promise<AnalysisTable | null> {
  if (delimiterText.length !== 1 || delimiterText.charCodeAt(0) > 0x7f) return null;
  if (header.some((name) => containsCpr(name))) return null;
  const index = (name: string) => header.indexOf(name);
  const clusters = options.clusters ?? null;
  const wanted = [options.treatment, ...(options.blocks ? [options.blocks] : []), ...(clusters ? [clusters] : []), ...options.numeric, ...options.subgroups];
  if (wanted.some((c) => index(c) < 0)) return null;
  const delimiter = delimiterText.charCodeAt(0);
  const decimal = options.decimal.charCodeAt(0);
  const columns = header.length;

  const numericAt = options.numeric.map(index);
  const binaryAt = new Set(options.binary.filter((n) => options.numeric.includes(n)).map(index));
  const countAt = new Set(options.counts.filter((n) => options.numeric.includes(n)).map(index));
  const textAt = [...new Set([options.treatment, ...(options.blocks ? [options.blocks] : []), ...(clusters ? [clusters] : []), ...options.subgroups])].map(index);
  const clusterAt = clusters ? textAt.indexOf(index(clusters)) : -1;
  const texts = new CellTable<string>((text) => text.trim());

  let capacity = 1024;
  let numbers = numericAt.map(() => new Float64Array(capacity));
  const textValues = textAt.map(() => [] as string[]);
  let rowCount = 0;
  const starts = new Int32Array(columns);
  const ends = new Int32Array(columns);

  // Per column: its number's index in numericAt, or −1.
  const numberSlot = new Int32Array(columns).fill(-1);
  numericAt.forEach((c, k) => (numberSlot[c] = k));
  const binaryColumn = new Uint8Array(columns);
  for (const c of binaryAt) binaryColumn[c] = 1;
  const countColumn = new Uint8Array(columns);
  for (const c of countAt) countColumn[c] = 1;
  const MINUS = 0x2d;

  /**
   * False: a problem or a cell to leave to the checked path. One pass over the row's bytes: a number
   * column's digits are gathered as they pass (a plain `[-]digits[.digits]` of at most 15 digits is then
   * exact, as numberAt's fast path); any other cell of it is read by numberAt.
   */
  const take = (data: Buffer, start: number, stop: number): boolean => {
    if (rowCount === capacity) {
      capacity *= 2;
      numbers = numbers.map((old) => {
        const grown = new Float64Array(capacity);
        grown.set(old);
        return grown;
      });
    }
    let column = 0;
    let fieldStart = start;
    let mantissa = 0;
    let digits = 0;
    let fraction = -1;
    let plain = true;
    let negative = false;
    for (let i = start; ; i += 1) {
      const b = i < stop ? data[i]! : delimiter;
      if (b !== delimiter) {
        if (b >= 0x30 && b <= 0x39) {
          mantissa = mantissa * 10 + (b - 0x30);
          digits += 1;
          if (fraction >= 0) fraction += 1;
        } else if (b === decimal && fraction < 0 && digits > 0) fraction = 0;
        else if (b === MINUS && i === fieldStart) negative = true;
        else plain = false;
        continue;
      }
      // A cell ends at i. Every cell (columns past the header too) is checked for CPR-like values, as tableFromRows does.
      if (i - fieldStart >= 10 && cprLike(data.toString("latin1", fieldStart, i))) return false;
      if (column < columns) {
        const k = numberSlot[column]!;
        if (k >= 0) {
          let value: number | undefined;
          if (plain && digits > 0 && digits <= 15 && fraction !== 0) {
            const magnitude = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction]! : mantissa;
            value = negative ? -magnitude : magnitude;
          } else value = numberAt(data, fieldStart, i, decimal, options.decimal);
          if (value === undefined) return false;
          if (value === value && ((binaryColumn[column] === 1 && value !== 0 && value !== 1) || (countColumn[column] === 1 && (value < 0 || !Number.isInteger(value))))) return false;
          numbers[k]![rowCount] = value;
        }
        // Every column's place, as a number column may also be read as a text (a subgroup or blocks).
        starts[column] = fieldStart;
        ends[column] = i;
      }
      column += 1;
      if (i >= stop) break;
      fieldStart = i + 1;
      mantissa = 0;
      digits = 0;
      fraction = -1;
      plain = true;
      negative = false;
    }
    // A short row: its missing cells are empty (missing numbers, empty texts).
    for (let c = column; c < columns; c += 1) {
      const k = numberSlot[c]!;
      if (k >= 0) numbers[k]![rowCount] = NaN;
      starts[c] = ends[c] = 0;
    }
    for (let k = 0; k < textAt.length; k += 1) {
      const c = textAt[k]!;
      const text = ends[c]! > starts[c]! ? texts.getNear(data, starts[c]!, ends[c]!) : "";
      if ((k === 0 || k === clusterAt) && text === "") return false; // every person needs an arm (and a cluster, when clustered)
      textValues[k]!.push(text);
    }
    rowCount += 1;
    return true;
  };

  const scan = { line: 0, start: 0 };
  let carry: Buffer | null = null;
  for await (const chunk of bytes()) {
    const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    scan.start = 0;
    if (!takeLines(data, scan, headerLines, take)) return null;
    if (scan.start < data.length) carry = data.subarray(scan.start);
  }
  if (carry && carry.length > 0 && scan.line + 1 > headerLines && !take(carry, 0, carry.length)) return null;

  const columnsOut = new Map<string, (number | null)[]>();
  options.numeric.forEach((name, k) => {
    const values = new Array<number | null>(rowCount);
    const column = numbers[k]!;
    for (let i = 0; i < rowCount; i += 1) values[i] = column[i] !== column[i] ? null : column[i]!;
    columnsOut.set(name, values);
  });
  const textOf = (name: string) => textValues[textAt.indexOf(index(name))]!;
  const blocks = options.blocks ? [...textOf(options.blocks)] : null;
  return { arm: textOf(options.treatment), blocks, permutationStrata: blocks, clusters: clusters ? [...textOf(clusters)] : null, columns: columnsOut, subgroups: new Map(options.subgroups.map((s) => [s, [...textOf(s)]])) };
}

/**
 * Offers each whole line of `data` from scan.start on to `take` (the fast reader's lines: `\n` ends one,
 * a `\r` before it is dropped, empty lines skipped); false as soon as take refuses one. A plain function,
 * not the async reader, so its loop is compiled as a loop.
 */
function takeLines(data: Buffer, scan: { line: number; start: number }, headerLines: number, take: (data: Buffer, start: number, stop: number) => boolean): boolean {
  let start = scan.start;
  let line = scan.line;
  for (let end = data.indexOf(NEWLINE, start); end >= 0; end = data.indexOf(NEWLINE, start)) {
    line += 1;
    if (line > headerLines) {
      const stop = end > start && data[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
      if (stop > start && !take(data, start, stop)) return false;
    }
    start = end + 1;
  }
  scan.start = start;
  scan.line = line;
  return true;
}

function cprLike(cell: string): boolean {
  return looksLikeCpr(cell.trim()) || containsCpr(cell);
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
