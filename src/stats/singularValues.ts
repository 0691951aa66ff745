/**
 * Singular value decomposition of a tall matrix by one-sided Jacobi rotations
 * (Hestenes 1958; Demmel & Veselić 1992): accurate for small singular values, which
 * decide the rank of a covariance matrix. Suited to the few columns of a balance table.
 */

export interface SingularValueDecomposition {
  /** Singular values, largest first. */
  readonly values: number[];
  /** Right singular vectors: columns[j] belongs to values[j]; each has one entry per matrix column. */
  readonly vectors: number[][];
}

/**
 * @param columns the matrix as its columns (each of length n)
 */
export function singularValueDecomposition(columns: readonly (readonly number[])[]): SingularValueDecomposition {
  const p = columns.length;
  const u = columns.map((c) => [...c]);
  const v = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j): number => (i === j ? 1 : 0)));
  const n = u[0]?.length ?? 0;
  for (let sweep = 0; sweep < 100; sweep += 1) {
    let rotated = false;
    for (let j = 0; j < p - 1; j += 1) {
      for (let k = j + 1; k < p; k += 1) {
        const a = u[j]!;
        const b = u[k]!;
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < n; i += 1) {
          alpha += a[i]! * a[i]!;
          beta += b[i]! * b[i]!;
          gamma += a[i]! * b[i]!;
        }
        if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta) || gamma === 0) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < n; i += 1) {
          const x = a[i]!;
          const y = b[i]!;
          a[i] = c * x - s * y;
          b[i] = s * x + c * y;
        }
        const vj = v[j]!;
        const vk = v[k]!;
        for (let i = 0; i < p; i += 1) {
          const x = vj[i]!;
          const y = vk[i]!;
          vj[i] = c * x - s * y;
          vk[i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const norms = u.map((column) => Math.sqrt(column.reduce((sum, x) => sum + x * x, 0)));
  const order = [...norms.keys()].sort((a, b) => norms[b]! - norms[a]!);
  return { values: order.map((i) => norms[i]!), vectors: order.map((i) => v[i]!) };
}
