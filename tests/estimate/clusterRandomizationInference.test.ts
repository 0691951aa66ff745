/** Cluster randomisation inference against a hand enumeration of the cluster assignments. */
import { describe, expect, it } from "vitest";
import { clusterRandomizationInference } from "../../src/estimate/clusterRandomizationInference.ts";
import { contrastOf } from "./contrastDataFixture.ts";

// Four clusters, two treated: t1 = {10, 12}, t2 = {8}; c1 = {5, 7}, c2 = {6}. Persons: treated first.
const data = contrastOf([10, 12, 8], [5, 7, 6]);
const clusterOfUnit = ["t1", "t1", "t2", "c1", "c1", "c2"];
const sizes: Record<string, number[]> = { t1: [10, 12], t2: [8], c1: [5, 7], c2: [6] };

/** The person-level difference in means when the clusters in `treatedClusters` are treated. */
function difference(treatedClusters: readonly string[]): number {
  const treated = Object.entries(sizes).flatMap(([c, ys]) => (treatedClusters.includes(c) ? ys : []));
  const control = Object.entries(sizes).flatMap(([c, ys]) => (treatedClusters.includes(c) ? [] : ys));
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  return mean(treated) - mean(control);
}

describe("clusterRandomizationInference(data, clusters, strata, blocks, permutations, seed)", () => {
  it("clusterRandomizationInference re-randomises whole clusters: the 6 ways to treat 2 of 4, p as counted by hand", () => {
    const pairs = [["t1", "t2"], ["t1", "c1"], ["t1", "c2"], ["t2", "c1"], ["t2", "c2"], ["c1", "c2"]];
    const observed = difference(["t1", "t2"]); // 10 − 6 = 4
    const extreme = pairs.filter((p) => Math.abs(difference(p)) >= Math.abs(observed) - 1e-12).length;
    const e = clusterRandomizationInference(data, clusterOfUnit, null, null, 1_000, 1);
    expect(e).toMatchObject({ estimate: 4, exact: true, permutations: 6, clusters: 4, notes: [{ code: "clusters_rerandomised", params: {} }] });
    // {t1, t2} gives +4 and {c1, c2} gives 6 − 10 = −4; every other pair is nearer 0: p = 2/6.
    expect(extreme).toBe(2);
    expect(e.p_value).toBeCloseTo(2 / 6, 15);
  });

  it("clusterRandomizationInference within strata {t1, c1} and {t2, c2}: 2 × 2 = 4 assignments", () => {
    const strata = ["s", "s", "r", "s", "s", "r"];
    const e = clusterRandomizationInference(data, clusterOfUnit, strata, null, 1_000, 1);
    const assignments = [["t1", "t2"], ["t1", "c2"], ["c1", "t2"], ["c1", "c2"]];
    const extreme = assignments.filter((p) => Math.abs(difference(p)) >= 4 - 1e-12).length;
    expect(e.permutations).toBe(4);
    expect(e.p_value).toBeCloseTo(extreme / 4, 15);
  });

  it("clusterRandomizationInference samples with p = (1 + extreme)/(1 + B) when the assignments outnumber B", () => {
    const e = clusterRandomizationInference(data, clusterOfUnit, null, null, 5, 9);
    expect(e.exact).toBe(false);
    expect(e.permutations).toBe(5);
    expect([1, 2, 3, 4, 5, 6].map((k) => k / 6)).toContainEqual(e.p_value);
  });

  it("clusterRandomizationInference refuses a cluster holding persons of both arms", () => {
    const e = clusterRandomizationInference(data, ["t1", "t1", "c1", "c1", "c1", "c2"], null, null, 1_000, 1);
    expect(e.notes).toEqual([{ code: "cluster_mixed_arms", params: {} }]);
  });
});
