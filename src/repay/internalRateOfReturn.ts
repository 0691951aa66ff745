/**
 * Internal rate of return of yearly cash flows: the r at which Σ cₜ / (1 + r)^t = 0,
 * t in years from the first flow. Found by bisection on (−0.9999, 100); null when the
 * flows do not change sign (no rate makes them break even).
 * @example internalRateOfReturn([-100, 0, 121]) // 0.1
 */
export function internalRateOfReturn(flows: readonly number[]): number | null {
  const npv = (r: number) => flows.reduce((sum, c, t) => sum + c / (1 + r) ** t, 0);
  const hasPositive = flows.some((c) => c > 0);
  const hasNegative = flows.some((c) => c < 0);
  if (!hasPositive || !hasNegative) return hasNegative && !hasPositive ? -1 : null;
  let low = -0.9999;
  let high = 100;
  if (npv(low) * npv(high) > 0) return null;
  for (let i = 0; i < 300; i += 1) {
    const middle = (low + high) / 2;
    if (npv(low) * npv(middle) <= 0) high = middle;
    else low = middle;
    if (high - low < 1e-14) break;
  }
  return (low + high) / 2;
}
