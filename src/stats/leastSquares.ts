/**
 * Ordinary least squares by Householder QR, with the rank check R's lm uses
 * (LINPACK dqrdc2): a column whose remaining norm falls below 1e-7 of its original
 * norm is collinear with the columns before it, and is dropped — by name, never
 * silently. Returns what HC standard errors need: coefficients, residuals, (XᵀX)⁻¹ and
 * each unit's leverage.
 */

export const COLLINEARITY_TOLERANCE = 1e-7;

export interface LeastSquaresFit {
  /** Names of the columns kept, in order. */
  readonly names: string[];
  /** Columns dropped as collinear with earlier ones. */
  readonly dropped: string[];
  readonly coefficients: number[];
  readonly residuals: Float64Array;
  /** (XᵀX)⁻¹ over the kept columns. */
  readonly xtxInverse: number[][];
  /** hᵢ = xᵢᵀ (XᵀX)⁻¹ xᵢ. */
  readonly leverage: Float64Array;
  readonly n: number;
  readonly rank: number;
}

/**
 * @param columns the design matrix as named columns (include the intercept yourself)
 * @param y the outcome
 */
// numerical kernel: Householder QR, back-substitution, (XᵀX)⁻¹ and leverage share R and the reflections, step by step as in LINPACK dqrdc2
export function leastSquares(columns: readonly { name: string; values: ArrayLike<number> }[], y: ArrayLike<number>): LeastSquaresFit {
  const n = y.length;
  if (columns.some((c) => c.values.length !== n)) throw new Error("leastSquares requires every column to have one value per unit");
  const work = columns.map((c) => Float64Array.from(c.values));
  const qty = Float64Array.from(y);
  const kept: number[] = [];
  const dropped: string[] = [];
  const householder: { v: Float64Array; beta: number; row: number }[] = [];
  const rColumns: Float64Array[] = [];

  for (let j = 0; j < work.length; j += 1) {
    const column = work[j]!;
    // Apply the reflections found so far to this column.
    for (const h of householder) applyReflection(h, column);
    const row = kept.length;
    let originalNorm = 0;
    for (let i = 0; i < n; i += 1) originalNorm += (columns[j]!.values[i] as number) ** 2;
    originalNorm = Math.sqrt(originalNorm);
    let remaining = 0;
    for (let i = row; i < n; i += 1) remaining += column[i]! * column[i]!;
    remaining = Math.sqrt(remaining);
    if (row >= n || originalNorm === 0 || remaining < COLLINEARITY_TOLERANCE * originalNorm) {
      dropped.push(columns[j]!.name);
      continue;
    }
    const alpha = column[row]! > 0 ? -remaining : remaining;
    const v = new Float64Array(n);
    v[row] = column[row]! - alpha;
    for (let i = row + 1; i < n; i += 1) v[i] = column[i]!;
    let vNorm2 = 0;
    for (let i = row; i < n; i += 1) vNorm2 += v[i]! * v[i]!;
    const h = { v, beta: vNorm2 === 0 ? 0 : 2 / vNorm2, row };
    applyReflection(h, column);
    householder.push(h);
    kept.push(j);
    rColumns.push(column.slice(0, row + 1));
  }
  for (const h of householder) applyReflection(h, qty);

  const k = kept.length;
  if (k === 0) throw new Error("leastSquares requires at least one column that is not zero");
  // R is k × k upper triangular: R[i][j] = rColumns[j][i].
  const r = (i: number, j: number) => (i <= j ? rColumns[j]![i]! : 0);
  const coefficients = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i -= 1) {
    let sum = qty[i]!;
    for (let j = i + 1; j < k; j += 1) sum -= r(i, j) * coefficients[j]!;
    coefficients[i] = sum / r(i, i);
  }
  // R⁻¹ by back-substitution; (XᵀX)⁻¹ = R⁻¹ R⁻ᵀ.
  const rInverse = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j += 1) {
    rInverse[j]![j] = 1 / r(j, j);
    for (let i = j - 1; i >= 0; i -= 1) {
      let sum = 0;
      for (let m = i + 1; m <= j; m += 1) sum += r(i, m) * rInverse[m]![j]!;
      rInverse[i]![j] = -sum / r(i, i);
    }
  }
  const xtxInverse = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let sum = 0;
      for (let m = Math.max(i, j); m < k; m += 1) sum += rInverse[i]![m]! * rInverse[j]![m]!;
      return sum;
    }),
  );
  const residuals = new Float64Array(n);
  const leverage = new Float64Array(n);
  const keptValues = kept.map((j) => columns[j]!.values);
  const row = new Array<number>(k);
  for (let i = 0; i < n; i += 1) {
    let fitted = 0;
    for (let j = 0; j < k; j += 1) {
      row[j] = keptValues[j]![i] as number;
      fitted += row[j]! * coefficients[j]!;
    }
    residuals[i] = (y[i] as number) - fitted;
    // hᵢ = ‖R⁻ᵀ xᵢ‖²
    let h = 0;
    for (let m = 0; m < k; m += 1) {
      let s = 0;
      for (let j = 0; j <= m; j += 1) s += rInverse[j]![m]! * row[j]!;
      h += s * s;
    }
    leverage[i] = h;
  }
  return { names: kept.map((j) => columns[j]!.name), dropped, coefficients, residuals, xtxInverse, leverage, n, rank: k };
}

function applyReflection(h: { v: Float64Array; beta: number; row: number }, target: Float64Array): void {
  if (h.beta === 0) return;
  let dot = 0;
  for (let i = h.row; i < target.length; i += 1) dot += h.v[i]! * target[i]!;
  const scale = h.beta * dot;
  for (let i = h.row; i < target.length; i += 1) target[i]! -= scale * h.v[i]!;
}
