/**
 * robustRegression (HC2, as lm + sandwich::vcovHC(type = "HC2")) for large n, in two
 * passes over the rows and no copy of the design: the first (gramLeastSquares) gives the
 * coefficients and (XᵀX)⁻¹ with R's rank rule; the second gives each unit's residual eᵢ,
 * leverage hᵢ = ‖W xᵢ‖² and the meat Σᵢ eᵢ² / (1 − hᵢ) · xᵢxᵢᵀ, summed in blocks.
 * V = (XᵀX)⁻¹ · meat · (XᵀX)⁻¹, df = N − rank.
 *
 * Returns null — use robustRegression — where this path cannot promise the QR's answer
 * (see gramLeastSquares.ts), where a unit's leverage is 1 or df < 1 (robustRegression
 * names those), so its answers are robustRegression's to 1e-10 (tests/stats/gramRobustRegression.test.ts).
 */
import { BLOCK_ROWS, dot, fillBlock, gramLeastSquares, type DesignColumn } from "./gramLeastSquares.ts";
import { coefficientRows, sandwich, type RobustFit } from "./robustRegression.ts";

export function gramRobustRegression(columns: readonly DesignColumn[], y: ArrayLike<number>, confidence = 0.95): RobustFit | null {
  const fit = gramLeastSquares(columns, y);
  if (!fit) return null;
  const n = fit.n;
  const k = fit.kept.length;
  const df = n - k;
  if (df < 1) return null;
  const kept = fit.kept.map((j) => columns[j]!);
  const b = Float64Array.from(fit.coefficients);
  const w = fit.w;
  const meat = new Float64Array(k * k);
  // Block columns 0…k−1: the design; k: the residual; k + 1: W xᵢ for one row of W at a time; k + 2: the HC2 weight.
  const block = new Float64Array(BLOCK_ROWS * (k + 3));
  const residual = k * BLOCK_ROWS;
  const projected = (k + 1) * BLOCK_ROWS;
  const weight = (k + 2) * BLOCK_ROWS;
  const withOutcome = [...kept, { name: "", values: y }];
  let residualSumOfSquares = 0;
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const count = Math.min(BLOCK_ROWS, n - start);
    fillBlock(withOutcome, start, count, block);
    block.fill(0, weight, weight + count);
    for (let a = 0; a < k; a += 1) {
      const at = a * BLOCK_ROWS;
      const ba = b[a]!;
      for (let r = 0; r < count; r += 1) block[residual + r]! -= block[at + r]! * ba;
      // hᵢ = Σₐ (Σ_c W[a][c] x_c)², accumulated in the weight column.
      block.fill(0, projected, projected + count);
      for (let c = 0; c <= a; c += 1) {
        const wac = w[a * k + c]!;
        const atc = c * BLOCK_ROWS;
        for (let r = 0; r < count; r += 1) block[projected + r]! += wac * block[atc + r]!;
      }
      for (let r = 0; r < count; r += 1) block[weight + r]! += block[projected + r]! * block[projected + r]!;
    }
    for (let r = 0; r < count; r += 1) {
      const h = block[weight + r]!;
      if (h > 1 - 1e-10) return null;
      const e = block[residual + r]!;
      residualSumOfSquares += e * e;
      block[weight + r] = (e * e) / (1 - h);
    }
    // The meat Σᵢ wᵢ x_a x_b: (w ∘ x_a) in the projected column, then dot products.
    for (let a = 0; a < k; a += 1) {
      const at = a * BLOCK_ROWS;
      for (let r = 0; r < count; r += 1) block[projected + r] = block[weight + r]! * block[at + r]!;
      for (let c = 0; c <= a; c += 1) {
        meat[a * k + c]! += dot(block, projected, c * BLOCK_ROWS, count);
      }
    }
  }
  const meatMatrix = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, c) => (a >= c ? meat[a * k + c]! : meat[c * k + a]!)));
  const covariance = sandwich(fit.xtxInverse, meatMatrix);
  const coefficients = coefficientRows(kept.map((c) => c.name), fit.coefficients, covariance, df, confidence);
  return { coefficients, covariance, dropped: fit.dropped, df, n, residualSumOfSquares };
}
