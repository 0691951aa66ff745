/**
 * The Wilson score interval for a share x/n (Wilson 1927), as R's
 * `prop.test(x, n, correct = FALSE)$conf.int`: centre (p̂ + z²/2n)/(1 + z²/n),
 * half-width z √(p̂(1 − p̂)/n + z²/4n²)/(1 + z²/n). Well-behaved at 0, 1 and small n.
 */
import { normalQuantile } from "./distributions.ts";

export function wilsonInterval(successes: number, n: number, confidence = 0.95): [number, number] {
  if (!(n > 0) || successes < 0 || successes > n) throw new Error("wilsonInterval requires 0 <= successes <= n and n > 0");
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
