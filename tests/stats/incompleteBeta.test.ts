/** The regularised incomplete beta function against scipy.special.betainc / betaincc (scipy 1.17). */
import { describe, expect, it } from "vitest";
import { incompleteBeta } from "../../src/stats/incompleteBeta.ts";
import { expectRelativelyClose } from "../helpers.ts";

describe("incompleteBeta", () => {
  it("incompleteBeta(x, 1 − x, a, b) = scipy betainc(a, b, x) and betaincc(a, b, x), small tails kept relative", () => {
    const r = incompleteBeta(0.3, 0.7, 2.5, 7);
    expectRelativelyClose(r.lower, 0.6412224629717214, 1e-12, "I_0.3(2.5, 7)");
    expectRelativelyClose(r.upper, 0.3587775370282788, 1e-12, "1 − I_0.3(2.5, 7)");
    expectRelativelyClose(incompleteBeta(0.999, 0.001, 50, 3).upper, 2.1303217165867604e-5, 1e-9, "betaincc(50, 3, 0.999)");
    expectRelativelyClose(incompleteBeta(1e-4, 1 - 1e-4, 0.5, 200).lower, 0.15842559673566933, 1e-10, "betainc(0.5, 200, 1e-4)");
    expectRelativelyClose(incompleteBeta(0.6, 0.4, 400, 300).lower, 0.9373875246014591, 1e-10, "betainc(400, 300, 0.6)");
  });

  it("incompleteBeta(0.5, 0.5, 2, 3).lower = 11/16 by hand (the binomial sum P(Bin(4, 0.5) ≥ 2))", () => {
    expectRelativelyClose(incompleteBeta(0.5, 0.5, 2, 3).lower, 11 / 16, 1e-14, "I_0.5(2, 3)");
  });

  it("incompleteBeta at x = 0 and x = 1 is exact; outside [0, 1] it throws", () => {
    expect(incompleteBeta(0, 1, 2, 3)).toEqual({ lower: 0, upper: 1 });
    expect(incompleteBeta(1, 0, 2, 3)).toEqual({ lower: 1, upper: 0 });
    expect(() => incompleteBeta(1.5, -0.5, 2, 3)).toThrow("incompleteBeta requires 0 <= x <= 1, a > 0 and b > 0");
  });
});
