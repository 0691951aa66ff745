/** The α-spending functions, one file per kind: adding a kind is one file and one line here. */
import { customTable } from "./customTable.ts";
import type { Spending, SpendingDefinition, SpendingKind } from "./definition.ts";
import { hwangShihDeCani } from "./hwangShihDeCani.ts";
import { obrienFleming } from "./obrienFleming.ts";
import { pocock } from "./pocock.ts";

export type { Spending, SpendingKind } from "./definition.ts";

export const spendingFunctions = {
  obf: obrienFleming,
  pocock,
  hsd: hwangShihDeCani,
  table: customTable,
} satisfies { [K in SpendingKind]: SpendingDefinition<K> };

/**
 * The error probability α(t) a spending function has spent by information fraction t
 * (Lan & DeMets 1983): 0 at t ≤ 0, all of α at t ≥ 1 (a look past the planned maximum spends
 * what is left), and the kind's own function in between.
 *
 * @example spentAlpha({ kind: "obf" }, 0.025, 1, 0.5) // 0.001525… (rpact asOF, 2 looks)
 */
export function spentAlpha(spending: Spending, alpha: number, sides: 1 | 2, fraction: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new Error("spentAlpha requires 0 < alpha < 1");
  if (fraction <= 0) return 0;
  if (fraction >= 1) return alpha;
  const definition = spendingFunctions[spending.kind] as SpendingDefinition<SpendingKind>;
  return Math.min(alpha, Math.max(0, definition.cumulative(spending as never, alpha, sides, fraction)));
}

/** The spending function's name in words ("O'Brien–Fleming-type (Lan–DeMets)"). */
export function describeSpending(spending: Spending): string {
  return (spendingFunctions[spending.kind] as SpendingDefinition<SpendingKind>).describe(spending as never);
}
