/**
 * Least squares from the cross-products, for large n: XᵀX and Xᵀy in one pass over the
 * rows (in blocks of BLOCK_ROWS, each block summed on its own and then added, so the
 * rounding grows with n / BLOCK_ROWS + BLOCK_ROWS rather than n), then a Cholesky
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

export const BLOCK_ROWS = 1024;
/**
 * sⱼ below this: collinear, dropped — a tenth of the rule's 1e-14, as rounding leaves sⱼ of an exactly collinear
 * column at up to about 1e-15 in this precision (the QR's remaining-norm ratio is then far below 1e-7).
 */
export const DROP_BELOW = 1e-15;
/** sⱼ above this: kept (far above the rule's 1e-14). Between the two the path declines. */
export const KEEP_ABOVE = 1e-12;
/** Largest bound on the scaled condition number (k · trace(C⁻¹)) this path accepts. */
export const MAXIMUM_CONDITION = 1e5;

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
 * Writes rows [start, start + count) of the design into `block`, column-major: column j at
 * j × BLOCK_ROWS. Each column is written by a loop of its own kind, so the loops stay simple.
 */
export function fillBlock(columns: readonly DesignColumn[], start: number, count: number, block: Float64Array): void {
  for (let j = 0; j < columns.length; j += 1) {
    const { values, centre, times } = columns[j]!;
    const at = j * BLOCK_ROWS - start;
    const end = start + count;
    if (values === null) {
      if (times) for (let i = start; i < end; i += 1) block[at + i] = times[i]!;
      else block.fill(1, at + start, at + end);
    } else if (centre === undefined && !times) {
      for (let i = start; i < end; i += 1) block[at + i] = values[i]!;
    } else if (!times) {
      const c = centre!;
      for (let i = start; i < end; i += 1) block[at + i] = values[i]! - c;
    } else {
      const c = centre ?? 0;
      for (let i = start; i < end; i += 1) block[at + i] = (values[i]! - c) * times[i]!;
    }
  }
}

/** Σᵣ a[r] b[r] over two columns of one block (offsets into it), in four running sums. */
export function dot(block: Float64Array, a: number, b: number, count: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let r = 0;
  for (; r + 3 < count; r += 4) {
    s0 += block[a + r]! * block[b + r]!;
    s1 += block[a + r + 1]! * block[b + r + 1]!;
    s2 += block[a + r + 2]! * block[b + r + 2]!;
    s3 += block[a + r + 3]! * block[b + r + 3]!;
  }
  for (; r < count; r += 1) s0 += block[a + r]! * block[b + r]!;
  return s0 + s1 + (s2 + s3);
}

/** XᵀX (lower triangle, row-major p × p) and Xᵀy in one blocked pass. */
export function crossProducts(columns: readonly DesignColumn[], y: ArrayLike<number>): { xtx: Float64Array; xty: Float64Array } {
  const n = y.length;
  const p = columns.length;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  // The outcome rides along as column p of the block.
  const withOutcome = [...columns, { name: "", values: y }];
  const block = new Float64Array(BLOCK_ROWS * (p + 1));
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const count = Math.min(BLOCK_ROWS, n - start);
    fillBlock(withOutcome, start, count, block);
    for (let a = 0; a < p; a += 1) {
      const at = a * BLOCK_ROWS;
      xty[a]! += dot(block, at, p * BLOCK_ROWS, count);
      for (let b = 0; b <= a; b += 1) xtx[a * p + b]! += dot(block, at, b * BLOCK_ROWS, count);
    }
  }
  return { xtx, xty };
}

/**
 * The fit from the cross-products with R's rank rule, or null when this precision cannot
 * promise the QR's answer (see the file comment).
 */
export function gramLeastSquares(columns: readonly DesignColumn[], y: ArrayLike<number>): GramFactor | null {
  const n = y.length;
  const p = columns.length;
  for (const c of columns) {
    if ((c.values !== null && c.values.length !== n) || (c.times !== undefined && c.times.length !== n)) throw new Error("gramLeastSquares requires every column to have one value per unit");
  }
  const { xtx, xty } = crossProducts(columns, y);
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
  const correction = solve(residualCrossProduct(keptColumns, y, first));
  const coefficients = Array.from(first, (b, a) => b + correction[a]!);
  return { n, kept, dropped, coefficients, w, xtxInverse };
}

/** Xᵀ(y − Xβ) in one blocked pass. */
export function residualCrossProduct(columns: readonly DesignColumn[], y: ArrayLike<number>, coefficients: ArrayLike<number>): Float64Array {
  const n = y.length;
  const k = columns.length;
  const out = new Float64Array(k);
  const block = new Float64Array(BLOCK_ROWS * (k + 1));
  const residual = k * BLOCK_ROWS;
  const withOutcome = [...columns, { name: "", values: y }];
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const count = Math.min(BLOCK_ROWS, n - start);
    fillBlock(withOutcome, start, count, block);
    for (let a = 0; a < k; a += 1) {
      const b = coefficients[a]!;
      const at = a * BLOCK_ROWS;
      for (let r = 0; r < count; r += 1) block[residual + r]! -= block[at + r]! * b;
    }
    for (let a = 0; a < k; a += 1) out[a]! += dot(block, a * BLOCK_ROWS, residual, count);
  }
  return out;
}
