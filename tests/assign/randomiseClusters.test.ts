/**
 * randomiseClusters: whole clusters assigned (randomizr's cluster_ra / block_and_cluster_ra
 * rules), frozen as "effekt-cluster-blocked-1".
 */
import { describe, expect, it } from "vitest";
import { randomiseBatch } from "../../src/assign/randomiseBatch.ts";
import { randomiseClusters } from "../../src/assign/randomiseClusters.ts";

const arms = [{ name: "control", ratio: 1 }, { name: "treatment", ratio: 1 }];
// Ten teams of unequal size (1 to 4 persons): teams 1–4 in block east, 5–10 in block west.
const persons = Array.from({ length: 10 }, (_, c) => c + 1).flatMap((c) =>
  Array.from({ length: (c % 4) + 1 }, (_, k) => ({ personId: `P${c}-${k}`, block: c <= 4 ? "east" : "west", cluster: `team${String(c).padStart(2, "0")}` })),
);

describe("randomiseClusters", () => {
  const result = randomiseClusters(persons, arms, 2024, "2024Q1");

  it("randomiseClusters(...) gives every person the arm of their cluster", () => {
    for (const p of persons) expect(result.persons.get(p.personId)).toBe(result.clusters.get(p.cluster));
    expect(result.persons.size).toBe(persons.length);
  });

  it("randomiseClusters(...) treats half the clusters in each block (east 2 of 4, west 3 of 6), whatever their sizes", () => {
    const treatedIn = (block: string) => [...result.clusters].filter(([c, arm]) => arm === "treatment" && persons.find((p) => p.cluster === c)!.block === block).length;
    expect([treatedIn("east"), treatedIn("west")]).toEqual([2, 3]);
  });

  it("randomiseClusters(...) is frozen: this seed and batch give this allocation in every version", () => {
    expect([...result.clusters].sort()).toEqual([
      ["team01", "treatment"], ["team02", "control"], ["team03", "treatment"], ["team04", "control"], ["team05", "treatment"],
      ["team06", "control"], ["team07", "control"], ["team08", "control"], ["team09", "treatment"], ["team10", "treatment"],
    ]);
    // The definition: the clusters, as units, through effekt-complete-blocked-1.
    const units = [...new Set(persons.map((p) => p.cluster))].map((c) => ({ personId: c, block: persons.find((p) => p.cluster === c)!.block }));
    expect(result.clusters).toEqual(randomiseBatch(units, arms, 2024, "2024Q1"));
  });

  it("randomiseClusters(...) unblocked is cluster_ra: 7 clusters, 1:1, treat 3 or 4 (each about half the seeds)", () => {
    const seven = Array.from({ length: 7 }, (_, c) => ({ personId: `p${c}`, block: "", cluster: `c${c}` }));
    const counts = Array.from({ length: 400 }, (_, seed) => [...randomiseClusters(seven, arms, seed, "b").clusters.values()].filter((a) => a === "treatment").length);
    expect(new Set(counts)).toEqual(new Set([3, 4]));
    const fours = counts.filter((c) => c === 4).length;
    expect(fours).toBeGreaterThan(160);
    expect(fours).toBeLessThan(240);
  });

  it("randomiseClusters(...) names a cluster whose persons lie in two blocks, and assigns no one", () => {
    const bad = randomiseClusters([...persons, { personId: "X", block: "west", cluster: "team01" }], arms, 1, "b");
    expect(bad.clustersAcrossBlocks).toEqual(["team01"]);
    expect(bad.persons.size).toBe(0);
  });
});
