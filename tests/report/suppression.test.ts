import { describe, expect, it } from "vitest";
import { count, countsOfTotal, isSmall, shareOf } from "../../src/report/suppression.ts";

describe("small-cell suppression", () => {
  it("count(n) shows 0 and 5 and more, and hides 1–4", () => {
    expect([0, 1, 4, 5, 12].map((n) => count(n, 5))).toEqual([0, "<5", "<5", 5, 12]);
    expect(isSmall(0, 5)).toBe(false);
  });

  it("countsOfTotal hides a second cell when only one is small, so the total does not reveal it", () => {
    expect(countsOfTotal([55, 0, 1, 0], 5)).toEqual(["x", 0, "<5", 0]);
    expect(countsOfTotal([50, 2, 3], 5)).toEqual([50, "<5", "<5"]);
    expect(countsOfTotal([50, 20], 5)).toEqual([50, 20]);
  });

  it("shareOf hides a share that describes fewer than 5 on either side", () => {
    expect(shareOf(3 / 100, 100, 5)).toBe(true);
    expect(shareOf(97 / 100, 100, 5)).toBe(true);
    expect(shareOf(10 / 100, 100, 5)).toBe(false);
    expect(shareOf(0.5, 4, 5)).toBe(true);
  });
});
