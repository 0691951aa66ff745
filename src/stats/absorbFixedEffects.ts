/**
 * Fixed effects absorbed by the within transformation, as estimatr's `fixed_effects = ~ block`:
 * every column and the outcome lose their block mean, x̃ᵢ = xᵢ − x̄_b(i). By Frisch–Waugh–Lovell the
 * coefficients of the demeaned regression are those of the regression with one dummy per block,
 * and its hat matrix is H = X̃(X̃ᵀX̃)⁻¹X̃ᵀ + H_FE with H_FE[i][j] = 1/n_b when i and j share block b
 * (the two parts are orthogonal). The residual degrees of freedom lose one per block.
 *
 * Reference: Frisch & Waugh (1933); Lovell (1963); estimatr's `lm_robust(fixed_effects =)`.
 */

export interface FixedEffects {
  /** The block of each unit, as an index into `sizes`. */
  readonly block: Int32Array;
  /** Persons per block. */
  readonly sizes: readonly number[];
  /** The block labels, in order of first appearance. */
  readonly labels: readonly string[];
}

/** Indexes the block of each unit. */
export function fixedEffects(labels: readonly string[]): FixedEffects {
  const index = new Map<string, number>();
  const block = new Int32Array(labels.length);
  const sizes: number[] = [];
  labels.forEach((label, i) => {
    let b = index.get(label);
    if (b === undefined) {
      b = index.size;
      index.set(label, b);
      sizes.push(0);
    }
    block[i] = b;
    sizes[b]! += 1;
  });
  return { block, sizes, labels: [...index.keys()] };
}

/** x − its block mean, per unit. */
export function demean(values: ArrayLike<number>, effects: FixedEffects): Float64Array {
  const sums = new Float64Array(effects.sizes.length);
  for (let i = 0; i < values.length; i += 1) sums[effects.block[i]!]! += values[i] as number;
  return Float64Array.from({ length: values.length }, (_, i) => (values[i] as number) - sums[effects.block[i]!]! / effects.sizes[effects.block[i]!]!);
}
