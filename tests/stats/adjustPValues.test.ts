/** Holm and Benjamini–Hochberg adjustment, by hand and against scipy.stats.false_discovery_control. */
import { describe, expect, it } from "vitest";
import { benjaminiHochberg, holm } from "../../src/stats/adjustPValues.ts";

const p = [0.01, 0.04, 0.03, 0.005, 0.5, 0.04];

describe("adjustPValues", () => {
  it("holm(p) steps down: sorted 0.005·6, 0.01·5, 0.03·4, 0.04·3, 0.04·2 → monotone, 0.5·1 (by hand, = R p.adjust 'holm')", () => {
    // sorted: 0.005 → 0.03, 0.01 → 0.05, 0.03 → 0.12, 0.04 → 0.12, 0.04 → max(0.12, 0.08) = 0.12, 0.5 → 0.5
    const adjusted = holm(p);
    const expected = [0.05, 0.12, 0.12, 0.03, 0.5, 0.12];
    adjusted.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 14));
  });

  it("benjaminiHochberg(p) = scipy false_discovery_control(p, method='bh')", () => {
    const expected = [0.03, 0.048, 0.048, 0.03, 0.5, 0.048];
    benjaminiHochberg(p).forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 14));
  });

  it("holm and benjaminiHochberg cap at 1 and leave a single p-value as it is", () => {
    expect(holm([0.4, 0.6, 0.9])).toEqual([1, 1, 1]);
    expect(holm([0.2])).toEqual([0.2]);
    expect(benjaminiHochberg([0.2])).toEqual([0.2]);
    expect(holm([])).toEqual([]);
  });
});
