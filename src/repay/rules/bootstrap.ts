import { randomInteger, type RandomSource } from "../../shared/random.ts";
import type { OutcomeRow } from "../outcomeTable.ts";

/**
 * `draws` nonparametric bootstrap samples of a period's rows (each the period's size, drawn
 * with replacement), each turned into an amount. A row drawn twice stands for two persons,
 * so every drawn row gets a person id of its own.
 */
export function bootstrapAmounts(rows: readonly OutcomeRow[], random: RandomSource, draws: number, amountOf: (sample: readonly OutcomeRow[]) => number): number[] {
  const amounts: number[] = [];
  const ids = rows.map((_, i) => `draw-${i}`);
  const sample: OutcomeRow[] = new Array(rows.length);
  for (let b = 0; b < draws; b += 1) {
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[randomInteger(random, rows.length)]!;
      sample[i] = { personId: ids[i]!, period: row.period, outcomes: row.outcomes };
    }
    amounts.push(amountOf(sample));
  }
  return amounts;
}
