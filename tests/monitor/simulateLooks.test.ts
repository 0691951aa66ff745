/**
 * Issue #30's check: over 8 quarterly looks of the shipped example's design (470 persons at full
 * information, education at 24 months ≈ 9 % in both arms, O'Brien–Fleming-type spending, α 0.05
 * two-sided) the type I error of the whole procedure is 0.05 within its Monte-Carlo error, while
 * naive looks at p < 0.05 reach the Armitage–McPherson–Rowe figure (0.1763, here from the exact
 * integral: a different method than the simulation). 4,000 seeded trials: SE ≈ 0.0034; the larger
 * run is scripts/sequential-type-one-error.ts.
 */
import { describe, expect, it } from "vitest";
import { simulateLooks } from "../../src/monitor/simulateLooks.ts";
import { seededRandom } from "../../src/shared/random.ts";
import { efficacyBoundaries } from "../../src/stats/sequential/lookBoundary.ts";
import { sequentialExitProbabilities } from "../../src/stats/sequential/sequentialIntegration.ts";

describe("simulateLooks: type I error over 8 quarterly looks under no effect", () => {
  it("the monitoring plan holds 0.05 ± 3 SE; naive looks are at the exact naive rate ± 3 SE, three and a half times 5 %", () => {
    const fractions = Array.from({ length: 8 }, (_, k) => (k + 1) / 8);
    const boundaries = efficacyBoundaries({ alpha: 0.05, sides: 2, spending: { kind: "obf" } }, fractions).map((b) => b.boundary);
    const result = simulateLooks(boundaries, fractions, 470, 0.09, 4000, seededRandom(30));
    const se = (p: number) => Math.sqrt((p * (1 - p)) / result.trials);
    expect(Math.abs(result.sequential - 0.05)).toBeLessThan(3 * se(0.05));
    const naiveExact = sequentialExitProbabilities(fractions.map((t) => ({ fraction: t, lower: -1.959963984540054, upper: 1.959963984540054 })), 0).reduce((s, e) => s + e.above + e.below, 0);
    expect(naiveExact).toBeGreaterThan(0.16);
    expect(naiveExact).toBeLessThan(0.18);
    expect(Math.abs(result.naive - naiveExact)).toBeLessThan(3 * se(naiveExact));
  });
});
