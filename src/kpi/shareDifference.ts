/**
 * The difference between two arms' shares with a normal-approximation interval, from each arm's share and
 * standard error: d = p₁ − p₀, se = √(se₁² + se₀²), d ± z·se. The arms are independent, so the variances add.
 *
 * - Kaplan–Meier shares at a horizon h (1 − S(h)): each se is Greenwood's, as R's
 *   `summary(survfit(Surv(time, event) ~ arm), times = h)$std.err` (Klein & Moeschberger 2003, §7.8).
 * - Risk difference of two observed shares x/n: se = √(p(1 − p)/n), the Wald interval, as R's
 *   `prop.test(c(x1, x0), c(n1, n0), correct = FALSE)$conf.int`.
 */
import { normalQuantile } from "../stats/distributions.ts";

export function shareDifference(arm: { share: number; stdError: number }, comparison: { share: number; stdError: number }, confidence = 0.95): { difference: number; stdError: number; interval: [number, number] | null } {
  const difference = arm.share - comparison.share;
  const stdError = Math.sqrt(arm.stdError ** 2 + comparison.stdError ** 2);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  return { difference, stdError, interval: stdError > 0 ? [difference - z * stdError, difference + z * stdError] : null };
}

/** The Wald standard error of an observed share x/n, √(p(1 − p)/n). */
export function binomialStdError(achieved: number, persons: number): number {
  if (!(persons > 0)) throw new Error("binomialStdError requires persons > 0");
  const p = achieved / persons;
  return Math.sqrt((p * (1 - p)) / persons);
}
