/**
 * Monte Carlo of quarterly looks at a share outcome under no effect (issue #30's check): persons
 * enrol in a fixed order, randomised 1:1, each with the outcome with the same chance in both arms;
 * at look k the first ⌊t_k n⌋ persons have complete follow-up, and the two-sided p of the
 * difference in shares (the pooled z of prop.test; the unpooled Wald z over-rejects at a 9 % share
 * with few persons, for one look as for eight) is compared
 * with the look's boundary, and with 1.96 for naive looks. Returns the share of trials that ever
 * cross. Randomness is the seeded source passed in.
 */
import type { RandomSource } from "../shared/random.ts";

export interface SimulatedLooks {
  readonly trials: number;
  /** Share of trials with a crossing at some look: the procedure's type I error. */
  readonly sequential: number;
  /** Share of trials with p < 0.05 at some look: naive repeated testing. */
  readonly naive: number;
}

/** z of the difference in shares (arm 1 − arm 0) with the pooled share's variance (R prop.test(correct = FALSE)); 0 without events. */
function differenceZ(events: readonly number[], counts: readonly number[]): number {
  const [p0, p1] = [events[0]! / counts[0]!, events[1]! / counts[1]!];
  const pooled = (events[0]! + events[1]!) / (counts[0]! + counts[1]!);
  const variance = pooled * (1 - pooled) * (1 / counts[0]! + 1 / counts[1]!);
  return variance > 0 ? (p1 - p0) / Math.sqrt(variance) : 0;
}

/**
 * @param boundaries |z| to cross at each look (two-sided), in order
 * @param fractions information fraction of each look
 * @param persons persons at full information
 * @param share the outcome's share in both arms
 * @example simulateLooks(efficacyBoundaries(plan, fractions).map((b) => b.boundary), fractions, 470, 0.09, 4000, seededRandom(30))
 */
export function simulateLooks(boundaries: readonly number[], fractions: readonly number[], persons: number, share: number, trials: number, random: RandomSource): SimulatedLooks {
  const cut = fractions.map((t) => Math.floor(t * persons));
  let sequential = 0;
  let naive = 0;
  for (let trial = 0; trial < trials; trial += 1) {
    const events = [0, 0];
    const counts = [0, 0];
    let person = 0;
    let crossed = false;
    let naiveCrossed = false;
    cut.forEach((until, k) => {
      for (; person < until; person += 1) {
        const arm = random.next() < 0.5 ? 0 : 1;
        counts[arm]! += 1;
        if (random.next() < share) events[arm]! += 1;
      }
      if (counts[0] === 0 || counts[1] === 0) return;
      const z = Math.abs(differenceZ(events, counts));
      crossed ||= z >= boundaries[k]!;
      naiveCrossed ||= z >= 1.959963984540054;
    });
    if (crossed) sequential += 1;
    if (naiveCrossed) naive += 1;
  }
  return { trials, sequential: sequential / trials, naive: naive / trials };
}
