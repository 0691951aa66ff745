import { describe, expect, it } from "vitest";
import type { OutcomeRow } from "../../../src/repay/outcomeTable.ts";
import { capped_unit_price, cappedUnitPriceLines } from "../../../src/repay/rules/capped_unit_price.ts";
import { newRuleState } from "../../../src/repay/rules/definition.ts";
import { Rule } from "../../../src/repay/schema.ts";

const rule = Rule.parse({
  kind: "capped_unit_price",
  id: "families",
  label: "Families",
  outcome: "stable",
  unitPrice: { value: 50_000, source: "contract §3" },
  cap: { value: 400_000, source: "case saving", illustrative: true },
}) as Extract<Rule, { kind: "capped_unit_price" }>;
const rows = (count: number, of = count): OutcomeRow[] => Array.from({ length: of }, (_, i) => ({ personId: `f${i}`, period: "2024", outcomes: { stable: i < count ? 1 : 0 } }));

describe("cappedUnitPriceLines(rule, rows, paidSoFar)", () => {
  it("cappedUnitPriceLines pays persons × unit price (6 × 50,000 = 300,000) under the cap, one line", () => {
    const lines = cappedUnitPriceLines(rule, rows(6, 8), 0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ basis: { persons: 6, unit_price: 50_000 }, amount: 300_000, suppressed: false });
  });

  it("cappedUnitPriceLines holds the running total at the cap: 250,000 paid before, 300,000 earned → −150,000", () => {
    const [, cap] = cappedUnitPriceLines(rule, rows(6), 250_000);
    expect(cap).toMatchObject({ item: "cap_computed_saving", basis: { cap: 400_000, paid_before: 250_000 }, amount: -150_000, illustrative: true });
  });

  it("cappedUnitPriceLines suppresses 1–4 persons, never 0; past the cap all is trimmed", () => {
    expect(cappedUnitPriceLines(rule, rows(3), 0)[0]).toMatchObject({ basis: { persons: null }, amount: null, suppressed: true, amountUnsuppressed: 150_000 });
    expect(cappedUnitPriceLines(rule, rows(0, 4), 0)[0]).toMatchObject({ basis: { persons: 0 }, amount: 0, suppressed: false });
    expect(cappedUnitPriceLines(rule, rows(5), 500_000)[1]!.amount).toBe(-250_000);
  });

  it("cappedUnitPriceLines refuses a cap still to be read from projection.json", () => {
    const unresolved = { ...rule, cap: { projection: { case: "c", scenario: "base", sector: "kommune" }, source: "s", illustrative: false } } as typeof rule;
    expect(() => cappedUnitPriceLines(unresolved, rows(1), 0)).toThrow("cappedUnitPriceLines requires the cap read from projection.json first (resolveProjectionFigures)");
  });
});

describe("capped_unit_price (RuleDefinition)", () => {
  it("capped_unit_price.lines adds what it paid to the rule's running total across periods", () => {
    const state = newRuleState();
    const context = { effects: null, rows: rows(6), confidence: 0.95, illustrative: false };
    capped_unit_price.lines(rule, "2024", context, state);
    expect(state.paidSoFar).toBe(300_000);
    capped_unit_price.lines(rule, "2025", context, state);
    expect(state.paidSoFar).toBe(400_000);
    expect(capped_unit_price.tableOutcomes(rule)).toEqual(["stable"]);
  });
});
