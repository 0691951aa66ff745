/** Looks at unplanned times (Lan–DeMets): the spending function at the actual fractions, a final look spending what is left. */
import { describe, expect, it } from "vitest";
import { efficacyBoundaries, lookBoundary, solveDecreasing } from "../../../src/stats/sequential/lookBoundary.ts";
import { sequentialExitProbabilities } from "../../../src/stats/sequential/sequentialIntegration.ts";
import { spentAlpha } from "../../../src/stats/sequential/spending/index.ts";

const plan = { alpha: 0.05, sides: 2 as const, spending: { kind: "obf" as const } };

describe("lookBoundary", () => {
  it("one look = the single-look test: z = 1.959964 (R qnorm(0.975))", () => {
    expect(lookBoundary(plan, [], 1, true).boundary).toBeCloseTo(1.959963984540054, 9);
  });
  it("uneven quarterly looks ending short of the planned maximum: the whole α is spent, and no more (a final look at 92 %)", () => {
    const fractions = [0.11, 0.19, 0.33, 0.41, 0.58, 0.66, 0.8, 0.92];
    const held = efficacyBoundaries(plan, fractions);
    expect(held.at(-1)!.alphaSpent).toBe(0.05);
    const regions = held.map((look) => ({ fraction: look.fraction, lower: -look.boundary, upper: look.boundary }));
    const exits = sequentialExitProbabilities(regions, 0).map((exit) => exit.above + exit.below);
    // every look spends exactly α(t_k) − α(t_{k−1}) of the O'Brien–Fleming function at its actual fraction
    exits.slice(0, -1).forEach((exit, k) => expect(Math.abs(exit - (spentAlpha(plan.spending, 0.05, 2, fractions[k]!) - spentAlpha(plan.spending, 0.05, 2, fractions[k - 1] ?? 0)))).toBeLessThan(1e-12));
    expect(Math.abs(exits.reduce((a, b) => a + b, 0) - 0.05)).toBeLessThan(1e-12);
  });
  it("a look past the planned maximum (information 104 %) spends all that is left", () => {
    const held = efficacyBoundaries(plan, [0.5]);
    const late = lookBoundary(plan, held, 1.04, false);
    expect(late.alphaSpent).toBe(0.05);
    expect(late.boundary).toBeGreaterThan(1.96); // spends 0.05 − 0.00305 after a look: stricter than a single look
  });
  it("a look that may spend nothing has no boundary (Infinity)", () => {
    expect(lookBoundary({ alpha: 0.05, sides: 2, spending: { kind: "table", fractions: [0.5], shares: [0] } }, [], 0.3, false).boundary).toBe(Infinity);
  });
  it("solveDecreasing finds where a decreasing function crosses its target, and an end when it never does", () => {
    expect(solveDecreasing((x) => -x * x * x, -8, 0, 10)).toBeCloseTo(2, 11);
    expect(solveDecreasing((x) => -x, 5, 0, 1)).toBe(0);
    expect(solveDecreasing((x) => -x, -5, 0, 1)).toBe(1);
  });
});
