/** The Wilson interval against scipy.stats.binomtest(k, n).proportion_ci(method='wilson') (= R prop.test(correct = FALSE)). */
import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../src/stats/wilsonInterval.ts";
import { expectRelativelyClose } from "../helpers.ts";

describe("wilsonInterval", () => {
  it("wilsonInterval(x, n, confidence) = scipy's Wilson interval, at 0, at n and in between", () => {
    const cases: [number, number, number, number, number][] = [
      [7, 20, 0.95, 0.1811918241010821, 0.5671457233147637],
      [0, 12, 0.95, 0, 0.24249400665524085],
      [45, 60, 0.9, 0.648624241268694, 0.8298023594346711],
      [12, 12, 0.95, 0.7575059933447592, 1],
    ];
    for (const [x, n, confidence, low, high] of cases) {
      const [l, h] = wilsonInterval(x, n, confidence);
      expectRelativelyClose(l, low, 1e-12, `${x}/${n} lower`);
      expectRelativelyClose(h, high, 1e-12, `${x}/${n} upper`);
    }
  });

  it("wilsonInterval refuses n = 0 and x > n", () => {
    expect(() => wilsonInterval(0, 0)).toThrow("wilsonInterval requires 0 <= successes <= n and n > 0");
    expect(() => wilsonInterval(3, 2)).toThrow("wilsonInterval requires 0 <= successes <= n and n > 0");
  });
});
