import { describe, expect, it } from "vitest";
import { capped_unit_price } from "../../../src/repay/rules/capped_unit_price.ts";
import { differential } from "../../../src/repay/rules/differential.ts";
import { RULES, ruleDefinition } from "../../../src/repay/rules/index.ts";
import { rate_card } from "../../../src/repay/rules/rate_card.ts";
import { Rule } from "../../../src/repay/schema.ts";

describe("ruleDefinition(rule)", () => {
  it("RULES holds one definition per rule kind of the contract schema", () => {
    expect(Object.keys(RULES).sort()).toEqual([...Rule.options.map((o) => o.shape.kind.value)].sort());
  });
  it("ruleDefinition(rule) is the definition of the rule's kind", () => {
    const rateCard = Rule.parse({ kind: "rate_card", id: "r", label: "R", prices: [{ outcome: "job", label: "Job", price: { value: 1, source: "s" } }] });
    expect(ruleDefinition(rateCard)).toBe(rate_card);
    expect(RULES.capped_unit_price).toBe(capped_unit_price);
    expect(RULES.differential).toBe(differential);
  });
});
