/**
 * The larger run of tests/monitor/simulateLooks.test.ts: 200,000 seeded trials of 8 quarterly
 * looks under no effect (470 persons, share 0.09), for each spending function; prints the type I
 * error with its Monte-Carlo standard error, and naive looks at p < 0.05.
 *   node bin/run-ts.js scripts/sequential-type-one-error.ts [trials]
 */
import { simulateLooks } from "../src/monitor/simulateLooks.ts";
import { seededRandom } from "../src/shared/random.ts";
import { efficacyBoundaries } from "../src/stats/sequential/lookBoundary.ts";
import { describeSpending, type Spending } from "../src/stats/sequential/spending/index.ts";

const trials = Number(process.argv[2] ?? 200_000);
const fractions = Array.from({ length: 8 }, (_, k) => (k + 1) / 8);
const spendings: Spending[] = [{ kind: "obf" }, { kind: "pocock" }, { kind: "hsd", gamma: -4 }];
for (const spending of spendings) {
  const boundaries = efficacyBoundaries({ alpha: 0.05, sides: 2, spending }, fractions).map((b) => b.boundary);
  const result = simulateLooks(boundaries, fractions, 470, 0.09, trials, seededRandom(30));
  const se = (p: number) => Math.sqrt((p * (1 - p)) / trials);
  console.log(`${describeSpending(spending)}: type I error ${result.sequential.toFixed(4)} (MC SE ${se(result.sequential).toFixed(4)}); naive looks ${result.naive.toFixed(4)} (MC SE ${se(result.naive).toFixed(4)}); ${trials} trials`);
}
