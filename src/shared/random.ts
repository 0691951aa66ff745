/**
 * A seeded random source whose algorithm is named and frozen: xoshiro128** (Blackman &
 * Vigna, 2018), its 128-bit state filled by SplitMix32 from a 32-bit seed. The same
 * seed gives the same sequence in every version of effekt; changing this file
 * changes published allocations, so tests hold a frozen sequence.
 * https://prng.di.unimi.it/xoshiro128starstar.c
 */

export const RANDOM_ALGORITHM = "xoshiro128** seeded by SplitMix32";

export interface RandomSource {
  /** A uniform number in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** The same draw as an unsigned 32-bit integer (next() × 2³²). */
  nextUint32(): number;
}

function splitMix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** xoshiro128** from a non-negative integer seed (taken modulo 2³²). */
export function seededRandom(seed: number): RandomSource {
  if (!Number.isInteger(seed) || seed < 0) throw new Error("seededRandom requires a non-negative integer seed");
  const fill = splitMix32(seed);
  let a = fill();
  let b = fill();
  let c = fill();
  let d = fill();
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    return result;
  };
  return {
    nextUint32,
    next(): number {
      return nextUint32() / 4294967296;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** An integer in [0, n) without modulo bias (rejection sampling on 32-bit draws). */
export function randomInteger(random: RandomSource, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new Error("randomInteger requires an integer n in [1, 2^32]");
  const limit = Math.floor(4294967296 / n) * n;
  for (;;) {
    const draw = random.nextUint32();
    if (draw < limit) return draw % n;
  }
}

/** Fisher–Yates shuffle (Durstenfeld), returning a new array. */
export function shuffle<T>(random: RandomSource, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInteger(random, i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
