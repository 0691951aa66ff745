/**
 * The portfolio view across contracts, as the "Økonomi frem til 2030" table in 002:
 * investment, decentral repayment, decentral savings and net savings per investment.
 * Each row is checked (net = savings − repayment; investment = the contract's capital;
 * the decentral repayment the contract's ledger gives), and each published total
 * against the sum of its rows — saying plainly where a printed total is not that sum. With
 * `line`s and `capital`s, each row's investment is also checked against the capital the
 * document states on the investment's own page, and `annualNet` checks the text's "less than
 * 0,5 mio. kr. a year" both on the text's totals and on the table's rows.
 */
import { note, type Note } from "../shared/note.ts";
import { Label } from "../shared/label.ts";
import { z } from "zod";
import type { ContractResult } from "./schema.ts";

/** What the checks read of a contract: its capital, its decentral repayment (payers with budget kommune_decentral), illustrative or not. */
export interface PortfolioContract {
  readonly capital: number;
  readonly decentralRepayment: number;
  readonly illustrative: boolean;
  /** Its ledger rests on a typed-in outcome table. */
  readonly typedIn: boolean;
}

/** A contract's ledger as the checks read it: the decentral part is its kommune_decentral payers', by budget. */
export function portfolioContract(c: ContractResult): PortfolioContract {
  return { capital: c.capital, decentralRepayment: c.byPayer.kommune_decentral ?? 0, illustrative: c.illustrative.length > 0, typedIn: c.typedIn !== null && c.typedIn !== undefined };
}

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
      line: z.number().int().positive().optional().describe("The row's line in the source document"),
      capital: z
        .strictObject({ value: z.number().positive().describe("kroner"), line: z.number().int().positive(), printed: z.string() })
        .optional()
        .describe("The capital the document states on the investment's own page, to check the row's investment against"),
    }),
  ),
  totals: z.array(
    z.strictObject({ column: z.enum(["investment", "decentralRepayment", "decentralSavings", "netSavings"]), published: z.number(), printed: z.string(), note: Label.optional(), line: z.number().int().positive().optional() }),
  ),
  annualNet: z
    .strictObject({
      below: z.number().describe("The text's bound on the yearly net saving, in the table's unit (002: 0,5)"),
      years: z.number().positive().describe("The years the totals are spread over (002: 'fordelt over de næste 10 år')"),
      printed: z.string(),
      line: z.number().int().positive(),
      note: Label.optional(),
    })
    .optional()
    .describe("The text's yearly net saving: (decentral savings − decentral repayment) / years, below the bound"),
});
export type Portfolio = z.infer<typeof Portfolio>;

export interface PortfolioCheck {
  readonly what: Note;
  readonly published: number;
  readonly computed: number;
  readonly ok: boolean;
  /** Why it differs or what it rests on: a note, or the portfolio file's own label. */
  readonly note: Note | Label | null;
}

export function portfolioView(portfolio: Portfolio, contracts: ReadonlyMap<string, PortfolioContract>) {
  const checks: PortfolioCheck[] = [
    // 1. Each row against its own page and its contract.
    ...portfolio.rows.flatMap((row) => rowChecks(portfolio, row, row.contract ? contracts.get(row.contract) : undefined)),
    // 2. The printed totals against the sum of the rows.
    ...totalChecks(portfolio),
    // 3. The text's yearly net saving.
    ...annualNetChecks(portfolio),
  ];
  return { title: portfolio.title, source: portfolio.source, unit: portfolio.unit, rows: portfolio.rows, checks };
}

const close = (a: number, b: number, slack: number) => Math.abs(a - b) <= slack + 1e-9;

/** A row: its investment against the capital stated on its page, net = savings − repayment, and against its contract's capital and ledger. */
function rowChecks(portfolio: Portfolio, row: Portfolio["rows"][number], contract: PortfolioContract | undefined): PortfolioCheck[] {
  const checks: PortfolioCheck[] = [];
  const net = row.decentralSavings - row.decentralRepayment;
  if (row.capital) {
    const stated = row.capital.value / portfolio.scale;
    const ok = close(stated, row.investment, portfolio.rounding);
    checks.push({
      what: note("portfolio_capital_on_page", { row: row.name, line: row.line ?? null, capitalLine: row.capital.line }),
      published: row.investment,
      computed: stated,
      ok,
      note: ok ? null : note("portfolio_table_against_page", { published: row.investment, unit: portfolio.unit, printed: row.capital.printed, kr: row.capital.value }),
    });
  }
  checks.push({ what: note("portfolio_net", { row: row.name, line: row.line ?? null }), published: row.netSavings, computed: net, ok: close(net, row.netSavings, 2 * portfolio.rounding), note: null });
  if (!contract) return checks;
  const capital = contract.capital / portfolio.scale;
  checks.push({
    what: note("portfolio_contract_capital", { row: row.name }),
    published: row.investment,
    computed: capital,
    ok: close(capital, row.investment, portfolio.rounding),
    note: close(capital, row.investment, portfolio.rounding) ? null : note("portfolio_contract_states_capital", { kr: contract.capital }),
  });
  const decentral = contract.decentralRepayment / portfolio.scale;
  checks.push({
    what: note("portfolio_contract_ledger", { row: row.name }),
    published: row.decentralRepayment,
    computed: decentral,
    ok: close(decentral, row.decentralRepayment, portfolio.rounding),
    note: contract.typedIn
      ? contract.illustrative
        ? note("ledger_illustrative_and_typed_in")
        : note("ledger_typed_in")
      : contract.illustrative
        ? note("ledger_illustrative")
        : null,
  });
  return checks;
}

/** Each printed total against the sum of its column's rows (within the rows' rounding). */
function totalChecks(portfolio: Portfolio): PortfolioCheck[] {
  return portfolio.totals.map((total) => {
    const sum = portfolio.rows.reduce((s, r) => s + r[total.column], 0);
    const slack = portfolio.rounding * portfolio.rows.length;
    const ok = close(sum, total.published, slack);
    return {
      what: note("portfolio_total", { column: total.column, line: total.line ?? null }),
      published: total.published,
      computed: sum,
      ok,
      note: ok ? null : (total.note ?? note("portfolio_total_not_sum", { sum, unit: portfolio.unit })),
    };
  });
}

/** The text's yearly net saving below its bound: from the printed totals, and from the table's rows. */
function annualNetChecks(portfolio: Portfolio): PortfolioCheck[] {
  const net = portfolio.annualNet;
  if (!net) return [];
  const checks: PortfolioCheck[] = [];
  const total = (column: "decentralRepayment" | "decentralSavings") => portfolio.totals.find((t) => t.column === column);
  const savings = total("decentralSavings");
  const repayment = total("decentralRepayment");
  if (savings && repayment) {
    const yearly = (savings.published - repayment.published) / net.years;
    checks.push({
      what: note("portfolio_yearly_net_text", { line: net.line, years: net.years, below: net.below }),
      published: net.below,
      computed: yearly,
      ok: yearly < net.below,
      note: note("portfolio_yearly_arithmetic", { savings: savings.published, repayment: repayment.published, years: net.years, yearly, unit: portfolio.unit }),
    });
  }
  const rowsYearly = portfolio.rows.reduce((s, r) => s + r.decentralSavings - r.decentralRepayment, 0) / net.years;
  checks.push({
    what: note("portfolio_yearly_net_rows", { line: net.line, years: net.years, below: net.below }),
    published: net.below,
    computed: rowsYearly,
    ok: rowsYearly < net.below,
    note: rowsYearly < net.below ? null : (net.note ?? note("portfolio_rows_yearly", { yearly: rowsYearly, unit: portfolio.unit })),
  });
  return checks;
}
