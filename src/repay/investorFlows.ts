/**
 * A contract's cash flows for the investors, dated, from its ledger: the capital out on the first period's start
 * date (the contract's start), each period's amount in on its settlement date when settled, else on its due date.
 * `settledOnly`: only what is settled by the as-of date (the return to date).
 */
import type { PeriodSummary } from "./schema.ts";

type FlowPeriod = Pick<PeriodSummary, "from" | "dueDate" | "status" | "amount" | "settledAmount" | "settlementDate">;

export function investorFlows(capital: number, periods: readonly FlowPeriod[], settledOnly: boolean): { date: string; amount: number }[] {
  const start = periods[0]?.from;
  if (start === undefined) return [];
  const flows = [{ date: start, amount: -capital }];
  for (const p of periods) {
    const amount = settledOnly ? (p.status === "settled" ? (p.settledAmount ?? 0) : 0) : p.amount;
    if (amount !== 0) flows.push({ date: p.settlementDate ?? p.dueDate, amount });
  }
  return flows;
}
