/**
 * The realised allocation ratio of a group of persons against the planned one: an
 * exact binomial test with two arms (R binom.test on the count in the non-control
 * arm), a χ² goodness-of-fit test with more.
 */
import { binomialTest } from "../stats/binomialTest.ts";
import { chiSquareGoodnessOfFit } from "../stats/pearsonChiSquareTest.ts";
import type { RatioTest } from "./schema.ts";

export function ratioTest(scope: string, arms: readonly { name: string; probability: number; control: boolean }[], armOfPerson: readonly string[]): RatioTest {
  const counts = Object.fromEntries(arms.map((a) => [a.name, armOfPerson.filter((x) => x === a.name).length]));
  const planned = Object.fromEntries(arms.map((a) => [a.name, a.probability]));
  const n = armOfPerson.length;
  if (n === 0) return { scope, n, counts, planned, test: "none", p: null };
  if (arms.length === 2) {
    const other = arms.find((a) => !a.control)!;
    return { scope, n, counts, planned, test: "exact_binomial", p: binomialTest(counts[other.name]!, n, other.probability).p };
  }
  const result = chiSquareGoodnessOfFit(arms.map((a) => counts[a.name]!), arms.map((a) => a.probability));
  return { scope, n, counts, planned, test: "chi_square_goodness_of_fit", p: result.p };
}
