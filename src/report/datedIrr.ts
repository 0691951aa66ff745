/**
 * The investors' internal rate of return from dated cash flows (Excel's XIRR): the r at which
 * Σ cᵢ / (1 + r)^((dᵢ − d₀) / 365) = 0, days counted actual/365 from the first flow. Found by
 * bisection on (−0.9999, 100). When no rate exists, the reason is returned instead of a number:
 * the flows never turn positive (nothing is repaid), never turn negative (no capital paid in),
 * or no single rate in that range makes them break even.
 * @example datedIrr([{ date: "2021-01-01", amount: -1000 }, { date: "2023-01-01", amount: 1210 }]) // { irr: 0.1 } (730 days = 2 years)
 */
import { parseDate } from "../ingest/parseValue.ts";

export type IrrResult = { readonly irr: number; readonly reason: null } | { readonly irr: null; readonly reason: "nothing_repaid" | "no_capital" | "no_single_rate" };

export function datedIrr(flows: readonly { readonly date: string; readonly amount: number }[]): IrrResult {
  const days = flows.map((f) => parseDate(f.date, "iso")!);
  const start = Math.min(...days);
  const years = days.map((d) => (d - start) / 365);
  if (!flows.some((f) => f.amount < 0)) return { irr: null, reason: "no_capital" };
  if (!flows.some((f) => f.amount > 0)) return { irr: null, reason: "nothing_repaid" };
  const npv = (r: number) => flows.reduce((sum, f, i) => sum + f.amount / (1 + r) ** years[i]!, 0);
  let low = -0.9999;
  let high = 100;
  if (npv(low) * npv(high) > 0) return { irr: null, reason: "no_single_rate" };
  for (let i = 0; i < 400 && high - low > 1e-13; i += 1) {
    const middle = (low + high) / 2;
    if (npv(low) * npv(middle) <= 0) high = middle;
    else low = middle;
  }
  return { irr: (low + high) / 2, reason: null };
}
