/**
 * robustRegression (HC2, as lm + sandwich::vcovHC(type = "HC2")) for large n, in two
 * passes over the rows and no copy of the design: the first (gramLeastSquares) gives the
 * coefficients and (XᵀX)⁻¹ with R's rank rule; the second gives each unit's residual eᵢ,
 * leverage hᵢ = ‖W xᵢ‖² and the meat Σᵢ eᵢ² / (1 − hᵢ) · xᵢxᵢᵀ, summed in stripes of rows
 * over every core (gramThreads.ts; the numbers do not depend on the number of threads).
 * V = (XᵀX)⁻¹ · meat · (XᵀX)⁻¹, df = N − rank.
 *
 * Returns null — use robustRegression — where this path cannot promise the QR's answer
 * (see gramLeastSquares.ts), where a unit's leverage is 1 or df < 1 (robustRegression
 * names those), so its answers are robustRegression's to 1e-10 (tests/stats/gramRobustRegression.test.ts).
 */
import { designArrays, gramLeastSquares, type DesignColumn } from "./gramLeastSquares.ts";
import { StripeThreads } from "./gramThreads.ts";
import { coefficientRows, sandwich, type RobustFit } from "./robustRegression.ts";

/**
 * @param options.threads this one included (by default: every core from PARALLEL_MINIMUM_ROWS rows on); the numbers do not depend on it
 * @param options.onlyWorkers every stripe to the workers (tests); options.onPool sees the threads' pool (tests)
 */
export function gramRobustRegression(
  columns: readonly DesignColumn[],
  y: ArrayLike<number>,
  confidence = 0.95,
  options: { threads?: number; onlyWorkers?: boolean; onPool?: (pool: StripeThreads) => void } = {},
): RobustFit | null {
  const pool = new StripeThreads(designArrays(columns, y), y.length, options.threads, options.onlyWorkers);
  options.onPool?.(pool);
  return fitHc2(columns, y, confidence, pool);
}

function fitHc2(columns: readonly DesignColumn[], y: ArrayLike<number>, confidence: number, pool: StripeThreads): RobustFit | null {
  const fit = gramLeastSquares(columns, y, pool);
  if (!fit) return null;
  const n = fit.n;
  const k = fit.kept.length;
  const df = n - k;
  if (df < 1) return null;
  const kept = fit.kept.map((j) => columns[j]!);
  // Residuals, leverages hᵢ = ‖W xᵢ‖² and the meat Σᵢ eᵢ² / (1 − hᵢ) · xᵢxᵢᵀ in one pass (gramStripes.js).
  const sums = pool.sums({ pass: "hc2", design: [...kept, { name: "", values: y }], coefficients: Float64Array.from(fit.coefficients), w: fit.w });
  if (sums[k * k + 1]! > 0) return null; // a leverage of 1: robustRegression names it
  const meat = sums.subarray(0, k * k);
  const residualSumOfSquares = sums[k * k]!;
  const meatMatrix = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, c) => (a >= c ? meat[a * k + c]! : meat[c * k + a]!)));
  const covariance = sandwich(fit.xtxInverse, meatMatrix);
  const coefficients = coefficientRows(kept.map((c) => c.name), fit.coefficients, covariance, df, confidence);
  return { coefficients, covariance, dropped: fit.dropped, df, n, residualSumOfSquares, undefinedStandardErrors: [] };
}
