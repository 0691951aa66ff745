/**
 * Randomisation inference for the difference in means (the blocked estimate when the
 * design was blocked, over the strata that hold both arms — a stratum with one arm only
 * compares nothing, under every re-randomisation): re-randomise within the design's strata, as the design did,
 * and count how often the re-randomised estimate is at least as far from 0 as the
 * observed one. Every assignment is enumerated when there are no more than
 * `permutations` of them: p = #{|T*| ≥ |T|} / (all assignments), exactly (as ri2).
 * Otherwise B = `permutations` seeded draws — xoshiro128** whose state is the first four
 * outputs of seededRandom(seed), each stratum re-randomised by a partial Fisher–Yates — and
 * p = (1 + #{|T*| ≥ |T|}) / (1 + B) (Phipson & Smyth 2010: never 0, never
 * anti-conservative), with the Monte-Carlo SE √(p(1 − p)/B).
 */
import { seededRandom } from "../shared/random.ts";
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
    // xoshiro128** again, its state in locals so the hot loop makes no calls (seeded from the same stream).
    const seedStream = seededRandom(seed);
    let sa = seedStream.nextUint32() | 0, sb = seedStream.nextUint32() | 0, sc = seedStream.nextUint32() | 0, sd = seedStream.nextUint32() | 0;
    if ((sa | sb | sc | sd) === 0) sd = 1;
    const y = Float64Array.from(data.y);
    const keys = blockIndex ? [...new Set(blockIndex)] : ["all"];
    const blockOf = Int32Array.from(data.units.map((_, i) => (blockIndex ? keys.indexOf(blockIndex[i]!) : 0)));
    const size = new Float64Array(keys.length);
    const totalY = new Float64Array(keys.length);
    const treatedPerBlock = new Float64Array(keys.length);
    for (let i = 0; i < n; i += 1) {
      size[blockOf[i]!]! += 1;
      totalY[blockOf[i]!]! += y[i]!;
      if (data.z[i] === 1) treatedPerBlock[blockOf[i]!]! += 1;
    }
    // Strata holding one arm only compare nothing (re-randomising within them keeps it so): they are left out of the statistic.
    let informative = 0;
    for (let k = 0; k < keys.length; k += 1) if (treatedPerBlock[k]! > 0 && treatedPerBlock[k]! < size[k]!) informative += size[k]!;
    const sumT = new Float64Array(keys.length);
    const order = groups.map((g) => Int32Array.from(g.members));
    for (let b = 0; b < permutations; b += 1) {
      sumT.fill(0);
      for (let s = 0; s < groups.length; s += 1) {
        const units = order[s]!;
        const m = groups[s]!.treated;
        for (let k = 0; k < m; k += 1) {
          // randomInteger(random, len − k), inlined: rejection sampling on 32-bit draws.
          const range = units.length - k;
          const limit = Math.floor(4294967296 / range) * range;
          let draw: number;
          do {
            const r = Math.imul(sb, 5);
            draw = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
            const t = sb << 9;
            sc ^= sa;
            sd ^= sb;
            sb ^= sc;
            sa ^= sd;
            sc ^= t;
            sd = (sd << 11) | (sd >>> 21);
          } while (draw >= limit);
          const j = k + (draw % range);
          const chosen = units[j]!;
          units[j] = units[k]!;
          units[k] = chosen;
          sumT[blockOf[chosen]!]! += y[chosen]!;
        }
      }
      let estimate = 0;
      for (let k = 0; k < keys.length; k += 1) {
        const nT = treatedPerBlock[k]!;
        const nC = size[k]! - nT;
        if (nT > 0 && nC > 0) estimate += (size[k]! / informative) * (sumT[k]! / nT - (totalY[k]! - sumT[k]!) / nC);
      }
      count(informative > 0 ? estimate : null);
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
