import { describe, expect, it } from "vitest";
import type { OutcomeRow } from "../../../src/repay/outcomeTable.ts";
import { newRuleState } from "../../../src/repay/rules/definition.ts";
import { rate_card, rateCardLines } from "../../../src/repay/rules/rate_card.ts";
import { Rule } from "../../../src/repay/schema.ts";
import { seededRandom } from "../../../src/shared/random.ts";

const rule = Rule.parse({
  kind: "rate_card",
  id: "card",
  label: "Card",
  prices: [
    { outcome: "job", label: "Job", price: { value: 10_000, source: "contract §4" } },
    { outcome: "education", label: "Education", price: { value: 5_000, source: "contract §4", illustrative: true } },
  ],
  perPersonCap: { value: 12_000, source: "contract §5" },
}) as Extract<Rule, { kind: "rate_card" }>;
const row = (personId: string, job: number | null, education: number | null): OutcomeRow => ({ personId, period: "2024", outcomes: { job, education } });
// Six with a job, two with education; p1 and p2 have both (15,000 each, 3,000 over the 12,000 cap).
const rows = [row("p1", 1, 1), row("p2", 1, 1), row("p3", 1, 0), row("p4", 1, null), row("p5", 1, 0), row("p6", 1, 0), row("p7", 0, 0)];

describe("rateCardLines(rule, rows, paidByPerson)", () => {
  it("rateCardLines pays persons × price per outcome (6 × 10,000), suppresses a count below 5 (2 in education), and trims the per-person cap", () => {
    const paid = new Map<string, number>();
    const [job, education, cap] = rateCardLines(rule, rows, paid);
    expect(job).toMatchObject({ item: "Job", basis: { persons: 6, price: 10_000 }, amount: 60_000, suppressed: false, illustrative: false });
    expect(education).toMatchObject({ basis: { persons: null, price: 5_000 }, amount: null, suppressed: true, illustrative: true, amountUnsuppressed: 10_000 });
    // Two persons at the cap: 2 × 3,000 trimmed; two is below 5, so the count is suppressed.
    expect(cap).toMatchObject({ item: "per_person_cap", basis: { persons_at_cap: null, cap_per_person: 12_000 }, amount: null, suppressed: true, amountUnsuppressed: -6_000 });
    expect(paid.get("p1")).toBe(12_000);
    expect(paid.get("p3")).toBe(10_000);
  });

  it("rateCardLines carries the cap across periods: a person paid 10,000 before gets at most 2,000 more", () => {
    const paid = new Map([["p3", 10_000]]);
    const lines = rateCardLines(rule, [row("p3", 1, 0)], paid);
    expect(lines.at(-1)!.amountUnsuppressed).toBe(-8_000);
    expect(paid.get("p3")).toBe(12_000);
  });
});

describe("rate_card (RuleDefinition)", () => {
  it("rate_card.tableOutcomes lists the priced outcomes; persons is the period's row count", () => {
    expect(rate_card.tableOutcomes(rule)).toEqual(["job", "education"]);
    expect(rate_card.persons(rule, "2024", { effects: null, rows, confidence: 0.95, illustrative: false })).toBe(7);
  });

  it("rate_card.simulate bootstraps the period's persons: every amount is a multiple of 1,000 within [0, 7 × 12,000], and nothing for no rows", () => {
    const context = { effects: null, rows, confidence: 0.95, illustrative: false };
    const simulated = rate_card.simulate(rule, "2024", context, seededRandom(1), 500)!;
    expect(simulated.amounts).toHaveLength(500);
    for (const amount of simulated.amounts) {
      expect(amount % 1_000).toBe(0);
      expect(amount).toBeGreaterThanOrEqual(0);
      expect(amount).toBeLessThanOrEqual(7 * 12_000);
    }
    // The mean of a bootstrap total is the observed total (60,000 + 10,000 − 6,000 = 64,000) up to resampling noise.
    const mean = simulated.amounts.reduce((a, b) => a + b, 0) / 500;
    expect(Math.abs(mean - 64_000)).toBeLessThan(3_000);
    expect(rate_card.simulate(rule, "2024", { ...context, rows: [] }, seededRandom(1), 10)).toBeNull();
    expect(rate_card.lines(rule, "2024", context, newRuleState())).toHaveLength(3);
  });
});
