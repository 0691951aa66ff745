/** Mean and sample variance against numpy (np.mean, np.var(ddof=1)) and by hand. */
import { describe, expect, it } from "vitest";
import { mean, sampleVariance } from "../../src/stats/describe.ts";

describe("describe", () => {
  it("mean(x) and sampleVariance(x) divide by n and n − 1 (numpy var(ddof=1) = 11.475)", () => {
    const x = [2.5, 3.1, 4.8, 1.2, 9.9];
    expect(mean(x)).toBeCloseTo(4.3, 14);
    expect(sampleVariance(x)).toBeCloseTo(11.475, 12);
    expect(sampleVariance(new Float64Array([1, 2, 3, 4]))).toBeCloseTo(5 / 3, 14);
  });

  it("sampleVariance(x) loses no digits on large offsets (1e9 + 1, 2, 3 → 1, two-pass)", () => {
    expect(sampleVariance([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBe(1);
  });

  it("mean of a single value is that value; constant values have variance 0", () => {
    expect(mean([7])).toBe(7);
    expect(sampleVariance([3, 3, 3])).toBe(0);
  });

  it("mean([]) and sampleVariance([x]) throw in the fixed phrasing", () => {
    expect(() => mean([])).toThrow("mean requires at least one value");
    expect(() => sampleVariance([1])).toThrow("sampleVariance requires at least two values");
  });
});
