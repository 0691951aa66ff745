/**
 * The repeated confidence interval at a look (Jennison & Turnbull 1989, JRSS B 51:305–361; J&T 2000
 * ch. 9; rpact `getAnalysisResults()$repeatedConfidenceIntervalLowerBounds/UpperBounds`):
 *   estimate ± c_k · SE_k,
 * c_k the look's efficacy boundary. Intervals built this way at every look hold the effect
 * simultaneously with probability 1 − α (two-sided design; 1 − 2α for a one-sided one), so the
 * interval at a look is honest however many looks were taken, and excludes 0 exactly when the
 * boundary is crossed.
 *
 * @example repeatedConfidenceInterval(0.12, 0.05, 2.963) // { lower: −0.028…, upper: 0.268… }
 */
export function repeatedConfidenceInterval(estimate: number, standardError: number, boundary: number): { lower: number; upper: number } {
  if (!(standardError >= 0)) throw new Error("repeatedConfidenceInterval requires a standard error ≥ 0");
  if (boundary === Infinity) return { lower: -Infinity, upper: Infinity };
  return { lower: estimate - boundary * standardError, upper: estimate + boundary * standardError };
}
