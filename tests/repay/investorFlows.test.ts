/** The investors' dated flows from a ledger: capital on the first period's start, amounts on settlement or due dates. */
import { describe, expect, it } from "vitest";
import { investorFlows } from "../../src/repay/investorFlows.ts";

const periods = [
  { from: "2021-01-01", dueDate: "2021-12-31", status: "due" as const, amount: 300, settledAmount: null, settlementDate: null },
  { from: "2022-01-01", dueDate: "2022-12-31", status: "settled" as const, amount: 500, settledAmount: 500, settlementDate: "2023-03-15" },
  { from: "2023-01-01", dueDate: "2023-12-31", status: "not_due" as const, amount: 0, settledAmount: null, settlementDate: null },
];

describe("investorFlows(capital, periods, settledOnly)", () => {
  it("the whole contract: every non-zero amount on its settlement date, else its due date", () => {
    expect(investorFlows(1000, periods, false)).toEqual([
      { date: "2021-01-01", amount: -1000 },
      { date: "2021-12-31", amount: 300 },
      { date: "2023-03-15", amount: 500 },
    ]);
  });

  it("to date: settled amounts only", () => {
    expect(investorFlows(1000, periods, true)).toEqual([
      { date: "2021-01-01", amount: -1000 },
      { date: "2023-03-15", amount: 500 },
    ]);
  });

  it("no periods: no flows", () => {
    expect(investorFlows(1000, [], false)).toEqual([]);
  });
});
