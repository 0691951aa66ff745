/** The investors' IRR from dated flows (XIRR, actual/365): Excel's documented example, R's uniroot, closed forms. */
import { describe, expect, it } from "vitest";
import { datedIrr } from "../../src/report/datedIrr.ts";

describe("datedIrr(flows)", () => {
  it("gives Excel's XIRR example: 37,34 % (Microsoft's XIRR page; R uniroot on the same sum: 0.373362533519)", () => {
    const flows = [
      { date: "2008-01-01", amount: -10000 },
      { date: "2008-03-01", amount: 2750 },
      { date: "2008-10-30", amount: 4250 },
      { date: "2009-02-15", amount: 3250 },
      { date: "2009-04-01", amount: 2750 },
    ];
    expect(datedIrr(flows).irr).toBeCloseTo(0.373362533519, 9);
  });

  it("two flows 730 days apart: 1000 → 1210 is 10 % a year; order of the flows does not matter", () => {
    expect(datedIrr([{ date: "2021-01-01", amount: -1000 }, { date: "2023-01-01", amount: 1210 }]).irr).toBeCloseTo(0.1, 10);
    expect(datedIrr([{ date: "2023-01-01", amount: 1210 }, { date: "2021-01-01", amount: -1000 }]).irr).toBeCloseTo(0.1, 10);
  });

  it("a loss: 1000 in, 500 back after 803 days is 0,5^(365/803) − 1 = −27,0 % a year", () => {
    expect(datedIrr([{ date: "2021-01-01", amount: -1000 }, { date: "2023-03-15", amount: 500 }]).irr).toBeCloseTo(0.5 ** (365 / 803) - 1, 10);
  });

  it("says why there is no rate: nothing repaid, no capital", () => {
    expect(datedIrr([{ date: "2021-01-01", amount: -1000 }])).toEqual({ irr: null, reason: "nothing_repaid" });
    expect(datedIrr([{ date: "2021-01-01", amount: 1000 }])).toEqual({ irr: null, reason: "no_capital" });
  });
});
