import { describe, expect, it } from "vitest";
import { ContractDataError, MIN_CELL, toOre } from "../../src/repay/ruleAmounts.ts";

describe("ruleAmounts", () => {
  it("toOre(kroner) rounds to whole øre and removes binary noise (635250.0000000013 → 635250)", () => {
    expect(toOre(635250.0000000013)).toBe(635250);
    expect(toOre(0.1 + 0.2)).toBe(0.3);
    expect(toOre(12.345)).toBe(12.35);
    expect(toOre(-7.004)).toBe(-7);
  });
  it("MIN_CELL is 5 (counts below it are suppressed) and ContractDataError is an Error", () => {
    expect(MIN_CELL).toBe(5);
    expect(new ContractDataError("x")).toBeInstanceOf(Error);
  });
});
