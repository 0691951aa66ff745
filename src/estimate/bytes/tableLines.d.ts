/** Types of tableLines.js (plain JavaScript so a worker thread loads it without tsx). */

/** How a table's lines are read: its delimiter and decimal mark (bytes), and what each column is. */
export interface Layout {
  readonly delimiter: number;
  readonly decimal: number;
  /** The header's columns. */
  readonly columns: number;
  /** Per column: its index among the number columns, or −1. */
  readonly numberSlot: Int32Array;
  /** Per column: 1 when it must be 0/1 (binary) or a count. */
  readonly binaryColumn: Uint8Array;
  readonly countColumn: Uint8Array;
  /** The text columns' places in the header (arm first). */
  readonly textAt: Int32Array;
}

/** One piece's rows, by column. */
export interface Piece {
  readonly rows: number;
  /** Per number column, one value a row (NaN: missing, or deferred). */
  readonly numbers: Float64Array[];
  /** Per text column, one index into `texts` a row (−1: empty). */
  readonly textIds: Int32Array[];
  /** Per text column, its distinct texts in the piece (the bytes as latin1, untrimmed). */
  readonly texts: string[][];
  /** Number cells for the checked parser: row, column, start, end (four integers each). */
  readonly deferred: Int32Array;
  /** Cells of 10 or more bytes, to check for a CPR-like value: start, end. */
  readonly long: Int32Array;
  /** A binary column held other than 0/1, or a count column a negative or fractional number. */
  readonly problem: boolean;
}

export const POWERS_OF_TEN: readonly number[];
export function readPiece(data: Uint8Array, start: number, end: number, layout: Layout): Piece;
export function pieceBounds(data: Uint8Array, start: number, end: number, bytes: number): number[];
