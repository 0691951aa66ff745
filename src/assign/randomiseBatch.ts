/**
 * Randomises one batch of persons to arms: complete randomisation within blocks, with
 * the overall counts fixed. Algorithm "effekt-complete-blocked-1", frozen: the same
 * seed, batch and roster give the same allocation in every version.
 *
 * 1. Overall targets (randomizr's `complete_ra` rule): arm k gets ⌊N·pₖ⌋; the
 *    N − Σ⌊N·pₖ⌋ leftover places go to distinct arms drawn without replacement with
 *    probability ∝ the fractional parts N·pₖ − ⌊N·pₖ⌋. With two arms the treated count
 *    is ⌈N·p⌉ with probability N·p − ⌊N·p⌋, else ⌊N·p⌋, exactly as complete_ra.
 * 2. Each block b gets ⌊n_b·pₖ⌋ of arm k.
 * 3. Odd-sized blocks: the places left in blocks are filled from one shuffled pool
 *    holding, for each arm, its overall target minus what step 2 gave it. So every
 *    block is within one place per leftover of its own ratio and the overall ratio is
 *    exact — randomizr's block_ra rounds each block independently, which keeps the
 *    ratio only in expectation.
 * 4. Within each block the arm list is shuffled (Fisher–Yates) and dealt to persons in
 *    person-id order.
 * Blocks are taken in code-unit order of their labels. The random source is
 * xoshiro128** seeded by SplitMix32 with the batch seed: the first four bytes
 * (big-endian) of SHA-256("<seed>:<batch>"), so batches added later never change earlier ones.
 */
import { createHash } from "node:crypto";
import { RANDOM_ALGORITHM, seededRandom, shuffle, type RandomSource } from "../shared/random.ts";
import { pushTo } from "../shared/collections.ts";

export const ALLOCATION_ALGORITHM = `effekt-complete-blocked-1 (${RANDOM_ALGORITHM}; batch seed = first 4 bytes of SHA-256("<seed>:<batch>"), big-endian)`;

export interface ArmRatio {
  readonly name: string;
  readonly ratio: number;
}

export function batchSeed(seed: number, batch: string): number {
  return createHash("sha256").update(`${seed}:${batch}`).digest().readUInt32BE(0);
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Arm per person for one batch. `persons` carries each person's block; the order given does not matter. */
export function randomiseBatch(persons: readonly { personId: string; block: string }[], arms: readonly ArmRatio[], seed: number, batch: string): Map<string, string> {
  if (arms.length < 2) throw new Error("randomiseBatch requires at least two arms");
  const random = seededRandom(batchSeed(seed, batch));
  const totalRatio = arms.reduce((sum, arm) => sum + arm.ratio, 0);
  const probabilities = arms.map((arm) => arm.ratio / totalRatio);

  const blocks = new Map<string, string[]>();
  for (const person of persons) pushTo(blocks, person.block, person.personId);
  const blockNames = [...blocks.keys()].sort(byCodeUnits);
  for (const name of blockNames) blocks.get(name)!.sort(byCodeUnits);

  const targets = completeTargets(persons.length, probabilities, random);
  const base = blockNames.map((name) => probabilities.map((p) => floorOfProduct(blocks.get(name)!.length, p)));
  const pool = shuffle(
    random,
    arms.flatMap((_, k) => Array<number>(targets[k]! - base.reduce((sum, counts) => sum + counts[k]!, 0)).fill(k)),
  );

  const allocation = new Map<string, string>();
  blockNames.forEach((name, b) => {
    const members = blocks.get(name)!;
    const armIndices = base[b]!.flatMap((count, k) => Array<number>(count).fill(k));
    while (armIndices.length < members.length) armIndices.push(pool.shift()!);
    shuffle(random, armIndices).forEach((k, i) => allocation.set(members[i]!, arms[k]!.name));
  });
  return allocation;
}

/** Step 1: the overall count per arm. */
function completeTargets(n: number, probabilities: readonly number[], random: RandomSource): number[] {
  const exact = probabilities.map((p) => n * p);
  const targets = probabilities.map((p) => floorOfProduct(n, p));
  const fractions = exact.map((x, k) => Math.max(0, x - targets[k]!));
  let leftover = n - targets.reduce((a, b) => a + b, 0);
  while (leftover > 0) {
    const total = fractions.reduce((a, b) => a + b, 0);
    let u = random.next() * total;
    let k = 0;
    while (k < fractions.length - 1 && (u >= fractions[k]! || fractions[k] === 0)) {
      u -= fractions[k]!;
      k += 1;
    }
    targets[k]! += 1;
    fractions[k] = 0;
    leftover -= 1;
  }
  return targets;
}

/** ⌊n·p⌋, forgiving the rounding of p = 1/3 and the like (3 · ⅓ may come out as 0.9999999999999999). */
function floorOfProduct(n: number, p: number): number {
  return Math.floor(n * p + 1e-9);
}
