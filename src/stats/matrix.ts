/** Small dense matrices (row-major number[][]) for covariance algebra on a handful of coefficients. */

export type Matrix = number[][];

export function multiply(a: Matrix, b: Matrix): Matrix {
  const rows = a.length;
  const inner = b.length;
  const columns = b[0]?.length ?? 0;
  const out: Matrix = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  for (let i = 0; i < rows; i += 1) {
    for (let k = 0; k < inner; k += 1) {
      const aik = a[i]![k]!;
      if (aik === 0) continue;
      for (let j = 0; j < columns; j += 1) out[i]![j]! += aik * b[k]![j]!;
    }
  }
  return out;
}

export function transpose(a: Matrix): Matrix {
  return (a[0] ?? []).map((_, j) => a.map((row) => row[j]!));
}

/** Inverse of a symmetric positive-definite matrix by Cholesky; throws when it is not positive definite. */
export function invertSymmetric(a: Matrix): Matrix {
  const n = a.length;
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k += 1) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) throw new Error("invertSymmetric requires a positive-definite matrix");
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  // Invert L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
  const inverse: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    inverse[i]![i] = 1 / l[i]![i]!;
    for (let j = 0; j < i; j += 1) {
      let sum = 0;
      for (let k = j; k < i; k += 1) sum += l[i]![k]! * inverse[k]![j]!;
      inverse[i]![j] = -sum / l[i]![i]!;
    }
  }
  return multiply(transpose(inverse), inverse);
}

/** The quadratic form bᵀ A⁻¹ b for symmetric positive-definite A. */
export function waldStatistic(b: readonly number[], covariance: Matrix): number {
  const inverse = invertSymmetric(covariance);
  let total = 0;
  for (let i = 0; i < b.length; i += 1) for (let j = 0; j < b.length; j += 1) total += b[i]! * inverse[i]![j]! * b[j]!;
  return total;
}
