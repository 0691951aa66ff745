/**
 * The regularised incomplete beta function I_x(a, b) and its complement, each
 * computed directly where it is small, so tail probabilities keep their relative
 * accuracy. Continued fraction by the modified Lentz method (Numerical Recipes §6.4;
 * DiDonato & Morris, TOMS 708, for the choice of side).
 */
import { logBeta } from "./logGamma.ts";

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/** Continued fraction for I_x(a, b) · a · B(a, b) / (x^a (1−x)^b). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m += 1) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return h;
  }
  throw new Error("betaContinuedFraction did not converge");
}

/**
 * Regularised incomplete beta: lower = I_x(a, b), upper = 1 − I_x(a, b).
 * @param x in [0, 1]
 * @param y 1 − x, passed separately so that a value near 1 loses no digits
 * @example incompleteBeta(0.5, 0.5, 2, 3).lower // 0.6875
 */
export function incompleteBeta(x: number, y: number, a: number, b: number): { lower: number; upper: number } {
  if (!(x >= 0 && x <= 1 && a > 0 && b > 0)) throw new Error("incompleteBeta requires 0 <= x <= 1, a > 0 and b > 0");
  if (x === 0) return { lower: 0, upper: 1 };
  if (y === 0) return { lower: 1, upper: 0 };
  // log x from y when x is near 1 (and vice versa): with a large a, a · log x would otherwise amplify x's rounding.
  const logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  const front = Math.exp(a * logX + b * logY - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (front * betaContinuedFraction(x, a, b)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (front * betaContinuedFraction(y, b, a)) / b;
  return { lower: 1 - upper, upper };
}
