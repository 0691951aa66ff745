/**
 * Randomisation inference for the difference in means (the blocked estimate when the
 * design was blocked): re-randomise within the design's strata, as the design did,
 * and count how often the re-randomised estimate is at least as far from 0 as the
 * observed one. Every assignment is enumerated when there are no more than
 * `permutations` of them: p = #{|T*| ≥ |T|} / (all assignments), exactly (as ri2).
 * Otherwise B = `permutations` seeded draws (xoshiro128**) and
 * p = (1 + #{|T*| ≥ |T|}) / (1 + B) (Phipson & Smyth 2010: never 0, never
 * anti-conservative), with the Monte-Carlo SE √(p(1 − p)/B).
 */
import { randomInteger, seededRandom } from "../shared/random.ts";
import { pushTo } from "../shared/collections.ts";
import { baseEntry, notEstimable, relativeEffect, type ContrastData } from "./contrastData.ts";
import type { EffectEstimate } from "./schema.ts";

export function randomizationInference(data: ContrastData, strataOfUnit: readonly string[] | null, blocksOfUnit: readonly string[] | null, permutations: number, seed: number): EffectEstimate {
  const n = data.units.length;
  const treatedCount = data.z.filter((z) => z === 1).length;
  if (treatedCount < 1 || n - treatedCount < 1) return notEstimable(data, "randomization", "needs persons in both arms");
  const strata = new Map<string, number[]>();
  data.units.forEach((unit, i) => {
    const key = strataOfUnit ? strataOfUnit[unit]! : "all";
    pushTo(strata, key, i);
  });
  const blockIndex = blocksOfUnit ? data.units.map((unit) => blocksOfUnit[unit]!) : null;
  const statistic = makeStatistic(data.y, blockIndex);
  const observed = statistic(data.z);
  if (observed === null) return notEstimable(data, "randomization", "the estimate is undefined (a block lacks one arm)");
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
    // Monte Carlo: a partial Fisher–Yates per stratum picks its treated units; only their outcomes are summed.
    const random = seededRandom(seed);
    const fromTreatedSums = makeSumStatistic(data.y, blockIndex);
    const order = groups.map((g) => Int32Array.from(g.members));
    for (let b = 0; b < permutations; b += 1) {
      fromTreatedSums.reset();
      groups.forEach((g, s) => {
        const units = order[s]!;
        for (let k = 0; k < g.treated; k += 1) {
          const j = k + randomInteger(random, units.length - k);
          const chosen = units[j]!;
          units[j] = units[k]!;
          units[k] = chosen;
          fromTreatedSums.add(chosen);
        }
      });
      count(fromTreatedSums.value());
    }
  }
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

/**
 * The same statistic from the treated units' outcome sums alone (the arm sizes per block
 * are fixed by the design), so a draw costs one pass over the treated units.
 */
function makeSumStatistic(y: readonly number[], blocks: readonly string[] | null) {
  const keys = blocks ? [...new Set(blocks)] : ["all"];
  const index = Int32Array.from(y.map((_, i) => (blocks ? keys.indexOf(blocks[i]!) : 0)));
  const size = new Float64Array(keys.length);
  const totalY = new Float64Array(keys.length);
  y.forEach((v, i) => {
    size[index[i]!]! += 1;
    totalY[index[i]!]! += v;
  });
  const treatedSum = new Float64Array(keys.length);
  const treatedCount = new Float64Array(keys.length);
  return {
    reset() {
      treatedSum.fill(0);
      treatedCount.fill(0);
    },
    add(unit: number) {
      const k = index[unit]!;
      treatedSum[k]! += y[unit]!;
      treatedCount[k]! += 1;
    },
    value(): number | null {
      let estimate = 0;
      for (let k = 0; k < keys.length; k += 1) {
        const nT = treatedCount[k]!;
        const nC = size[k]! - nT;
        if (nT === 0 || nC === 0) return null;
        estimate += (size[k]! / y.length) * (treatedSum[k]! / nT - (totalY[k]! - treatedSum[k]!) / nC);
      }
      return estimate;
    },
  };
}

/** Difference in means, or the block-weighted difference when blocks are given. */
function makeStatistic(y: readonly number[], blocks: readonly string[] | null): (z: readonly number[]) => number | null {
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
    let estimate = 0;
    for (let k = 0; k < keys.length; k += 1) {
      if (nT[k] === 0 || nC[k] === 0) return null;
      estimate += ((nT[k]! + nC[k]!) / y.length) * (sumT[k]! / nT[k]! - sumC[k]! / nC[k]!);
    }
    return estimate;
  };
}

function choose(n: number, k: number): number {
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
