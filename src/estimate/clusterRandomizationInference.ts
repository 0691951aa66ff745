/**
 * Randomisation inference for a cluster-randomised design: whole clusters are re-randomised
 * within their strata, as the design assigned them (each stratum keeps its number of treated
 * clusters), and the statistic is the person-level difference in means (block-weighted when
 * blocked), as in randomizationInference.ts. Exact when there are no more than `permutations`
 * cluster assignments (p = share of assignments at least as extreme), else B seeded draws with
 * p = (1 + #)/(1 + B) and its Monte-Carlo SE.
 */
import { note } from "../shared/note.ts";
import { pushTo } from "../shared/collections.ts";
import { randomInteger, seededRandom } from "../shared/random.ts";
import { notEstimable, type ContrastData } from "./contrastData.ts";
import { choose, makeStatistic, randomizationEntry } from "./randomizationInference.ts";
import type { EffectEstimate } from "./schema.ts";

export function clusterRandomizationInference(data: ContrastData, clusterOfUnit: readonly string[], strataOfUnit: readonly string[] | null, blocksOfUnit: readonly string[] | null, permutations: number, seed: number): EffectEstimate {
  const n = data.units.length;
  const clusterMembers = new Map<string, number[]>();
  data.units.forEach((unit, i) => pushTo(clusterMembers, clusterOfUnit[unit]!, i));
  const clusters = [...clusterMembers.keys()].sort();
  const armOf = clusters.map((c) => data.z[clusterMembers.get(c)![0]!]!);
  if (clusters.some((c, k) => clusterMembers.get(c)!.some((i) => data.z[i] !== armOf[k]))) return notEstimable(data, "randomization", note("cluster_mixed_arms"));
  const strata = new Map<string, number[]>();
  clusters.forEach((c, k) => pushTo(strata, strataOfUnit ? strataOfUnit[data.units[clusterMembers.get(c)![0]!]!]! : "all", k));
  const groups = [...strata.values()].map((members) => ({ members, treated: members.filter((k) => armOf[k] === 1).length }));
  const blockIndex = blocksOfUnit ? data.units.map((unit) => blocksOfUnit[unit]!) : null;
  const statistic = makeStatistic(data.y, blockIndex);
  const observed = statistic(data.z);
  if (observed === null) return notEstimable(data, "randomization", note("block_lacks_arm"));
  const tolerance = 1e-12 * (1 + Math.abs(observed));
  const z = new Array<number>(n).fill(0);
  const personZ = (clusterZ: readonly number[]) => {
    clusters.forEach((c, k) => clusterMembers.get(c)!.forEach((i) => (z[i] = clusterZ[k]!)));
    return statistic(z);
  };
  let extreme = 0;
  let draws = 0;
  const count = (value: number | null) => {
    draws += 1;
    if (value !== null && Math.abs(value) >= Math.abs(observed) - tolerance) extreme += 1;
  };
  const total = groups.reduce((product, g) => product * choose(g.members.length, g.treated), 1);
  const exact = total <= permutations;
  const clusterZ = new Array<number>(clusters.length).fill(0);
  if (exact) {
    const visit = (g: number): void => {
      if (g === groups.length) return count(personZ(clusterZ));
      const { members, treated } = groups[g]!;
      const pick = (start: number, left: number): void => {
        if (left === 0) return visit(g + 1);
        for (let s = start; s <= members.length - left; s += 1) {
          clusterZ[members[s]!] = 1;
          pick(s + 1, left - 1);
          clusterZ[members[s]!] = 0;
        }
      };
      pick(0, treated);
    };
    visit(0);
  } else {
    const random = seededRandom(seed);
    for (let b = 0; b < permutations; b += 1) {
      clusterZ.fill(0);
      for (const { members, treated } of groups) {
        const pool = [...members];
        for (let k = 0; k < treated; k += 1) {
          const at = k + randomInteger(random, pool.length - k);
          [pool[k], pool[at]] = [pool[at]!, pool[k]!];
          clusterZ[pool[k]!] = 1;
        }
      }
      count(personZ(clusterZ));
    }
  }
  return { ...randomizationEntry(data, observed, extreme, draws, exact), clusters: clusters.length, notes: [note("clusters_rerandomised")] };
}
