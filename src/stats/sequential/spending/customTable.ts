/**
 * A custom spending table (rpact `"asUser"` with `userAlphaSpending`): the cumulative share of α
 * spent by each listed information fraction, joined by straight lines from (0, 0) to (1, 1) so a
 * look at an unplanned fraction spends in between (Lan & DeMets 1983: any non-decreasing α(t) works).
 */
import type { SpendingDefinition } from "./definition.ts";

export const customTable = {
  describe: () => "custom table",
  cumulative: (spending, alpha, _sides, fraction) => {
    const fractions = [0, ...spending.fractions, 1];
    const shares = [0, ...spending.shares, 1];
    let i = 1;
    while (i < fractions.length - 1 && fractions[i]! < fraction) i += 1;
    const [t0, t1, s0, s1] = [fractions[i - 1]!, fractions[i]!, shares[i - 1]!, shares[i]!];
    return alpha * (t1 === t0 ? s1 : s0 + ((s1 - s0) * (fraction - t0)) / (t1 - t0));
  },
} satisfies SpendingDefinition<"table">;
