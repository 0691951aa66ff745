/**
 * The noncentral t distribution's CDF, P(T ≤ t) with `df` degrees of freedom and
 * noncentrality `ncp`: the twin series of Guenther (1978) and Lenth's AS 243 (1989), as
 * R's `pt(t, df, ncp)` (nmath/pnt.c), with R's normal approximation above df = 4e5.
 */
import { incompleteBeta } from "./incompleteBeta.ts";
import { logGamma } from "./logGamma.ts";
import { normalUpperTail, studentTCdf } from "./distributions.ts";

const SQRT_2_OVER_PI = 0.797884560802865355879892119869;
const LN_SQRT_PI = 0.572364942924700087071713675677;

const normalCdf = (x: number) => normalUpperTail(-x);

export function noncentralTCdf(t: number, df: number, ncp: number): number {
  if (!(df > 0)) throw new Error("noncentralTCdf requires df > 0");
  if (ncp === 0) return studentTCdf(t, df);
  if (!Number.isFinite(t)) return t < 0 ? 0 : 1;
  let negative = false;
  let tt = t;
  let del = ncp;
  if (t < 0) {
    if (ncp > 40) return 0;
    negative = true;
    tt = -t;
    del = -ncp;
  }
  if (df > 4e5 || del * del > 2 * Math.LN2 * 1021) {
    // Abramowitz & Stegun 26.7.10
    const s = 1 / (4 * df);
    const z = (tt * (1 - s) - del) / Math.sqrt(1 + tt * tt * 2 * s);
    const lower = normalCdf(z);
    return negative ? 1 - lower : lower;
  }
  let x = t * t;
  x = x / (x + df);
  let tnc = 0;
  if (x > 0) {
    const lambda = del * del;
    let p = 0.5 * Math.exp(-0.5 * lambda);
    if (p === 0) return negative ? 1 : 0;
    let q = SQRT_2_OVER_PI * p * del;
    let s = 0.5 - p;
    if (s < 1e-7) s = -0.5 * Math.expm1(-0.5 * lambda);
    let a = 0.5;
    const b = 0.5 * df;
    const rxb = Math.pow(1 - x, b);
    const albeta = LN_SQRT_PI + logGamma(b) - logGamma(0.5 + b);
    let xodd = incompleteBeta(x, 1 - x, a, b).lower;
    let godd = 2 * rxb * Math.exp(a * Math.log(x) - albeta);
    let product = b * x;
    let xeven = product < 2.220446049250313e-16 ? product : 1 - rxb;
    let geven = product * rxb;
    tnc = p * xodd + q * xeven;
    for (let it = 1; it <= 1000; it += 1) {
      a += 1;
      xodd -= godd;
      xeven -= geven;
      godd *= (x * (a + b - 1)) / a;
      geven *= (x * (a + b - 0.5)) / (a + 0.5);
      p *= lambda / (2 * it);
      q *= lambda / (2 * it + 1);
      tnc += p * xodd + q * xeven;
      s -= p;
      if (s < -1e-10) break;
      if (s <= 0 && it > 1) break;
      if (Math.abs(2 * s * (xodd - godd)) < 1e-12) break;
    }
  }
  tnc += normalCdf(-del);
  const value = Math.min(tnc, 1);
  return negative ? 1 - value : value;
}
