import { describe, expect, it } from "vitest";
import type { OutcomeRow } from "../../../src/repay/outcomeTable.ts";
import { bootstrapAmounts } from "../../../src/repay/rules/bootstrap.ts";
import type { RandomSource } from "../../../src/shared/random.ts";

/** A source whose 32-bit draws pick the given row indices out of `n` (randomInteger takes draw mod n). */
const picking = (...indices: number[]): RandomSource => {
  let i = 0;
  return { next: () => 0, nextUint32: () => indices[i++]! };
};
const rows: OutcomeRow[] = [
  { personId: "p1", period: "2024", outcomes: { job: 1 } },
  { personId: "p2", period: "2024", outcomes: { job: 0 } },
  { personId: "p3", period: "2024", outcomes: { job: 1 } },
];

describe("bootstrapAmounts(rows, random, draws, amountOf)", () => {
  it("bootstrapAmounts draws n rows with replacement per sample and gives each drawn row its own person id", () => {
    const samples: OutcomeRow[][] = [];
    const amounts = bootstrapAmounts(rows, picking(0, 0, 2, 1, 1, 1), 2, (sample) => {
      samples.push(sample.map((r) => ({ ...r })));
      return sample.filter((r) => r.outcomes.job === 1).length;
    });
    expect(amounts).toEqual([3, 0]);
    expect(samples[0]!.map((r) => r.personId)).toEqual(["draw-0", "draw-1", "draw-2"]);
    expect(samples[0]!.map((r) => r.outcomes.job)).toEqual([1, 1, 1]);
    expect(samples[1]!.map((r) => r.outcomes.job)).toEqual([0, 0, 0]);
  });

  it("bootstrapAmounts(rows, random, 0, f) draws nothing", () => {
    expect(bootstrapAmounts(rows, picking(), 0, () => 1)).toEqual([]);
  });
});
