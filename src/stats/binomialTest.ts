/**
 * Exact two-sided binomial test (R `binom.test(x, n, p)`): the probability of every
 * outcome no more likely than the one observed, with R's relative tolerance 1 + 1e-7
 * for ties in probability.
 */
import { logBeta } from "./logGamma.ts";

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialProbability(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  // log C(n, k) = −log(n + 1) − log B(k + 1, n − k + 1)
  const logChoose = -Math.log(n + 1) - logBeta(k + 1, n - k + 1);
  return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

export function binomialTest(successes: number, trials: number, probability: number): { p: number; estimate: number } {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials || trials < 1) {
    throw new Error("binomialTest requires integers 0 <= successes <= trials, trials >= 1");
  }
  if (!(probability > 0 && probability < 1)) throw new Error("binomialTest requires 0 < probability < 1");
  const relativeError = 1 + 1e-7;
  const observed = binomialProbability(successes, trials, probability);
  const expected = trials * probability;
  const sum = (from: number, to: number) => {
    let total = 0;
    for (let k = from; k <= to; k += 1) total += binomialProbability(k, trials, probability);
    return total;
  };
  let p: number;
  if (successes === expected) p = 1;
  else if (successes < expected) {
    let y = 0;
    for (let k = Math.ceil(expected); k <= trials; k += 1) if (binomialProbability(k, trials, probability) <= observed * relativeError) y += 1;
    p = sum(0, successes) + sum(trials - y + 1, trials);
  } else {
    let y = 0;
    for (let k = 0; k <= Math.floor(expected); k += 1) if (binomialProbability(k, trials, probability) <= observed * relativeError) y += 1;
    p = sum(0, y - 1) + sum(successes, trials);
  }
  return { p: Math.min(1, p), estimate: successes / trials };
}
