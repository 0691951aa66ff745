/** Types of gramStripes.js (plain JavaScript so worker threads load it without tsx). */

/** A design column described, not copied: `values` and `times` index the pass's arrays (−1: the constant 1 / none); `centre` NaN: none. */
export interface StripeColumn {
  readonly values: number;
  readonly centre: number;
  readonly times: number;
}

/** One pass over the rows: its columns (the outcome last), the arrays they read, and what the pass needs. */
export interface Pass {
  readonly pass: "cross" | "residual" | "hc2";
  readonly columns: readonly StripeColumn[];
  readonly arrays: readonly ArrayLike<number>[];
  readonly n: number;
  /** residual and hc2: β over the kept columns. */
  readonly coefficients?: Float64Array;
  /** hc2: W = L⁻¹D⁻¹ (k × k lower, row-major). */
  readonly w?: Float64Array;
}

export const BLOCK_ROWS: number;
export const STRIPE_ROWS: number;
export function stripeCount(n: number): number;
export function resultLength(pass: Pass["pass"], p: number): number;
export function fillBlock(columns: readonly StripeColumn[], arrays: readonly ArrayLike<number>[], start: number, count: number, block: Float64Array): void;
export function dot(block: Float64Array, a: number, b: number, count: number): number;
export function runStripe(task: Pass, stripe: number, out: Float64Array, offset: number): void;
export function takeStripes(task: Pass, results: Float64Array, status: Int32Array, control: Int32Array, mark: number): void;
