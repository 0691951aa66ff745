/**
 * Ordinary least squares by Householder QR for large n: the same algorithm, rank rule (R's
 * dqrdc2 tolerance, COLLINEARITY_TOLERANCE) and order of every floating-point operation as
 * `leastSquares`, so the two give bit-identical fits (tests/stats/fastLeastSquares.test.ts) —
 * but on one column-major Float64Array with the reflections stored flat, and the fitted
 * values and leverages hᵢ = ‖R⁻ᵀxᵢ‖² accumulated column by column over all units at once
 * instead of unit by unit. Memory: two n × p arrays of doubles and a few n-vectors.
 */
import { COLLINEARITY_TOLERANCE, type LeastSquaresFit } from "./leastSquares.ts";

export function fastLeastSquares(columns: readonly { name: string; values: ArrayLike<number> }[], y: ArrayLike<number>): LeastSquaresFit {
  const n = y.length;
  const p = columns.length;
  if (columns.some((c) => c.values.length !== n)) throw new Error("leastSquares requires every column to have one value per unit");
  const work = new Float64Array(n * p);
  const reflections = new Float64Array(n * p);
  const beta: number[] = [];
  const kept: number[] = [];
  const dropped: string[] = [];
  const rColumns: Float64Array[] = [];
  const apply = (t: number, target: Float64Array, offset: number) => {
    const b = beta[t]!;
    if (b === 0) return;
    const base = t * n;
    let dot = 0;
    for (let i = t; i < n; i += 1) dot += reflections[base + i]! * target[offset + i]!;
    const scale = b * dot;
    for (let i = t; i < n; i += 1) target[offset + i]! -= scale * reflections[base + i]!;
  };

  for (let j = 0; j < p; j += 1) {
    const values = columns[j]!.values;
    const offset = j * n;
    let originalNorm = 0;
    for (let i = 0; i < n; i += 1) {
      const v = values[i] as number;
      work[offset + i] = v;
      originalNorm += v ** 2;
    }
    originalNorm = Math.sqrt(originalNorm);
    for (let t = 0; t < kept.length; t += 1) apply(t, work, offset);
    const row = kept.length;
    let remaining = 0;
    for (let i = row; i < n; i += 1) remaining += work[offset + i]! * work[offset + i]!;
    remaining = Math.sqrt(remaining);
    if (row >= n || originalNorm === 0 || remaining < COLLINEARITY_TOLERANCE * originalNorm) {
      dropped.push(columns[j]!.name);
      continue;
    }
    const alpha = work[offset + row]! > 0 ? -remaining : remaining;
    const base = row * n;
    reflections[base + row] = work[offset + row]! - alpha;
    for (let i = row + 1; i < n; i += 1) reflections[base + i] = work[offset + i]!;
    let vNorm2 = 0;
    for (let i = row; i < n; i += 1) vNorm2 += reflections[base + i]! * reflections[base + i]!;
    beta.push(vNorm2 === 0 ? 0 : 2 / vNorm2);
    apply(row, work, offset);
    kept.push(j);
    rColumns.push(work.slice(offset, offset + row + 1));
  }
  const qty = Float64Array.from(y as ArrayLike<number>);
  for (let t = 0; t < kept.length; t += 1) apply(t, qty, 0);

  const k = kept.length;
  if (k === 0) throw new Error("leastSquares requires at least one column that is not zero");
  const r = (i: number, j: number) => (i <= j ? rColumns[j]![i]! : 0);
  const coefficients = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i -= 1) {
    let sum = qty[i]!;
    for (let j = i + 1; j < k; j += 1) sum -= r(i, j) * coefficients[j]!;
    coefficients[i] = sum / r(i, i);
  }
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
  // Fitted values and leverages over all units at once, each sum in the order leastSquares adds it.
  const original = kept.map((j) => {
    const values = columns[j]!.values;
    return values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>);
  });
  const fitted = new Float64Array(n);
  for (let j = 0; j < k; j += 1) {
    const x = original[j]!;
    const c = coefficients[j]!;
    for (let i = 0; i < n; i += 1) fitted[i] = fitted[i]! + x[i]! * c;
  }
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i += 1) residuals[i] = (y[i] as number) - fitted[i]!;
  const leverage = new Float64Array(n);
  const s = new Float64Array(n);
  for (let m = 0; m < k; m += 1) {
    s.fill(0);
    for (let j = 0; j <= m; j += 1) {
      const x = original[j]!;
      const w = rInverse[j]![m]!;
      for (let i = 0; i < n; i += 1) s[i] = s[i]! + w * x[i]!;
    }
    for (let i = 0; i < n; i += 1) leverage[i] = leverage[i]! + s[i]! * s[i]!;
  }
  return { names: kept.map((j) => columns[j]!.name), dropped, coefficients, residuals, xtxInverse, leverage, n, rank: k };
}
