/** The rate card's outcome table from work/triggers.csv, and a rate card's `minimum` (IPS+ hours) on it, counted by hand. */
import { describe, expect, it } from "vitest";
import { rateCardLines } from "../../src/repay/rules/rate_card.ts";
import { RateCardRule } from "../../src/repay/schema.ts";
import { outcomeRowsFromTriggers } from "../../src/repay/triggerRows.ts";

const row = (personId: string, period: string, trigger: string, status: string, value: string) => ({ personId, period, trigger, status, value });

describe("outcomeRowsFromTriggers", () => {
  it("outcomeRowsFromTriggers gives one row per person and period, null where a trigger was not observed", () => {
    const rows = outcomeRowsFromTriggers([row("A", "2022", "housing", "observed", "1"), row("A", "2022", "job", "censored:as_of", ""), row("A", "2023", "hours", "observed", "812.5"), row("B", "2022", "housing", "incomplete:quarantined_row", "")]);
    expect(rows).toEqual([
      { personId: "A", period: "2022", outcomes: { housing: 1, job: null } },
      { personId: "A", period: "2023", outcomes: { hours: 812.5 } },
      { personId: "B", period: "2022", outcomes: { housing: null } },
    ]);
  });
});

describe("rate card minimum", () => {
  it("rateCardLines counts persons whose value reaches the minimum: 5 of 7 have at least 520 hours → 5 × 10,000 = 50,000", () => {
    const rule = RateCardRule.parse({
      kind: "rate_card",
      id: "ips",
      label: "IPS+",
      prices: [{ outcome: "hours", label: "ordinary employment", price: { value: 10000, source: "x" }, minimum: { value: 520, source: "y" } }],
    });
    const hours = [520, 1600, 519.5, 700, 900, 0, 2000];
    const rows = hours.map((h, i) => ({ personId: `P${i}`, period: "2024", outcomes: { hours: h } }));
    rows.push({ personId: "P9", period: "2024", outcomes: { hours: null as unknown as number } });
    const [line] = rateCardLines(rule, rows, new Map());
    expect(line!.amount).toBe(50000);
    expect(line!.basis).toEqual({ persons: 5, price: 10000 });
    expect(line!.formula).toBe("persons with hours at least 520 × price");
  });
});
