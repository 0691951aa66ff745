/**
 * Internal rate of return of dated cash flows (Excel's and LibreOffice's XIRR): the r at which
 *
 *   Σᵢ cᵢ / (1 + r)^((dᵢ − d₀) / 365) = 0,
 *
 * days dᵢ counted actual/365 from the earliest date d₀. The flows may come in any order. A thin entry
 * over internalRateOfReturn, which documents the bracketing and the reasons returned instead of a rate.
 *
 * Reference: Microsoft, "XIRR function" (Excel documentation): 37.34 % for its example.
 * Checked against scipy.optimize.brentq on the same sum (fixtures/reference/irr.py → irr.json).
 *
 * @param flows each flow's date (yyyy-mm-dd) and amount, negative for money paid in
 * @example datedInternalRateOfReturn([{ date: "2021-01-01", amount: -1000 }, { date: "2023-01-01", amount: 1210 }]) // { rate: 0.1, reason: null } (730 days = 2 years)
 */
import { internalRateOfReturn, type IrrResult } from "./internalRateOfReturn.ts";

const DAY_MS = 86_400_000;

export function datedInternalRateOfReturn(flows: readonly { readonly date: string; readonly amount: number }[]): IrrResult {
  const days = flows.map((f) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(f.date);
    if (match === null) throw new Error("datedInternalRateOfReturn requires dates as yyyy-mm-dd");
    return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
  });
  const start = Math.min(...days);
  return internalRateOfReturn(
    flows.map((f) => f.amount),
    days.map((d) => (d - start) / 365),
  );
}
