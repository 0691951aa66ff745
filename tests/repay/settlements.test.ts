/** settleThrough: what `effekt settle --through` adds to the settlement file, and what it leaves alone. */
import { describe, expect, it } from "vitest";
import type { RepaymentArtefact } from "../../src/repay/index.ts";
import { emptySettlementFile, settleThrough } from "../../src/repay/settlements.ts";

const period = (name: string, dueDate: string, status: string, computedAmount: number | null, trueUp = 0) => ({ period: name, dueDate, status, computedAmount, trueUp, statusNote: status === "not_due" ? "no persons yet" : status });
const repayment = {
  contracts: [{ name: "c", periods: [period("y1", "2023-12-31", "due", 1000), period("y2", "2024-06-30", "due", 2000, 300), period("y3", "2024-06-30", "not_due", null), period("y4", "2024-12-31", "provisional", 4000)] }],
} as unknown as RepaymentArtefact;
const run = { manifestSha256: "b".repeat(64), asOf: "2024-09-30", evaluation: "e" };

describe("settleThrough(file, repayment, through, run)", () => {
  it("adds every due period with a due date on or before --through, at its computed amount and true-up; names what it skips", () => {
    const result = settleThrough(emptySettlementFile("e"), repayment, "2024-06-30", run);
    expect(result.added.map((s) => [s.period, s.amount, s.trueUp, s.settlementDate])).toEqual([["y1", 1000, 0, "2024-06-30"], ["y2", 2000, 300, "2024-06-30"]]);
    expect(result.skipped).toEqual([{ contract: "c", period: "y3", reason: "no persons yet" }]);
    expect(result.file.settlements).toHaveLength(2);
  });

  it("never rewrites a period already settled", () => {
    const first = settleThrough(emptySettlementFile("e"), repayment, "2023-12-31", run).file;
    const changed = { ...repayment, contracts: [{ ...repayment.contracts[0]!, periods: repayment.contracts[0]!.periods.map((p) => ({ ...p, computedAmount: 9999 })) }] } as unknown as RepaymentArtefact;
    const second = settleThrough(first, changed, "2024-06-30", run);
    expect(second.file.settlements.map((s) => [s.period, s.amount])).toEqual([["y1", 1000], ["y2", 9999]]);
  });
});
