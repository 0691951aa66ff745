import { describe, expect, it } from "vitest";
import { consistentCounts, meanNarrowsCount, roundingInterval } from "../../../src/report/disclosure/meanReveals.ts";

describe("consistentCounts(low, high, unit, candidates)", () => {
  it("74,830 days ÷ 238 = 314.4117647058824 at full precision fits only n = 238 of 235 … 239 (the issue's example)", () => {
    const shown = 74_830 / 238;
    // Hand check: 314.4117647058824 × 235 = 73,886.76…, × 236 = 74,201.17…, × 237 = 74,515.59…, × 239 = 75,144.41…: not whole.
    expect(consistentCounts(...roundingInterval(shown, 13), 1, [235, 236, 237, 238, 239])).toEqual([238]);
  });

  it("the same mean to 3 decimals (314.412) still singles out 238; to 1 decimal (314.4) every n fits", () => {
    // 314.412 ± 0.0005: n = 238 gives 74,829.9 … 74,830.1 (74,830 fits); 235: 73,886.7 … 73,886.9 (no whole number).
    expect(consistentCounts(...roundingInterval(314.412, 3), 1, [235, 236, 237, 238, 239])).toEqual([238]);
    expect(consistentCounts(...roundingInterval(314.4, 1), 1, [235, 236, 237, 238, 239])).toEqual([235, 236, 237, 238, 239]);
  });

  it("days in whole weeks (unit 7): 2 persons with 7 and 14 days, mean 10.5, fit n = 2 and 4 of 1 … 5 but not 1, 3, 5", () => {
    // n = 4: 42 days = 6 weeks; n = 3: 31.5 days is no whole number of weeks.
    expect(consistentCounts(10.5, 10.5, 7, [1, 2, 3, 4, 5])).toEqual([2, 4]);
  });
});

describe("meanNarrowsCount(interval, unit, total, minCell)", () => {
  it("a share 2/9 printed as 22.2 % beside a hidden n of 10 randomised narrows n (only 9 fits of 6 … 10)", () => {
    // 0.2215 … 0.2225: n = 6 → 1.33 … 1.34; 7 → 1.55 … 1.56; 8 → 1.77 … 1.78; 9 → 1.99 … 2.00 (2 fits); 10 → 2.215 … 2.225.
    expect(meanNarrowsCount(roundingInterval(0.222, 3), 1, 10, 5)).toBe(true);
  });

  it("a mean printed to 1 decimal over n near 239 narrows nothing, even in whole weeks (0.1 × 235 ÷ 7 > 1)", () => {
    expect(meanNarrowsCount(roundingInterval(314.4, 1), 7, 239, 5)).toBe(false);
  });

  it("a null unit (values with no common unit) never narrows; a mean of 0 fits every n", () => {
    expect(meanNarrowsCount(roundingInterval(314.4117647058824, 13), null, 239, 5)).toBe(false);
    expect(meanNarrowsCount(roundingInterval(0, 1), 1, 12, 5)).toBe(false);
  });
});
