/**
 * Stage 5 — repay: what the municipality owes the investors, from contract terms as
 * data and the evaluation's results, laid out so an investor can re-derive every kroner.
 *
 *   reads:  the spec's contract file(s), effects.json, an outcome table per rate-card contract;
 *           optionally a portfolio file
 *   writes: repayment.json, ledger.csv
 */
import { z } from "zod";
import type { EffectsArtefact } from "../estimate/schema.ts";
import { csvLine } from "../shared/csv.ts";
import type { OutcomeRow } from "./outcomeTable.ts";
import { Portfolio, portfolioView } from "./portfolio.ts";
import { repayContract } from "./repayContract.ts";
import { ContractResult, type Contract } from "./schema.ts";

export const reads = ["spec.contract", "effects.json", "contract outcome tables", "portfolio file"] as const;
export const writes = ["repayment.json", "ledger.csv"] as const;

export const RepaymentArtefact = z.object({
  artefact: z.literal("repayment"),
  schema_version: z.literal(1),
  evaluation: z.string(),
  contracts: z.array(ContractResult),
  portfolio: z.unknown().nullable(),
});
export type RepaymentArtefact = z.infer<typeof RepaymentArtefact>;

export interface RepayInput {
  readonly evaluation: string;
  readonly contracts: readonly { readonly contract: Contract; readonly outcomeRows: readonly OutcomeRow[] | null }[];
  readonly effects: EffectsArtefact | null;
  readonly portfolio: Portfolio | null;
}

export function run(input: RepayInput): { artefact: RepaymentArtefact; ledgerCsv: string } {
  const results = input.contracts.map((c) => repayContract(c.contract, input.effects, c.outcomeRows, 1));
  const byName = new Map(results.map((r) => [r.name, r]));
  const artefact = RepaymentArtefact.parse({
    artefact: "repayment",
    schema_version: 1,
    evaluation: input.evaluation,
    contracts: results,
    portfolio: input.portfolio ? portfolioView(input.portfolio, byName) : null,
  });
  return { artefact, ledgerCsv: ledgerCsv(results) };
}

/** One row per ledger line, then one per period total and payer: what an investor checks against. */
export function ledgerCsv(results: readonly ContractResult[]): string {
  const rows: string[] = [csvLine(["contract", "period", "payment_year", "rule", "item", "basis", "formula", "amount", "payer", "paid", "cumulative_paid", "remaining_capital", "caps_applied"])];
  for (const r of results) {
    for (const line of r.lines) {
      const basis = Object.entries(line.basis).map(([k, v]) => `${k}=${v === null ? "suppressed" : v}`).join("; ");
      rows.push(csvLine([r.name, line.period, line.paymentYear, line.rule, line.item, basis, line.formula, line.amount, null, null, null, null, null]));
    }
    for (const p of r.periods) {
      for (const [payer, amount] of Object.entries(p.byPayer)) {
        rows.push(csvLine([r.name, p.period, p.paymentYear, "total", "period payment", null, null, null, payer, amount, p.cumulativePaid, p.remainingCapital, p.capsApplied.join("; ")]));
      }
    }
  }
  return rows.join("\n") + "\n";
}
