import { describe, expect, it } from "vitest";
import type { RandomSource } from "../../../src/shared/random.ts";
import { seededRandom } from "../../../src/shared/random.ts";
import { standardNormal } from "../../../src/repay/rules/standardNormal.ts";

/** A source that returns the given uniforms in turn. */
const uniforms = (...values: number[]): RandomSource => {
  let i = 0;
  return { next: () => values[i++]!, nextUint32: () => 0 };
};

describe("standardNormal(random)", () => {
  it("standardNormal is Box–Muller √(−2 ln(1 − u)) cos(2πv): u = 1 − e^−2, v = 0 gives 2; v = ½ gives −2", () => {
    expect(standardNormal(uniforms(1 - Math.exp(-2), 0))).toBeCloseTo(2, 12);
    expect(standardNormal(uniforms(1 - Math.exp(-2), 0.5))).toBeCloseTo(-2, 12);
    expect(Number.isFinite(standardNormal(uniforms(0, 0.25)))).toBe(true);
  });

  it("standardNormal draws have the N(0, 1) moments and tail share over 200,000 seeded draws", () => {
    const random = seededRandom(20240101);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let beyond = 0;
    for (let i = 0; i < n; i += 1) {
      const x = standardNormal(random);
      sum += x;
      squares += x * x;
      if (Math.abs(x) > 1.959963984540054) beyond += 1;
    }
    // Standard errors: mean 1/√n = 0.0022, variance √(2/n) = 0.0032, tail share √(0.05·0.95/n) = 0.0005; 5 SE bounds.
    expect(Math.abs(sum / n)).toBeLessThan(0.0112);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.016);
    expect(Math.abs(beyond / n - 0.05)).toBeLessThan(0.0025);
  });
});
