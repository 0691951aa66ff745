import { describe, expect, it } from "vitest";
import { eventsFromDifference } from "../../../src/report/disclosure/eventsFromDifference.ts";

describe("eventsFromDifference(difference, nTreated, nControl)", () => {
  it("finds 1/86 − 0/87 as the only pair for 0.011627906976744186 (86·e꜀ = 87·(eₜ − 1) has no other solution in range)", () => {
    expect(eventsFromDifference(1 / 86, 86, 87)).toEqual([{ treated: 1, control: 0 }]);
  });

  it("finds both pairs when the arms are equal: 0.05 on 20 and 20 is 1−0, 2−1, …, 20−19", () => {
    expect(eventsFromDifference(0.05, 20, 20)).toHaveLength(20);
  });

  it("finds nothing for a difference no two shares give, and nothing for an empty arm", () => {
    expect(eventsFromDifference(0.123456789, 10, 10)).toEqual([]);
    expect(eventsFromDifference(0, 0, 10)).toEqual([]);
  });
});
