/** The regularised incomplete gamma functions against scipy.special.gammainc / gammaincc (scipy 1.17). */
import { describe, expect, it } from "vitest";
import { incompleteGamma } from "../../src/stats/incompleteGamma.ts";
import { expectRelativelyClose } from "../helpers.ts";

describe("incompleteGamma", () => {
  it("incompleteGamma(a, x) = scipy gammainc(a, x) and gammaincc(a, x), on both sides of x = a + 1", () => {
    const r = incompleteGamma(3, 2.5);
    expectRelativelyClose(r.lower, 0.45618688411667035, 1e-12, "P(3, 2.5)");
    expectRelativelyClose(r.upper, 0.5438131158833297, 1e-12, "Q(3, 2.5)");
    expectRelativelyClose(incompleteGamma(10, 40).upper, 3.925932226286184e-9, 1e-10, "Q(10, 40)");
    expectRelativelyClose(incompleteGamma(0.5, 0.01).lower, 0.11246291601828491, 1e-12, "P(0.5, 0.01)");
    expectRelativelyClose(incompleteGamma(140, 150).lower, 0.8034040526514912, 1e-10, "P(140, 150)");
  });

  it("incompleteGamma(1, x).upper = e^−x and incompleteGamma(2, x).upper = (1 + x)e^−x by hand", () => {
    expectRelativelyClose(incompleteGamma(1, 1).upper, Math.exp(-1), 1e-14, "Q(1, 1)");
    expectRelativelyClose(incompleteGamma(2, 5).upper, 6 * Math.exp(-5), 1e-13, "Q(2, 5)");
  });

  it("incompleteGamma at x = 0 and ∞ is exact; a ≤ 0 throws", () => {
    expect(incompleteGamma(2, 0)).toEqual({ lower: 0, upper: 1 });
    expect(incompleteGamma(2, Infinity)).toEqual({ lower: 1, upper: 0 });
    expect(() => incompleteGamma(0, 1)).toThrow("incompleteGamma requires a > 0 and x >= 0");
  });
});
