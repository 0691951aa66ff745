/**
 * Randomisation inference for the difference in means (the blocked estimate when the
 * design was blocked, over the strata that hold both arms — a stratum with one arm only
 * compares nothing, under every re-randomisation): re-randomise within the design's strata, as the design did,
 * and count how often the re-randomised estimate is at least as far from 0 as the
 * observed one. Every assignment is enumerated when there are no more than
 * `permutations` of them: p = #{|T*| ≥ |T|} / (all assignments), exactly (as ri2).
 * Otherwise B = `permutations` seeded draws in fixed chunks, each chunk's stream decided by
 * its index (permutationChunks.js), each stratum re-randomised by a partial Fisher–Yates,
 * over every core for large problems (permutationWorkers.ts; `threads` to choose) — the same
 * p whatever the number of threads — and
 * p = (1 + #{|T*| ≥ |T|}) / (1 + B) (Phipson & Smyth 2010: never 0, never
 * anti-conservative), with the Monte-Carlo SE √(p(1 − p)/B).
 */
import { note } from "../shared/note.ts";
import { pushTo } from "../shared/collections.ts";
import { chunkStates, countExtremeDraws } from "./permutationWorkers.ts";
import { baseEntry, notEstimable, relativeEffect, type ContrastData } from "./contrastData.ts";
import type { EffectEstimate } from "./schema.ts";

export function randomizationInference(data: ContrastData, strataOfUnit: readonly string[] | null, blocksOfUnit: readonly string[] | null, permutations: number, seed: number, threads?: number): EffectEstimate {
  const n = data.units.length;
  const treatedCount = data.z.filter((z) => z === 1).length;
  if (treatedCount < 1 || n - treatedCount < 1) return notEstimable(data, "randomization", note("needs_both_arms"));
  const strata = new Map<string, number[]>();
  data.units.forEach((unit, i) => {
    const key = strataOfUnit ? strataOfUnit[unit]! : "all";
    pushTo(strata, key, i);
  });
  const blockIndex = blocksOfUnit ? data.units.map((unit) => blocksOfUnit[unit]!) : null;
  const statistic = makeStatistic(data.y, blockIndex);
  const observed = statistic(data.z);
  if (observed === null) return notEstimable(data, "randomization", note("block_lacks_arm"));
  const tolerance = 1e-12 * (1 + Math.abs(observed));

  const groups = [...strata.values()].map((members) => ({ members, treated: members.filter((i) => data.z[i] === 1).length }));
  const total = groups.reduce((product, g) => product * choose(g.members.length, g.treated), 1);
  let extreme = 0;
  let draws = 0;
  const exact = total <= permutations;
  const count = (value: number | null) => {
    draws += 1;
    if (value !== null && Math.abs(value) >= Math.abs(observed) - tolerance) extreme += 1;
  };
  if (exact) {
    const z = new Array<number>(n).fill(0);
    enumerate(groups, 0, z, () => count(statistic(z)));
  } else {
    // Monte Carlo: fixed chunks of draws, each with its own seeded stream, over every core (permutationChunks.js).
    const keys = blockIndex ? [...new Set(blockIndex)] : ["all"];
    const keyIndex = new Map(keys.map((key, k) => [key, k]));
    const blockOf = Int32Array.from(data.units.map((_, i) => (blockIndex ? keyIndex.get(blockIndex[i]!)! : 0)));
    const blockSize = new Float64Array(keys.length);
    const blockTotal = new Float64Array(keys.length);
    const blockTreated = new Float64Array(keys.length);
    for (let i = 0; i < n; i += 1) {
      blockSize[blockOf[i]!]! += 1;
      blockTotal[blockOf[i]!]! += data.y[i]!;
      if (data.z[i] === 1) blockTreated[blockOf[i]!]! += 1;
    }
    const strataStart = new Int32Array(groups.length);
    for (let g = 1; g < groups.length; g += 1) strataStart[g] = strataStart[g - 1]! + groups[g - 1]!.members.length;
    const problem = {
      y: Float64Array.from(data.y),
      members: Int32Array.from(groups.flatMap((g) => g.members)),
      strataStart,
      strataSize: Int32Array.from(groups.map((g) => g.members.length)),
      strataTreated: Int32Array.from(groups.map((g) => g.treated)),
      blockOf, blockSize, blockTreated, blockTotal,
      chunkStates: chunkStates(seed, permutations),
      observed, tolerance, permutations,
    };
    extreme = countExtremeDraws(problem, threads).extreme;
    draws = permutations;
  }
  return randomizationEntry(data, observed, extreme, draws, exact);
}

/**
 * The `randomization` entry from the count of draws at least as extreme as the observed estimate: exact,
 * p = extreme / all assignments; sampled, p = (1 + extreme) / (1 + draws) with its Monte-Carlo SE.
 */
export function randomizationEntry(data: ContrastData, observed: number, extreme: number, draws: number, exact: boolean): EffectEstimate {
  const p = exact ? extreme / draws : (1 + extreme) / (1 + draws);
  const base = baseEntry(data, "randomization");
  return {
    ...base,
    estimate: observed,
    std_error: null,
    statistic: observed,
    df: null,
    p_value: p,
    conf_low: null,
    conf_high: null,
    relative_effect: relativeEffect(observed, base.mean_control),
    permutations: draws,
    exact,
    p_value_mc_se: exact ? 0 : Math.sqrt((p * (1 - p)) / draws),
  };
}

/** Difference in means, or the block-weighted difference when blocks are given. */
export function makeStatistic(y: readonly number[], blocks: readonly string[] | null): (z: readonly number[]) => number | null {
  if (!blocks) {
    return (z) => {
      let sumT = 0, nT = 0, sumC = 0, nC = 0;
      for (let i = 0; i < y.length; i += 1) {
        if (z[i] === 1) { sumT += y[i]!; nT += 1; } else { sumC += y[i]!; nC += 1; }
      }
      return nT > 0 && nC > 0 ? sumT / nT - sumC / nC : null;
    };
  }
  const keys = [...new Set(blocks)];
  const index = blocks.map((b) => keys.indexOf(b));
  return (z) => {
    const sumT = new Float64Array(keys.length), nT = new Float64Array(keys.length), sumC = new Float64Array(keys.length), nC = new Float64Array(keys.length);
    for (let i = 0; i < y.length; i += 1) {
      const k = index[i]!;
      if (z[i] === 1) { sumT[k]! += y[i]!; nT[k]! += 1; } else { sumC[k]! += y[i]!; nC[k]! += 1; }
    }
    // Strata holding one arm only compare nothing: left out, the weights are over the strata that hold both arms.
    let informative = 0;
    for (let k = 0; k < keys.length; k += 1) if (nT[k]! > 0 && nC[k]! > 0) informative += nT[k]! + nC[k]!;
    if (informative === 0) return null;
    let estimate = 0;
    for (let k = 0; k < keys.length; k += 1) {
      if (nT[k] === 0 || nC[k] === 0) continue;
      estimate += ((nT[k]! + nC[k]!) / informative) * (sumT[k]! / nT[k]! - sumC[k]! / nC[k]!);
    }
    return estimate;
  };
}

export function choose(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i += 1) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** Calls `visit` once for every assignment with each stratum's treated count fixed. */
function enumerate(groups: readonly { members: number[]; treated: number }[], g: number, z: number[], visit: () => void): void {
  if (g === groups.length) return visit();
  const { members, treated } = groups[g]!;
  const pick = (start: number, left: number): void => {
    if (left === 0) return enumerate(groups, g + 1, z, visit);
    for (let i = start; i <= members.length - left; i += 1) {
      z[members[i]!] = 1;
      pick(i + 1, left - 1);
      z[members[i]!] = 0;
    }
  };
  for (const unit of members) z[unit] = 0;
  pick(0, treated);
}
