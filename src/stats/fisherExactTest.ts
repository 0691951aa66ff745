/**
 * Fisher's exact test for a 2 × 2 table, two-sided as R's `fisher.test`: the sum of the
 * hypergeometric probabilities of every table with the same margins that is no more
 * likely than the observed one (relative tolerance 1 + 1e-7).
 */
import { logBeta } from "./logGamma.ts";

/**
 * @param a treated with the outcome  @param b treated without
 * @param c control with the outcome  @param d control without
 */
export function fisherExactTest(a: number, b: number, c: number, d: number): { p: number } {
  if (![a, b, c, d].every((x) => Number.isInteger(x) && x >= 0)) throw new Error("fisherExactTest requires four non-negative integer counts");
  const row1 = a + b;
  const column1 = a + c;
  const n = a + b + c + d;
  const low = Math.max(0, column1 - (n - row1));
  const high = Math.min(row1, column1);
  const logChoose = (m: number, k: number) => -Math.log(m + 1) - logBeta(k + 1, m - k + 1);
  const logDensity = (x: number) => logChoose(row1, x) + logChoose(n - row1, column1 - x) - logChoose(n, column1);
  const observed = logDensity(a);
  let p = 0;
  for (let x = low; x <= high; x += 1) {
    const density = logDensity(x);
    if (density <= observed + Math.log1p(1e-7)) p += Math.exp(density);
  }
  return { p: Math.min(1, p) };
}
