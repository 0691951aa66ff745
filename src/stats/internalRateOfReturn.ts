/**
 * Internal rate of return: the rate r at which the net present value of the cash flows is zero,
 *
 *   NPV(r) = Σᵢ cᵢ / (1 + r)^tᵢ = 0,
 *
 * with tᵢ the time of flow i in years from the earliest flow. Without `years` the flows are periodic,
 * tᵢ = i (Excel's and LibreOffice's IRR, numpy-financial's `irr`); dated flows pass their times in years
 * (datedInternalRateOfReturn: actual/365, Excel's XIRR).
 *
 * Bracketing: NPV is scanned at 1,000 equal steps of ln(1 + r) from r = −0.9999 to r = 100
 * (IRR_RANGE); a sign change (or an exact zero) between two steps brackets a rate, which bisection then
 * narrows until the bracket cannot be halved in double precision. No number is returned when it could be
 * wrong; the reason is returned instead:
 *
 *   - `no_outflow`: no flow is negative (nothing paid in), `no_inflow`: no flow is positive (nothing back);
 *   - `no_rate_in_range`: NPV keeps one sign over the whole range (the rate, if any, lies outside it);
 *   - `several_rates`: NPV changes sign more than once, so several rates break even and none is "the" IRR.
 *
 * By Descartes' rule of signs (which holds for real exponents, Pólya & Szegő, Problems and Theorems in
 * Analysis II, part V, problem 77) NPV has at most as many roots in r > −1 as the flows, ordered by time,
 * have sign changes. With one sign change — money in, then money back — there is at most one rate and the
 * result is exact. With several, two roots closer together than one scan step (1.4 % of 1 + r) can go
 * unseen; a single bracketed rate is then still a true root of NPV.
 *
 * Reference: Microsoft, "IRR function" and "XIRR function" (Excel documentation); numpy-financial `irr`.
 * Checked against scipy.optimize.brentq on the same NPV (fixtures/reference/irr.py → irr.json).
 * Complexity: about 1,070 evaluations of NPV (1,001 in the scan, ~60 in the bisection), each O(n).
 *
 * @param amounts the cash flows, negative for money paid in, positive for money paid back
 * @param years the time of each flow in years; default 0, 1, 2, … (periodic flows)
 * @example internalRateOfReturn([-100, 110]) // { rate: 0.1, reason: null } (hand: 110 / 100 − 1)
 * @example internalRateOfReturn([-100, 0, 121]) // { rate: 0.1, reason: null } (hand: √1.21 − 1)
 * @example internalRateOfReturn([100, 50]) // { rate: null, reason: "no_outflow" }
 */
export type IrrReason = "no_outflow" | "no_inflow" | "no_rate_in_range" | "several_rates";
export type IrrResult = { readonly rate: number; readonly reason: null } | { readonly rate: null; readonly reason: IrrReason };

/** The rates searched: a loss of 99.99 % a year to a gain of 10,000 % a year. */
export const IRR_RANGE = { lowest: -0.9999, highest: 100 } as const;
const SCAN_STEPS = 1000;

export function internalRateOfReturn(amounts: readonly number[], years?: readonly number[]): IrrResult {
  if (years !== undefined && years.length !== amounts.length) throw new Error("internalRateOfReturn requires one time per amount");
  if (!amounts.every(Number.isFinite) || (years !== undefined && !years.every(Number.isFinite))) throw new Error("internalRateOfReturn requires finite amounts and times");
  if (!amounts.some((c) => c < 0)) return { rate: null, reason: "no_outflow" };
  if (!amounts.some((c) => c > 0)) return { rate: null, reason: "no_inflow" };
  const times = years ?? amounts.map((_, i) => i);
  const first = Math.min(...times);
  const npv = (r: number) => amounts.reduce((sum, c, i) => sum + c * (1 + r) ** -(times[i]! - first), 0);

  // 1. Scan ln(1 + r) for sign changes; each brackets one rate (an exact zero is a rate by itself).
  const logLow = Math.log1p(IRR_RANGE.lowest);
  const logHigh = Math.log1p(IRR_RANGE.highest);
  const brackets: [number, number][] = [];
  let previous: { r: number; sign: number } | null = null;
  for (let k = 0; k <= SCAN_STEPS; k += 1) {
    const r = k === 0 ? IRR_RANGE.lowest : k === SCAN_STEPS ? IRR_RANGE.highest : Math.expm1(logLow + ((logHigh - logLow) * k) / SCAN_STEPS);
    const sign = Math.sign(npv(r));
    if (sign === 0) brackets.push([r, r]);
    else if (previous !== null && previous.sign !== 0 && previous.sign !== sign) brackets.push([previous.r, r]);
    previous = { r, sign };
    if (brackets.length > 1) return { rate: null, reason: "several_rates" };
  }
  if (brackets.length === 0) return { rate: null, reason: "no_rate_in_range" };

  // 2. Bisect the one bracket to full double precision.
  let [low, high] = brackets[0]!;
  const lowSign = Math.sign(npv(low));
  for (let i = 0; i < 1100; i += 1) {
    const middle = (low + high) / 2;
    if (middle <= low || middle >= high) break;
    const sign = Math.sign(npv(middle));
    if (sign === 0) return { rate: middle, reason: null };
    if (sign === lowSign) low = middle;
    else high = middle;
  }
  return { rate: (low + high) / 2, reason: null };
}
