import { describe, expect, it } from "vitest";
import { benefitWeeksLong } from "../../../src/ingest/extracts/benefit_weeks_long.ts";
import { day } from "../../helpers.ts";

describe("benefit_weeks_long", () => {
  it("the week of Monday 2024-01-01 covers 2024-01-01 … 2024-01-07, and a rejected row flags its Monday", () => {
    expect(benefitWeeksLong.coverage({ week: day("2024-01-01") })).toEqual({ from: day("2024-01-01"), to: day("2024-01-07") });
    expect(benefitWeeksLong.flagSpan({ week: day("2024-01-01") })).toEqual({ from: day("2024-01-01"), to: day("2024-01-02") });
    expect(benefitWeeksLong.flagSpan({})).toEqual({ from: null, to: null });
  });

  it("a week repeated with another code has the same key and another signature", () => {
    const a = { personId: "A", week: day("2024-01-01"), code: "134" };
    expect(benefitWeeksLong.repeatKey(a, "134")).toBe(day("2024-01-01"));
    expect(benefitWeeksLong.signature({ ...a, code: "651" }, [], [])).not.toBe(benefitWeeksLong.signature(a, [], []));
    expect([benefitWeeksLong.keyField, benefitWeeksLong.family]).toEqual(["week", "benefit_weeks"]);
  });
});
