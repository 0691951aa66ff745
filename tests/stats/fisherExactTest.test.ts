/** Fisher's exact test against scipy.stats.fisher_exact (two-sided, the same rule as R's fisher.test). */
import { describe, expect, it } from "vitest";
import { fisherExactTest } from "../../src/stats/fisherExactTest.ts";
import { expectRelativelyClose } from "../helpers.ts";

describe("fisherExactTest", () => {
  it("fisherExactTest(a, b, c, d).p = scipy fisher_exact([[a, b], [c, d]]).pvalue", () => {
    expectRelativelyClose(fisherExactTest(12, 5, 3, 14).p, 0.0048957925729217495, 1e-10, "12 5 / 3 14");
    expectRelativelyClose(fisherExactTest(0, 10, 7, 3).p, 0.0030959752321981426, 1e-10, "0 10 / 7 3");
  });

  it("fisherExactTest(3, 1, 1, 3).p = 34/70 by hand: tables 0..4 have probabilities 1, 16, 36, 16, 1 over 70", () => {
    // Margins 4/4, 4/4: P(x) = C(4,x)C(4,4−x)/C(8,4). Observed x = 3 (16/70); no more likely: 0, 1, 3, 4 → 34/70.
    expectRelativelyClose(fisherExactTest(3, 1, 1, 3).p, 34 / 70, 1e-12, "3 1 / 1 3");
  });

  it("fisherExactTest on the most likely table, and with ties in probability, gives p = 1", () => {
    expect(fisherExactTest(5, 5, 5, 5).p).toBeCloseTo(1, 12);
    expect(fisherExactTest(0, 0, 0, 4).p).toBe(1);
  });

  it("fisherExactTest refuses negative or fractional counts", () => {
    expect(() => fisherExactTest(-1, 2, 3, 4)).toThrow("fisherExactTest requires four non-negative integer counts");
    expect(() => fisherExactTest(1.5, 2, 3, 4)).toThrow("fisherExactTest requires four non-negative integer counts");
  });
});
