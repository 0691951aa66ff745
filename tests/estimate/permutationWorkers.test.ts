/**
 * Randomisation inference in chunks over threads: the same count whatever the number of
 * threads; each chunk's draws as the documented stream gives them (a reference written
 * here: xoshiro128** from its C source, Lemire's rule in exact BigInt arithmetic, a plain
 * partial Fisher–Yates); and the draws uniform (their p within Monte-Carlo error of the exact one).
 */
import { describe, expect, it } from "vitest";
import { randomizationInference } from "../../src/estimate/randomizationInference.ts";
import { DRAWS_PER_CHUNK } from "../../src/estimate/permutationChunks.js";
import { chunkStates, countExtremeDraws } from "../../src/estimate/permutationWorkers.ts";
import { seededRandom } from "../../src/shared/random.ts";

function problem(n: number, seed: number, effect: number) {
  const random = seededRandom(seed);
  const z = Array.from({ length: n }, (_, i) => Number(i % 3 !== 0));
  const y = z.map((t) => t * effect + random.next());
  // Strata nested in the blocks, as a design's randomisation strata are in its blocks.
  const strata = Array.from({ length: n }, (_, i) => `s${Math.floor(i / 7) % 4}`);
  const blocks = strata.map((s) => (s === "s0" || s === "s1" ? "north" : "south"));
  return { data: { outcome: "y", contrast: "t vs c", units: z.map((_, i) => i), z, y, confidence: 0.95 }, strata, blocks };
}

/** Chunk by chunk, as permutationChunks.js documents it, with nothing shared with it. */
function referenceExtreme(data: ReturnType<typeof problem>["data"], strata: string[] | null, blocks: string[] | null, permutations: number, seed: number, observed: number): number {
  const n = data.y.length;
  const groups = new Map<string, number[]>();
  data.units.forEach((_, i) => {
    const key = strata ? strata[i]! : "all";
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const blockKeys = blocks ? [...new Set(blocks)] : ["all"];
  const blockOf = data.units.map((_, i) => (blocks ? blockKeys.indexOf(blocks[i]!) : 0));
  const base = seededRandom(seed).nextUint32();
  let extreme = 0;
  for (let chunk = 0; chunk * DRAWS_PER_CHUNK < permutations; chunk += 1) {
    const fill = seededRandom((base + chunk * 0x9e3779b9) % 2 ** 32);
    const s = [fill.nextUint32(), fill.nextUint32(), fill.nextUint32(), fill.nextUint32()];
    // xoshiro128** (https://prng.di.unimi.it/xoshiro128starstar.c) on unsigned 32-bit words.
    const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
    const next = () => {
      const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
      const t = (s[1]! << 9) >>> 0;
      s[2] = (s[2]! ^ s[0]!) >>> 0;
      s[3] = (s[3]! ^ s[1]!) >>> 0;
      s[1] = (s[1]! ^ s[2]!) >>> 0;
      s[0] = (s[0]! ^ s[3]!) >>> 0;
      s[2] = (s[2]! ^ t) >>> 0;
      s[3] = rotl(s[3]!, 11);
      return result;
    };
    // Lemire (2019): m = x · range in 64 bits; reject while its low half < 2³² mod range.
    const below = (range: number) => {
      const r = BigInt(range);
      const reject = (2n ** 32n - r) % r;
      for (;;) {
        const m = BigInt(next()) * r;
        if (m % 2n ** 32n >= reject) return Number(m / 2n ** 32n);
      }
    };
    const order = [...groups.values()].map((members) => [...members]);
    for (let draw = chunk * DRAWS_PER_CHUNK; draw < Math.min(permutations, (chunk + 1) * DRAWS_PER_CHUNK); draw += 1) {
      const treated = new Array<number>(n).fill(0);
      for (const units of order) {
        const m = units.filter((i) => data.z[i] === 1).length;
        for (let k = 0; k < m; k += 1) {
          const j = k + below(units.length - k);
          [units[k], units[j]] = [units[j]!, units[k]!];
          treated[units[k]!] = 1;
        }
      }
      let estimate = 0;
      for (let b = 0; b < blockKeys.length; b += 1) {
        const members = data.units.map((_, i) => i).filter((i) => blockOf[i] === b);
        const t = members.filter((i) => treated[i] === 1);
        const c = members.filter((i) => treated[i] === 0);
        const mean = (list: number[]) => list.reduce((sum, i) => sum + data.y[i]!, 0) / list.length;
        estimate += (members.length / n) * (mean(t) - mean(c));
      }
      if (Math.abs(estimate) >= Math.abs(observed) - 1e-12 * (1 + Math.abs(observed))) extreme += 1;
    }
  }
  return extreme;
}

describe("randomizationInference in chunks", () => {
  it("gives the same entry with 1, 2 and 3 threads (strata and blocks)", () => {
    const { data, strata, blocks } = problem(3000, 5, 0.04);
    const results = [1, 2, 3].map((threads) => randomizationInference(data, strata, blocks, 1234, 99, threads));
    expect(results[0]!.p_value).toBeGreaterThan(0.01);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it("countExtremeDraws hands chunks to worker threads, and their count is the single thread's", () => {
    const { data } = problem(10_000, 8, 0.01);
    const y = Float64Array.from(data.y);
    const treated = data.z.reduce((sum, z) => sum + z, 0);
    const total = y.reduce((sum, v) => sum + v, 0);
    const permutations = 24 * DRAWS_PER_CHUNK;
    const input = {
      y, members: Int32Array.from(data.units), strataStart: Int32Array.of(0), strataSize: Int32Array.of(y.length), strataTreated: Int32Array.of(treated),
      blockOf: new Int32Array(y.length), blockSize: Float64Array.of(y.length), blockTreated: Float64Array.of(treated), blockTotal: Float64Array.of(total),
      chunkStates: chunkStates(4, permutations), observed: 0.004, tolerance: 1e-12, permutations,
    };
    const alone = countExtremeDraws(input, 1);
    const shared = countExtremeDraws(input, 3, true);
    expect(alone.chunksByWorkers).toBe(0);
    expect(shared.chunksByWorkers).toBe(24);
    expect(shared.extreme).toBe(alone.extreme);
    expect(alone.extreme).toBeGreaterThan(0);
  });

  it("counts the draws each chunk's stream gives, as a reference written from the documentation counts them", () => {
    for (const [strataOn, blocksOn] of [[false, false], [true, false], [true, true]] as const) {
      const { data, strata, blocks } = problem(40, 11, 0.1);
      const permutations = 2 * DRAWS_PER_CHUNK + 17;
      const ours = randomizationInference(data, strataOn ? strata : null, blocksOn ? blocks : null, permutations, 3, 1);
      expect(ours.exact).toBe(false);
      const expected = referenceExtreme(data, strataOn ? strata : null, blocksOn ? blocks : null, permutations, 3, ours.estimate!);
      expect(Math.round(ours.p_value! * (1 + permutations)) - 1).toBe(expected);
    }
  });

  it("draws uniformly: on 14 units, 9 treated (2,002 assignments), the p of 1,500 draws is within 4 Monte-Carlo SEs of the exact p", () => {
    const { data } = problem(14, 2, 0.3);
    const exact = randomizationInference(data, null, null, 10_000, 1, 1);
    const sampled = randomizationInference(data, null, null, 1_500, 1, 1);
    expect(exact.exact).toBe(true);
    expect(sampled.exact).toBe(false);
    expect(Math.abs(sampled.p_value! - exact.p_value!)).toBeLessThan(4 * sampled.p_value_mc_se!);
  });
});
