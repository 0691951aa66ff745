/**
 * Stage 5 — repay: what the municipality owes the investors, from contract terms as
 * data and the evaluation's results, laid out so an investor can re-derive every kroner.
 *
 *   reads:  the spec's contract file(s), effects.json, an outcome table per rate-card contract;
 *           the settlement file (what is recorded as paid); projection.json when a term is a
 *           computed saving; optionally a portfolio file
 *   writes: repayment.json, ledger.csv
 */
import { z } from "zod";
import type { EffectsArtefact } from "../estimate/schema.ts";
import type { ProjectionArtefact } from "../project/schema.ts";
import { messages } from "../messages.ts";
import { csvLine } from "../shared/csv.ts";
import type { OutcomeRow } from "./outcomeTable.ts";
import { Portfolio, portfolioView } from "./portfolio.ts";
import { repayContract } from "./repayContract.ts";
import { ContractDataError } from "./ruleAmounts.ts";
import type { SettlementFile } from "./settlements.ts";
import { ContractResult, type Contract } from "./schema.ts";

export const reads = ["spec.contract", "effects.json", "contract outcome tables", "spec.settlements", "projection.json", "portfolio file"] as const;
export const writes = ["repayment.json", "ledger.csv"] as const;

export const RepaymentArtefact = z.object({
  artefact: z.literal("repayment"),
  schema_version: z.literal(2).describe("2: periods have a status as of the run's date, settled amounts and restatements; totalRepaid became contractTotal"),
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
  /** The run's as-of date, yyyy-mm-dd: what is settled, due, provisional or not yet due. */
  readonly asOf: string;
  /** The settlement file; null when there is none yet. */
  readonly settlements: SettlementFile | null;
  readonly projection: ProjectionArtefact | null;
  /** The repayment-risk seed (spec repayment.riskSeed). */
  readonly riskSeed: number;
}

export function run(input: RepayInput): { artefact: RepaymentArtefact; ledgerCsv: string } {
  const settlements = input.settlements?.settlements ?? [];
  for (const s of settlements) {
    const contract = input.contracts.find((c) => c.contract.name === s.contract)?.contract;
    if (!contract || !contract.schedule.some((p) => p.period === s.period)) {
      throw new ContractDataError(messages.settlementUnknown(s.contract, s.period, contract ? "period" : "contract"));
    }
  }
  const results = input.contracts.map((c) =>
    repayContract(c.contract, { asOf: input.asOf, effects: input.effects, outcomeRows: c.outcomeRows, projection: input.projection, settlements: settlements.filter((s) => s.contract === c.contract.name), seed: input.riskSeed }),
  );
  const byName = new Map(results.map((r) => [r.name, r]));
  const artefact = RepaymentArtefact.parse({
    artefact: "repayment",
    schema_version: 2,
    evaluation: input.evaluation,
    contracts: results,
    portfolio: input.portfolio ? portfolioView(input.portfolio, byName) : null,
  });
  return { artefact, ledgerCsv: ledgerCsv(results) };
}

/**
 * One row per ledger line; per period one row with its status, computed and settled amounts
 * and any restatement; then one per payer with its share of the period's amount.
 */
export function ledgerCsv(results: readonly ContractResult[]): string {
  const rows: string[] = [
    csvLine(["contract", "period", "payment_year", "due_date", "status", "rule", "item", "basis", "formula", "amount", "payer", "computed_amount", "settled_amount", "settlement_date", "restatement", "cumulative_amount", "remaining_capital", "caps_applied", "illustrative"]),
  ];
  const mark = (illustrative: boolean) => (illustrative ? "illustrative" : null);
  for (const r of results) {
    const periodOf = new Map(r.periods.map((p) => [p.period, p]));
    for (const line of r.lines) {
      const p = periodOf.get(line.period);
      const basis = Object.entries(line.basis).map(([k, v]) => `${k}=${v === null ? "suppressed" : v}`).join("; ");
      rows.push(csvLine([r.name, line.period, line.paymentYear, p?.dueDate ?? null, p?.status ?? null, line.rule, line.item, basis, line.formula, line.amount, null, null, null, null, null, null, null, null, mark(line.illustrative)]));
    }
    for (const p of r.periods) {
      const head = [r.name, p.period, p.paymentYear, p.dueDate, p.status, "total"] as const;
      const marks = [p.illustrative ? "illustrative" : "", p.dueDateIllustrative ? "due date illustrative" : ""].filter(Boolean).join("; ") || null;
      rows.push(csvLine([...head, "period", null, p.statusNote, p.amount, null, p.computedAmount, p.settledAmount, p.settlementDate, p.restatement?.amount ?? null, p.cumulativeAmount, p.remainingCapital, p.capsApplied.join("; "), marks]));
      for (const [payer, share] of Object.entries(p.byPayer)) {
        rows.push(csvLine([...head, "payer share", null, null, share, payer, null, null, null, null, null, null, null, mark(p.illustrative)]));
      }
    }
  }
  return rows.join("\n") + "\n";
}
