import { describe, expect, it } from "vitest";
import { amount, type AmountPeriod } from "../../src/money/amount.ts";
import { economyTotals, inColumnUnit, netOf, type EconomyRow } from "../../src/money/economy.ts";

const to2030: AmountPeriod = { kind: "calendar", from: 2022, to: 2030 };
const whole = (kind: "capital" | "repayment" | "gross_saving" | "net", kr: number, budget: "investor" | "kommune_decentral" | "kommune_central" = "kommune_decentral", period: AmountPeriod = to2030) =>
  amount(kr, { kind, budget, scope: "whole_programme", period, sources: ["forecast"] });

describe("netOf(savings, repayment)", () => {
  it("netOf(8.3 mio. savings, 6.1 mio. repayment) = 2.2 mio. net on the same budget and scope", () => {
    const net = netOf(whole("gross_saving", 8_300_000), whole("repayment", 6_100_000));
    expect(net).toMatchObject({ kr: 2_200_000, kind: "net", budget: "kommune_decentral", scope: "whole_programme" });
  });

  it("netOf gives null on unlike budgets or a missing cell, and 'x' when either is suppressed", () => {
    expect(netOf(whole("gross_saving", 1), whole("repayment", 1, "kommune_central"))).toBeNull();
    expect(netOf(null, whole("repayment", 1))).toBeNull();
    expect(netOf("x", whole("repayment", 1))).toBe("x");
  });
});

describe("inColumnUnit(column, cell, horizon)", () => {
  it("inColumnUnit holds for the column's kind, budget and scope to the horizon, or any relative period", () => {
    expect(inColumnUnit("repayment", whole("repayment", 1), 2030)).toBe(true);
    expect(inColumnUnit("repayment", whole("repayment", 1), 2031)).toBe(false);
    expect(inColumnUnit("repayment", whole("repayment", 1, "kommune_central"), 2030)).toBe(false);
    expect(inColumnUnit("savings", whole("gross_saving", 1, "kommune_decentral", { kind: "relative", years: 5 }), 2030)).toBe(true);
  });
});

describe("economyTotals(rows, horizon)", () => {
  const row = (cells: Partial<EconomyRow>): EconomyRow => ({ investment: null, repayment: null, savings: null, net: null, ...cells });

  it("economyTotals sums the like cells per column (6.1 + 2.2 = 8.3 mio.) and sets the unlike rows apart by index", () => {
    const totals = economyTotals(
      [
        row({ investment: whole("capital", 4_000_000, "investor"), repayment: whole("repayment", 6_100_000) }),
        row({ investment: whole("capital", 3_000_000, "investor"), repayment: whole("repayment", 2_200_000) }),
        row({ repayment: whole("repayment", 1_631_070, "kommune_central") }),
      ],
      2030,
    );
    expect(totals.repayment.total).toMatchObject({ kr: 8_300_000 });
    expect(totals.repayment.apart).toEqual([2]);
    expect(totals.investment.total).toMatchObject({ kr: 7_000_000, kind: "capital" });
    expect(totals.savings).toEqual({ total: null, apart: [] });
  });

  it("economyTotals is 'x' for a column with a suppressed cell: the sum cannot be published", () => {
    const totals = economyTotals([row({ savings: "x" }), row({ savings: whole("gross_saving", 5) })], 2030);
    expect(totals.savings.total).toBe("x");
  });

  it("economyTotals adds a relative-period saving to calendar savings as counted to the horizon", () => {
    const totals = economyTotals([row({ savings: whole("gross_saving", 100) }), row({ savings: whole("gross_saving", 50, "kommune_decentral", { kind: "relative", years: 5 }) })], 2030);
    expect(totals.savings.total).toMatchObject({ kr: 150, period: { kind: "calendar", to: 2030 } });
  });
});
