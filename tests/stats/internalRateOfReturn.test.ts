/** The one IRR against scipy's brentq and numpy.roots (fixtures/reference/irr.py → irr.json) and by hand. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { datedInternalRateOfReturn } from "../../src/stats/datedInternalRateOfReturn.ts";
import { internalRateOfReturn } from "../../src/stats/internalRateOfReturn.ts";

type ReferenceCase = { name: string; amounts: number[]; years: number[]; dates: string[] | null; roots: number[]; rate: number | null; reason: string | null };
const reference = JSON.parse(readFileSync("fixtures/reference/irr.json", "utf8")) as { cases: ReferenceCase[] };

describe("internalRateOfReturn(amounts, years?)", () => {
  it("internalRateOfReturn([-100, 110]) is 10 %: 100 in, 110 back a year later, 110 / 100 − 1 = 0.1 (by hand)", () => {
    expect(internalRateOfReturn([-100, 110]).rate).toBeCloseTo(0.1, 14);
    expect(internalRateOfReturn([-100, 110], [0, 1]).rate).toBeCloseTo(0.1, 14);
    expect(internalRateOfReturn([-100, 0, 121]).rate).toBeCloseTo(0.1, 14);
  });

  it("returns a reason, not a number, when the flows do not change sign", () => {
    expect(internalRateOfReturn([100, 50])).toEqual({ rate: null, reason: "no_outflow" });
    expect(internalRateOfReturn([-100, -50, 0])).toEqual({ rate: null, reason: "no_inflow" });
    expect(internalRateOfReturn([0, 0])).toEqual({ rate: null, reason: "no_outflow" });
  });

  it("refuses several rates: −100, 230, −132 breaks even at both 10 % and 20 %", () => {
    expect(internalRateOfReturn([-100, 230, -132])).toEqual({ rate: null, reason: "several_rates" });
  });

  it("says when the rate lies outside −99.99 % … 10,000 %: −1 then +1000 is 99,900 %", () => {
    expect(internalRateOfReturn([-1, 1000])).toEqual({ rate: null, reason: "no_rate_in_range" });
  });

  it("refuses flows that break even at every rate: −1 and +1 on the same day", () => {
    expect(internalRateOfReturn([-1, 1], [0, 0])).toEqual({ rate: null, reason: "several_rates" });
  });

  it("requires one time per amount and finite numbers", () => {
    expect(() => internalRateOfReturn([-1, 2], [0])).toThrow("internalRateOfReturn requires one time per amount");
    expect(() => internalRateOfReturn([-1, Number.NaN])).toThrow("internalRateOfReturn requires finite amounts and times");
  });

  for (const c of reference.cases) {
    it(`agrees with scipy to 1e-8: ${c.name}`, () => {
      const result = c.dates === null ? internalRateOfReturn(c.amounts, c.years) : datedInternalRateOfReturn(c.amounts.map((amount, i) => ({ date: c.dates![i]!, amount })));
      expect(result.reason).toBe(c.reason);
      if (c.rate === null) expect(result.rate).toBeNull();
      else expect(Math.abs(result.rate! - c.rate)).toBeLessThan(1e-8);
      if (c.dates === null && c.years.every((t, i) => t === i)) expect(internalRateOfReturn(c.amounts)).toEqual(result);
    });
  }
});

