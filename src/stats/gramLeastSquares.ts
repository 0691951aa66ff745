/**
 * Least squares from the cross-products, for large n: XᵀX and Xᵀy in one pass over the
 * rows (gramStripes.js: in stripes of blocks, each summed on its own and then added, so the
 * rounding grows far slower than n; the stripes spread over every core, gramThreads.ts, and
 * the sums do not depend on how many), then a Cholesky
 * factor of the scaled cross-product C = D⁻¹XᵀXD⁻¹ (D = the column norms) in column
 * order. The diagonal left for column j after the columns kept before it,
 * sⱼ = 1 − Σₖ Lₖⱼ², is (its remaining norm ÷ its original norm)², so R's rank rule
 * (lm's dqrdc2: drop a column whose remaining norm is below 1e-7 of its own, that is
 * sⱼ < 1e-14) is decided on the same quantity as the Householder QR of leastSquares.ts.
 *
 * The cross-product squares the condition number, so this path declines (returns null,
 * and the caller uses leastSquares.ts) whenever its answer could differ from the QR's:
 * a column whose sⱼ lies between DROP_BELOW and KEEP_ABOVE (too close to the rule's
 * threshold to decide in this precision), or a kept design whose scaled condition
 * number, bounded by k · trace(C⁻¹), exceeds MAXIMUM_CONDITION (where eps · κ would
 * approach 1e-10).
 *
 * Columns are described, not materialised: `values` (null = the constant 1), less
 * `centre`, times `times` — so Lin's centred and interacted columns cost no copy.
 */

/**
 * sⱼ below this: collinear, dropped — a tenth of the rule's 1e-14, as rounding leaves sⱼ of an exactly collinear
 * column at up to about 1e-15 in this precision (the QR's remaining-norm ratio is then far below 1e-7).
 */
export const DROP_BELOW = 1e-15;
/** sⱼ above this: kept (far above the rule's 1e-14). Between the two the path declines. */
export const KEEP_ABOVE = 1e-12;
/** Largest bound on the scaled condition number (k · trace(C⁻¹)) this path accepts. */
export const MAXIMUM_CONDITION = 1e5;

import { StripeThreads } from "./gramThreads.ts";

export interface DesignColumn {
  readonly name: string;
  /** null: the constant 1 (the intercept). */
  readonly values: ArrayLike<number> | null;
  /** Subtracted from every value before `times` (Lin's centring). */
  readonly centre?: number;
  /** Multiplies every (centred) value (Lin's interaction with the treatment indicator). */
  readonly times?: ArrayLike<number>;
}

export interface GramFactor {
  readonly n: number;
  /** Indices of the kept columns, in order. */
  readonly kept: number[];
  readonly dropped: string[];
  readonly coefficients: number[];
  /** W = L⁻¹D⁻¹ over the kept columns (k × k lower triangular, row-major): hᵢ = ‖W xᵢ‖², (XᵀX)⁻¹ = WᵀW. */
  readonly w: Float64Array;
  /** (XᵀX)⁻¹ over the kept columns. */
  readonly xtxInverse: number[][];
}

/**
 * The fit from the cross-products with R's rank rule, or null when this precision cannot
 * promise the QR's answer (see the file comment).
 */
export function gramLeastSquares(columns: readonly DesignColumn[], y: ArrayLike<number>, threads?: StripeThreads): GramFactor | null {
  const n = y.length;
  for (const c of columns) {
    if ((c.values !== null && c.values.length !== n) || (c.times !== undefined && c.times.length !== n)) throw new Error("gramLeastSquares requires every column to have one value per unit");
  }
  return factor(columns, y, threads ?? new StripeThreads(designArrays(columns, y), n));
}

/** Every array a pass over the design reads: the columns' values and factors, and the outcome. */
export function designArrays(columns: readonly DesignColumn[], y: ArrayLike<number>): ArrayLike<number>[] {
  return [...columns.flatMap((c) => [...(c.values ? [c.values] : []), ...(c.times ? [c.times] : [])]), y];
}

// numerical kernel: one streamed pass over up to 1 M rows for XᵀX, then a Cholesky of the scaled Gram matrix that drops collinear columns as it goes: one algorithm
function factor(columns: readonly DesignColumn[], y: ArrayLike<number>, threads: StripeThreads): GramFactor | null {
  const n = y.length;
  const p = columns.length;
  const withOutcome = [...columns, { name: "", values: y }];
  // XᵀX (lower triangle, row-major p × p) and Xᵀy, in one pass.
  const sums = threads.sums({ pass: "cross", design: withOutcome });
  const xtx = sums.subarray(0, p * p);
  const xty = sums.subarray(p * p);
  const norm = new Float64Array(p);
  for (let j = 0; j < p; j += 1) norm[j] = Math.sqrt(xtx[j * p + j]!);
  const scaled = (a: number, b: number) => (a >= b ? xtx[a * p + b]! : xtx[b * p + a]!) / (norm[a]! * norm[b]!);

  // Cholesky C_KK = UᵀU, column by column: u[m] holds column m of U (u[m][q] = U[q][m]).
  const kept: number[] = [];
  const dropped: string[] = [];
  const u: Float64Array[] = [];
  for (let j = 0; j < p; j += 1) {
    if (norm[j] === 0 || kept.length >= n) {
      dropped.push(columns[j]!.name);
      continue;
    }
    const k = kept.length;
    const column = new Float64Array(k + 1);
    let remaining = 1;
    for (let m = 0; m < k; m += 1) {
      let sum = scaled(kept[m]!, j);
      for (let q = 0; q < m; q += 1) sum -= column[q]! * u[m]![q]!;
      column[m] = sum / u[m]![m]!;
      remaining -= column[m]! * column[m]!;
    }
    if (remaining < DROP_BELOW) {
      dropped.push(columns[j]!.name);
      continue;
    }
    if (remaining <= KEEP_ABOVE) return null;
    column[k] = Math.sqrt(remaining);
    u.push(column);
    kept.push(j);
  }
  const k = kept.length;
  if (k === 0) return null;
  // V = U⁻¹ (upper); C_KK⁻¹ = V Vᵀ; W = Vᵀ D⁻¹ (lower).
  const v = Array.from({ length: k }, () => new Float64Array(k));
  for (let j = 0; j < k; j += 1) {
    v[j]![j] = 1 / u[j]![j]!;
    for (let i = j - 1; i >= 0; i -= 1) {
      let sum = 0;
      for (let m = i + 1; m <= j; m += 1) sum += u[m]![i]! * v[m]![j]!;
      v[i]![j] = -sum / u[i]![i]!;
    }
  }
  const w = new Float64Array(k * k);
  for (let a = 0; a < k; a += 1) for (let b = 0; b <= a; b += 1) w[a * k + b] = v[b]![a]! / norm[kept[b]!]!;
  let trace = 0;
  const scaledInverse = Array.from({ length: k }, (_, a) =>
    Array.from({ length: k }, (_, b) => {
      let sum = 0;
      for (let m = Math.max(a, b); m < k; m += 1) sum += v[a]![m]! * v[b]![m]!;
      return sum;
    }),
  );
  for (let a = 0; a < k; a += 1) trace += scaledInverse[a]![a]!;
  if (!(k * trace <= MAXIMUM_CONDITION)) return null;
  const xtxInverse = scaledInverse.map((row, a) => row.map((value, b) => value / (norm[kept[a]!]! * norm[kept[b]!]!)));
  // β = D⁻¹ s with Uᵀt = D⁻¹c (forward) and Us = t (back), for c = Xᵀy; then one step of iterative
  // refinement, β += (XᵀX)⁻¹ Xᵀ(y − Xβ), which brings the error of the normal equations down to the QR's
  // where y is nearly a combination of the columns (a large coefficient beside small ones).
  const solve = (rhs: ArrayLike<number>): Float64Array => {
    const t = new Float64Array(k);
    for (let i = 0; i < k; i += 1) {
      let sum = rhs[i]! / norm[kept[i]!]!;
      for (let q = 0; q < i; q += 1) sum -= u[i]![q]! * t[q]!;
      t[i] = sum / u[i]![i]!;
    }
    const out = new Float64Array(k);
    for (let i = k - 1; i >= 0; i -= 1) {
      let sum = t[i]!;
      for (let m = i + 1; m < k; m += 1) sum -= u[m]![i]! * out[m]!;
      out[i] = sum / u[i]![i]!;
    }
    for (let i = 0; i < k; i += 1) out[i]! /= norm[kept[i]!]!;
    return out;
  };
  const keptColumns = kept.map((j) => columns[j]!);
  const first = solve(kept.map((j) => xty[j]!));
  // Xᵀ(y − Xβ) in one more pass.
  const correction = solve(threads.sums({ pass: "residual", design: [...keptColumns, { name: "", values: y }], coefficients: first }));
  const coefficients = Array.from(first, (b, a) => b + correction[a]!);
  return { n, kept, dropped, coefficients, w, xtxInverse };
}
