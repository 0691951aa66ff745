/**
 * Categorical covariates with values the report will not print by name: values fewer than
 * `minCell` persons hold (`rare`), and whether the column looks like free text of persons (names,
 * notes) rather than categories — more distinct values than `minCell` allows, more than
 * persons ÷ minCell, so they cannot each be held by minCell persons. Judged on the first
 * comparison's balance rows (arm and control together); the tool's own missing level is not a
 * value of the data.
 */
import { MISSING_LEVEL } from "./balanceTable.ts";
import type { BalanceRow } from "./schema.ts";

export function freeTextCovariates(rows: readonly BalanceRow[], minCell: number): { covariate: string; values: number; rare: number; persons: number; freeText: boolean }[] {
  const first = rows[0]?.comparison;
  const byCovariate = new Map<string, { values: number; rare: number; persons: number }>();
  for (const r of rows) {
    if (r.comparison !== first || r.type !== "categorical" || r.level === null || r.level === MISSING_LEVEL) continue;
    const held = r.arms.reduce((sum, a) => sum + (a.mean === null ? 0 : Math.round(a.mean * a.n)), 0);
    if (held === 0) continue;
    const entry = byCovariate.get(r.covariate) ?? { values: 0, rare: 0, persons: 0 };
    byCovariate.set(r.covariate, { values: entry.values + 1, rare: entry.rare + (held < minCell ? 1 : 0), persons: entry.persons + held });
  }
  return [...byCovariate].filter(([, e]) => e.rare > 0).map(([covariate, e]) => ({ covariate, ...e, freeText: e.values > e.persons / minCell }));
}
