/**
 * The recursive integration against independent calculations: a fine composite Simpson rule for
 * two looks (the bivariate normal with correlation √(t₁/t₂)), a three-look Monte-Carlo-free identity
 * (one look with no bound = the next look alone), and Armitage, McPherson & Rowe's (1969) table of
 * the type I error of naive repeated testing at |z| ≥ 1.96 (as printed in Jennison & Turnbull 2000,
 * Table 1.1, to three decimals).
 */
import { describe, expect, it } from "vitest";
import { normalUpperTail } from "../../../src/stats/distributions.ts";
import { continuationGrid, exitProbabilities, sequentialExitProbabilities } from "../../../src/stats/sequential/sequentialIntegration.ts";

const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** P(a₁ < Z₁ < b₁, Z₂ ≥ c) by composite Simpson with 400,000 intervals: a different rule, error ~1e-15. */
function simpsonTwoLooks(t1: number, t2: number, a1: number, b1: number, c: number, drift: number): number {
  const from = Math.max(a1, drift * Math.sqrt(t1) - 12);
  const to = Math.min(b1, drift * Math.sqrt(t1) + 12);
  const intervals = 400_000;
  const h = (to - from) / intervals;
  const f = (x: number) => phi(x - drift * Math.sqrt(t1)) * normalUpperTail((c * Math.sqrt(t2) - x * Math.sqrt(t1) - drift * (t2 - t1)) / Math.sqrt(t2 - t1));
  let sum = f(from) + f(to);
  for (let i = 1; i < intervals; i += 1) sum += (i % 2 === 1 ? 4 : 2) * f(from + i * h);
  return (sum * h) / 3;
}

describe("sequentialIntegration", () => {
  it("exitProbabilities after one look = a fine Simpson rule for the bivariate normal, to 1e-12", () => {
    for (const [t1, t2, a1, b1, c, drift] of [
      [0.5, 1, -Infinity, 2.9626, 1.9686, 0],
      [0.3, 0.7, -2.5, 2.5, 2.2, 1.2],
      [0.9, 0.95, -Infinity, 2.1, 2.05, 2.8],
      [0.1, 1, -3, 4.5, 1.5, -0.5],
    ] as const) {
      const grid = continuationGrid([{ fraction: t1, lower: a1, upper: b1 }], t2, drift);
      const ours = exitProbabilities(grid, t2, -Infinity, c, drift).above;
      expect(Math.abs(ours - simpsonTwoLooks(t1, t2, a1, b1, c, drift))).toBeLessThan(1e-12);
    }
  });

  it("a look with no bounds changes nothing: exits at look 3 equal those with look 2 left out", () => {
    const withLook = sequentialExitProbabilities([{ fraction: 0.2, lower: -3, upper: 3 }, { fraction: 0.5, lower: -Infinity, upper: Infinity }, { fraction: 1, lower: -2, upper: 2 }], 0.7);
    const without = sequentialExitProbabilities([{ fraction: 0.2, lower: -3, upper: 3 }, { fraction: 1, lower: -2, upper: 2 }], 0.7);
    expect(Math.abs(withLook[2]!.above - without[1]!.above)).toBeLessThan(1e-12);
    expect(Math.abs(withLook[2]!.below - without[1]!.below)).toBeLessThan(1e-12);
  });

  it("naive repeated testing at |z| ≥ 1.96 with K equally spaced looks: J&T Table 1.1 (0.083, 0.107, 0.126, 0.142, 0.193, 0.248)", () => {
    const table: Array<[number, number]> = [[2, 0.083], [3, 0.107], [4, 0.126], [5, 0.142], [10, 0.193], [20, 0.248]];
    for (const [looks, published] of table) {
      const regions = Array.from({ length: looks }, (_, k) => ({ fraction: (k + 1) / looks, lower: -1.96, upper: 1.96 }));
      const total = sequentialExitProbabilities(regions, 0).reduce((sum, exit) => sum + exit.above + exit.below, 0);
      expect(Math.abs(total - published), `${looks} looks`).toBeLessThanOrEqual(0.0005);
    }
  });

  it("refuses fractions that do not increase", () => {
    expect(() => continuationGrid([{ fraction: 0.5, lower: -2, upper: 2 }], 0.5, 0)).toThrow("increasing information fractions");
  });
});
