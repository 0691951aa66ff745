/**
 * Randomisation inference, checked against a brute-force enumeration written here (every 0/1 vector with the arm's
 * size, within strata) and by hand; the Monte-Carlo path's thread-independence is tested in permutationWorkers.test.ts.
 */
import { describe, expect, it } from "vitest";
import { choose, makeStatistic, randomizationEntry, randomizationInference } from "../../src/estimate/randomizationInference.ts";
import { contrastOf } from "./contrastDataFixture.ts";

/** Every assignment of `z`'s treated counts within each stratum, by filtering all 2ⁿ vectors. */
function allAssignments(z: readonly number[], strata: readonly string[]): number[][] {
  const n = z.length;
  const treatedIn = (v: readonly number[], s: string) => v.reduce((sum, x, i) => sum + (strata[i] === s ? x : 0), 0);
  const labels = [...new Set(strata)];
  const out: number[][] = [];
  for (let mask = 0; mask < 2 ** n; mask += 1) {
    const v = Array.from({ length: n }, (_, i) => (mask >> i) & 1);
    if (labels.every((s) => treatedIn(v, s) === treatedIn(z, s))) out.push(v);
  }
  return out;
}

describe("randomizationInference(data, strata, blocks, permutations, seed)", () => {
  const treated = [7, 9, 8];
  const control = [3, 5, 4, 6];

  it("randomizationInference enumerates all C(7, 3) = 35 assignments: p = #{|T*| ≥ |T|} / 35 = 2/35, as brute force and hand find", () => {
    const data = contrastOf(treated, control);
    const e = randomizationInference(data, null, null, 10_000, 1);
    const y = data.y;
    const mean = (v: number[], arm: number) => y.filter((_, i) => v[i] === arm).reduce((a, b) => a + b, 0) / v.filter((x) => x === arm).length;
    const all = allAssignments(data.z, data.z.map(() => "all"));
    const observed = mean([...data.z], 1) - mean([...data.z], 0);
    const extreme = all.filter((v) => Math.abs(mean(v, 1) - mean(v, 0)) >= Math.abs(observed) - 1e-12).length;
    expect(all).toHaveLength(35);
    expect(e).toMatchObject({ estimator: "randomization", estimate: 8 - 4.5, exact: true, permutations: 35, p_value_mc_se: 0 });
    // By hand: |T*| ≥ 3.5 for the observed {7, 8, 9} (8 − 4.5) and for {3, 4, 5} (4 − 7.5 = −3.5) only: p = 2/35.
    expect(extreme).toBe(2);
    expect(e.p_value).toBeCloseTo(2 / 35, 15);
  });

  it("randomizationInference within strata enumerates C(4, 2) · C(3, 1) = 18 assignments and agrees with brute force", () => {
    const data = contrastOf([7, 9, 8], [3, 5, 4, 6]);
    const strata = ["a", "a", "b", "a", "a", "b", "b"];
    const e = randomizationInference(data, strata, strata, 10_000, 1);
    const statistic = makeStatistic(data.y, strata);
    const all = allAssignments(data.z, strata);
    const observed = statistic(data.z)!;
    const extreme = all.filter((v) => Math.abs(statistic(v)!) >= Math.abs(observed) - 1e-12).length;
    expect(all).toHaveLength(18);
    expect(e.permutations).toBe(18);
    expect(e.p_value).toBeCloseTo(extreme / 18, 15);
  });

  it("randomizationInference samples when the assignments outnumber the permutations: p = (1 + extreme)/(1 + B), never 0", () => {
    const e = randomizationInference(contrastOf(treated, control), null, null, 20, 3);
    expect(e.exact).toBe(false);
    expect(e.permutations).toBe(20);
    expect(e.p_value! * 21).toBeCloseTo(Math.round(e.p_value! * 21), 10);
    expect(e.p_value).toBeGreaterThanOrEqual(1 / 21);
  });

  it("randomizationInference is not estimable with an empty arm", () => {
    expect(randomizationInference(contrastOf([1, 2], []), null, null, 100, 1).notes).toEqual([{ code: "needs_both_arms", params: {} }]);
  });
});

describe("the parts", () => {
  it("choose(n, k) = the binomial coefficient: C(7, 3) = 35, C(10, 0) = 1, C(52, 5) = 2,598,960", () => {
    expect(choose(7, 3)).toBe(35);
    expect(choose(10, 0)).toBe(1);
    expect(choose(52, 5)).toBe(2_598_960);
  });

  it("makeStatistic(y, blocks) weighs blocks holding both arms by size and leaves out a block with one arm", () => {
    // Block a: treated 10, control 2, 4 → 7 (3 persons); block b: treated 1, control 1 → 0 (2); block c: treated only.
    const stat = makeStatistic([10, 2, 4, 1, 1, 50], ["a", "a", "a", "b", "b", "c"]);
    expect(stat([1, 0, 0, 1, 0, 1])).toBeCloseTo((3 / 5) * 7 + (2 / 5) * 0, 14);
    expect(makeStatistic([1, 2], null)([1, 1])).toBeNull();
  });

  it("randomizationEntry(data, T, extreme, draws, exact) gives p and its Monte-Carlo SE √(p(1 − p)/B)", () => {
    const sampled = randomizationEntry(contrastOf([1, 2], [0, 1]), 1, 9, 99, false);
    expect(sampled.p_value).toBe(0.1);
    expect(sampled.p_value_mc_se).toBeCloseTo(Math.sqrt((0.1 * 0.9) / 99), 15);
    expect(randomizationEntry(contrastOf([1, 2], [0, 1]), 1, 3, 6, true).p_value).toBe(0.5);
  });
});
