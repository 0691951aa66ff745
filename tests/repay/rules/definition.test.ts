import { describe, expect, it } from "vitest";
import { newRuleState } from "../../../src/repay/rules/definition.ts";

describe("newRuleState()", () => {
  it("newRuleState() starts with nothing paid, and each call gives a state of its own", () => {
    const a = newRuleState();
    const b = newRuleState();
    expect(a.paidSoFar).toBe(0);
    expect(a.paidByPerson.size).toBe(0);
    a.paidByPerson.set("p", 1);
    a.paidSoFar = 5;
    expect(b.paidByPerson.size).toBe(0);
    expect(b.paidSoFar).toBe(0);
  });
});
