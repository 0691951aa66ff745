/**
 * The portfolio view across contracts, as the "Økonomi frem til 2030" table in 002:
 * investment, decentral repayment, decentral savings and net savings per investment.
 * Each row is checked (net = savings − repayment; investment = the contract's capital;
 * the decentral repayment the contract's ledger gives), and each published total
 * against the sum of its rows — saying plainly where a printed total is not that sum.
 */
import { Label } from "../shared/label.ts";
import { z } from "zod";
import type { ContractResult } from "./schema.ts";

export const Portfolio = z.strictObject({
  title: Label,
  source: z.string(),
  unit: z.string().describe("e.g. 'mio. kr'"),
  scale: z.number().positive().describe("kroner per unit: 1e6 for mio. kr"),
  rounding: z.number().positive().describe("half a unit of the printed rounding, e.g. 0.05 for one decimal"),
  rows: z.array(
    z.strictObject({
      name: z.string(),
      contract: z.string().optional().describe("The contract file's name, when there is one"),
      investment: z.number(),
      decentralRepayment: z.number(),
      decentralSavings: z.number(),
      netSavings: z.number(),
      printed: z.string(),
    }),
  ),
  totals: z.array(z.strictObject({ column: z.enum(["investment", "decentralRepayment", "decentralSavings", "netSavings"]), published: z.number(), printed: z.string(), note: Label.optional() })),
});
export type Portfolio = z.infer<typeof Portfolio>;

export interface PortfolioCheck {
  readonly what: string;
  readonly published: number;
  readonly computed: number;
  readonly ok: boolean;
  readonly note: Label | null;
}

export function portfolioView(portfolio: Portfolio, contracts: ReadonlyMap<string, ContractResult>) {
  const checks: PortfolioCheck[] = [];
  const close = (a: number, b: number, slack: number) => Math.abs(a - b) <= slack + 1e-9;
  for (const row of portfolio.rows) {
    const net = row.decentralSavings - row.decentralRepayment;
    checks.push({ what: `${row.name}: net = savings − repayment`, published: row.netSavings, computed: net, ok: close(net, row.netSavings, 2 * portfolio.rounding), note: null });
    const contract = row.contract ? contracts.get(row.contract) : undefined;
    if (contract) {
      const capital = contract.capital / portfolio.scale;
      checks.push({
        what: `${row.name}: investment = the contract's capital`,
        published: row.investment,
        computed: capital,
        ok: close(capital, row.investment, portfolio.rounding),
        note: close(capital, row.investment, portfolio.rounding) ? null : `the contract states a capital of ${contract.capital.toLocaleString("en")} kr`,
      });
      const decentral = (contract.byPayer.kommune_decentral ?? 0) / portfolio.scale;
      checks.push({
        what: `${row.name}: decentral repayment = the contract's ledger`,
        published: row.decentralRepayment,
        computed: decentral,
        ok: close(decentral, row.decentralRepayment, portfolio.rounding),
        note: contract.illustrative.length > 0 ? "the ledger rests on illustrative terms or outcomes" : null,
      });
    }
  }
  for (const total of portfolio.totals) {
    const sum = portfolio.rows.reduce((s, r) => s + r[total.column], 0);
    const slack = portfolio.rounding * portfolio.rows.length;
    const ok = close(sum, total.published, slack);
    checks.push({
      what: `total ${total.column}: the sum of the rows`,
      published: total.published,
      computed: sum,
      ok,
      note: ok ? null : (total.note ?? `the printed total is not the sum of its rows (${sum.toFixed(1)} ${portfolio.unit})`),
    });
  }
  return { title: portfolio.title, source: portfolio.source, unit: portfolio.unit, rows: portfolio.rows, checks };
}
