import type { RandomSource } from "../../shared/random.ts";

/** One standard normal draw by Box–Muller; 1 − u keeps the logarithm finite. */
export function standardNormal(random: RandomSource): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
