/** XIRR (actual/365) over the one IRR: by hand and Excel's documented example; scipy's values are in internalRateOfReturn.test.ts. */
import { describe, expect, it } from "vitest";
import { datedInternalRateOfReturn } from "../../src/stats/datedInternalRateOfReturn.ts";

describe("datedInternalRateOfReturn(flows)", () => {
  it("−100 on 2021-01-01, +110 on 2022-01-01 (365 days) is 10 % (by hand)", () => {
    expect(datedInternalRateOfReturn([{ date: "2021-01-01", amount: -100 }, { date: "2022-01-01", amount: 110 }]).rate).toBeCloseTo(0.1, 14);
  });

  it("counts actual/365: 730 days to 1210 is 10 %, in any order of the flows", () => {
    expect(datedInternalRateOfReturn([{ date: "2021-01-01", amount: -1000 }, { date: "2023-01-01", amount: 1210 }]).rate).toBeCloseTo(0.1, 12);
    expect(datedInternalRateOfReturn([{ date: "2023-01-01", amount: 1210 }, { date: "2021-01-01", amount: -1000 }]).rate).toBeCloseTo(0.1, 12);
  });

  it("gives Excel's XIRR example, 37.34 % (Microsoft's XIRR page)", () => {
    const dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"];
    const amounts = [-10000, 2750, 4250, 3250, 2750];
    expect(datedInternalRateOfReturn(dates.map((date, i) => ({ date, amount: amounts[i]! }))).rate).toBeCloseTo(0.3734, 4);
  });

  it("a loss: 1000 in, 500 back after 803 days is 0.5^(365/803) − 1 = −27.0 % a year", () => {
    expect(datedInternalRateOfReturn([{ date: "2021-01-01", amount: -1000 }, { date: "2023-03-15", amount: 500 }]).rate).toBeCloseTo(0.5 ** (365 / 803) - 1, 12);
  });

  it("says why there is no rate: nothing repaid, no capital, no flows", () => {
    expect(datedInternalRateOfReturn([{ date: "2021-01-01", amount: -1000 }])).toEqual({ rate: null, reason: "no_inflow" });
    expect(datedInternalRateOfReturn([{ date: "2021-01-01", amount: 1000 }])).toEqual({ rate: null, reason: "no_outflow" });
    expect(datedInternalRateOfReturn([])).toEqual({ rate: null, reason: "no_outflow" });
  });

  it("requires yyyy-mm-dd dates", () => {
    expect(() => datedInternalRateOfReturn([{ date: "01-01-2021", amount: -1 }])).toThrow("datedInternalRateOfReturn requires dates as yyyy-mm-dd");
  });
});
