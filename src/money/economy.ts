/**
 * 002's "Økonomi – frem til <year>" as amounts with units: per investment its capital, the decentral repayment and
 * decentral savings to the horizon, and the net where savings and repayment are alike (same budget and scope). The
 * status page and `effekt portfolio` build their economy tables from these; a total is formed per column over the
 * cells that are like the column's unit (`economyTotals`), and the rest are shown apart, named.
 */
import { addAmounts } from "./addAmounts.ts";
import { amount, unlikeness, type Amount, type AmountPeriod, type Budget, type Scope, type Source } from "./amount.ts";

/** A cell: an amount, `x` where the published table suppressed it, null where there is none (missing is not zero). */
export type MoneyCell = Amount | "x" | null;

export interface EconomyRow {
  readonly investment: MoneyCell;
  readonly repayment: MoneyCell;
  readonly savings: MoneyCell;
  readonly net: MoneyCell;
}

export const ECONOMY_COLUMNS = ["investment", "repayment", "savings", "net"] as const;
export type EconomyColumn = (typeof ECONOMY_COLUMNS)[number];

/** The unit of each column: what a total of that column adds up (the cells unlike it are shown apart). */
export const COLUMN_UNITS = {
  investment: { kind: "capital", budget: "investor", scope: "whole_programme" },
  repayment: { kind: "repayment", budget: "kommune_decentral", scope: "whole_programme" },
  savings: { kind: "gross_saving", budget: "kommune_decentral", scope: "whole_programme" },
  net: { kind: "net", budget: "kommune_decentral", scope: "whole_programme" },
} as const satisfies Record<EconomyColumn, { kind: string; budget: Budget; scope: Scope }>;

/** Net = savings − repayment, formed only for savings and repayment on the same budget and scope; else null. */
export function netOf(savings: MoneyCell, repayment: MoneyCell): MoneyCell {
  if (savings === null || repayment === null) return null;
  if (savings === "x" || repayment === "x") return "x";
  if (savings.budget !== repayment.budget || savings.scope !== repayment.scope) return null;
  const sources = [...new Set<Source>([...savings.sources, ...repayment.sources])];
  return amount(savings.kr - repayment.kr, { kind: "net", budget: savings.budget, scope: savings.scope, period: repayment.period, sources });
}

/** Whether a cell is in its column's unit (kind, budget, scope; calendar cells to the horizon). */
export function inColumnUnit(column: EconomyColumn, cell: Amount, horizon: number): boolean {
  const unit = COLUMN_UNITS[column];
  if (cell.kind !== unit.kind || cell.budget !== unit.budget || cell.scope !== unit.scope) return false;
  return cell.period.kind === "relative" || cell.period.to === horizon;
}

export interface ColumnTotal {
  /** The sum of the like cells; `x` when one of them is suppressed; null when none. */
  readonly total: MoneyCell;
  /** Rows whose cell is not in the column's unit: shown in their row, not summed. */
  readonly apart: readonly number[];
}

/** Per column, the sum of its cells in the column's unit (through addAmounts), and the rows shown apart. */
export function economyTotals(rows: readonly EconomyRow[], horizon: number): Record<EconomyColumn, ColumnTotal> {
  const totals = {} as Record<EconomyColumn, ColumnTotal>;
  for (const column of ECONOMY_COLUMNS) {
    const like: Amount[] = [];
    const apart: number[] = [];
    let suppressed = false;
    rows.forEach((row, i) => {
      const cell = row[column];
      if (cell === null) return;
      if (cell === "x") suppressed = true;
      else if (inColumnUnit(column, cell, horizon)) like.push(withPeriodTo(cell, horizon));
      else apart.push(i);
    });
    const total: MoneyCell = suppressed ? "x" : like.length === 0 ? null : addAmounts(like[0]!, ...like.slice(1));
    totals[column] = { total, apart };
  }
  return totals;
}

/** A relative-period saving counted "to the horizon": its period as the column's, for the sum (its own is in its note). */
function withPeriodTo(cell: Amount, horizon: number): Amount {
  if (cell.period.kind === "calendar") return cell;
  const period: AmountPeriod = { kind: "calendar", from: horizon, to: horizon };
  return amount(cell.kr, { kind: cell.kind, budget: cell.budget, scope: cell.scope, period, sources: cell.sources });
}

export { unlikeness };
