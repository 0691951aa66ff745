/** Secondary suppression on hand-made facts: every expectation worked out by hand in the comment beside it. */
import { describe, expect, it } from "vitest";
import type { Equation, Fact } from "../../../src/report/disclosure/model.ts";
import { protect } from "../../../src/report/disclosure/protect.ts";

function facts(list: [key: string, value: number, options?: { forced?: boolean; hidden?: boolean }][]): Map<string, Fact> {
  return new Map(list.map(([key, value, o]) => [key, { key, value, persons: true, forced: o?.forced ?? false, cells: [], reveals: [], group: null, published: !(o?.hidden ?? false), reason: null }]));
}
const sum = (total: string, ...parts: string[]): Equation => ({ total, parts: parts.map((key) => ({ key, weight: 1 })), rule: "test" });
const published = (f: Map<string, Fact>) => [...f.values()].filter((x) => x.published).map((x) => x.key).sort();

describe("protect(facts, equations, 5)", () => {
  it("suppresses n analysed 238 when n randomised 239 must be shown (239 − 238 = the 1 not analysed)", () => {
    const f = facts([["randomised", 239, { forced: true }], ["analysed", 238], ["not_analysed", 1, { hidden: true }]]);
    protect(f, [sum("randomised", "analysed", "not_analysed")], 5);
    expect(published(f)).toEqual(["randomised"]);
    expect(f.get("analysed")!.reason).toBe("secondary");
  });

  it("suppresses the smallest other non-zero cell of a pair: 20 = 3 + 17 hides both, keeps 20", () => {
    const f = facts([["total", 20, { forced: true }], ["a", 3], ["b", 17], ["zero", 0]]);
    protect(f, [sum("total", "a", "b", "zero")], 5);
    expect(published(f)).toEqual(["total", "zero"]);
    expect(f.get("a")!.reason).toBe("primary");
  });

  it("follows a chain across tables: 239 = 238 + 1 in one table, 238 shown again in another", () => {
    // effects n (238) = status observed (238); status observed + died (1) = randomised (239).
    const f = facts([["randomised", 239, { forced: true }], ["observed", 238], ["died", 1], ["effects_n", 238]]);
    protect(f, [sum("randomised", "observed", "died"), sum("effects_n", "observed")], 5);
    expect(published(f)).toEqual(["randomised"]);
  });

  it("protects the sum of suppressed cells: 10 = 8 + 1 + 1 hides 8 (10 − 8 = 2 persons)", () => {
    const f = facts([["randomised", 10, { forced: true }], ["observed", 8], ["as_of", 1], ["emigrated", 1]]);
    protect(f, [sum("randomised", "observed", "as_of", "emigrated")], 5);
    expect(published(f)).toEqual(["randomised"]);
  });

  it("leaves a table alone when the suppressed cells add up to 5 or more: 239 = 183 + 55 + 1", () => {
    const f = facts([["randomised", 239, { forced: true }], ["analysed", 183], ["as_of", 55, { hidden: true }], ["died", 1]]);
    protect(f, [sum("randomised", "analysed", "as_of", "died")], 5);
    expect(published(f)).toEqual(["analysed", "randomised"]);
  });

  it("reports what it cannot protect when only forced figures are left: 10 = 9 (forced) + 1", () => {
    const f = facts([["total", 10, { forced: true }], ["a", 9, { forced: true }], ["b", 1]]);
    expect(protect(f, [sum("total", "a", "b")], 5)).toEqual(["b"]);
  });
});
