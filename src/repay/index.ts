/**
 * Stage 5 — repay: what the municipality owes the investors, from contract terms as
 * data and the evaluation's results, laid out so an investor can re-derive every kroner.
 *
 *   reads:  the spec's contract file(s), effects.json, an outcome table per rate-card contract;
 *           optionally a portfolio file
 *   writes: repayment.json, ledger.csv
 */
import type { EffectsArtefact } from "../estimate/schema.ts";
import { csvLine } from "../shared/csv.ts";
import type { OutcomeRow } from "./outcomeTable.ts";
import { Portfolio, portfolioView } from "./portfolio.ts";
import { repayContract } from "./repayContract.ts";
import { parseOutcomeTable } from "./parseOutcomeTable.ts";
import { ContractDataError } from "./ruleAmounts.ts";
import { Contract as ContractSchema } from "./schema.ts";
import { messages } from "../messages.ts";
import { issue, issuesFromZod, type Issue } from "../shared/issues.ts";
import { defineStage, stopped } from "../stage.ts";
import { RepaymentArtefact, type Contract, type ContractResult } from "./schema.ts";

export { RepaymentArtefact } from "./schema.ts";



export interface RepayInput {
  readonly evaluation: string;
  readonly contracts: readonly { readonly contract: Contract; readonly outcomeRows: readonly OutcomeRow[] | null }[];
  readonly effects: EffectsArtefact | null;
  readonly portfolio: Portfolio | null;
  /** The seed of the repayment-risk simulations. */
  readonly riskSeed: number;
}

export function run(input: RepayInput): { artefact: RepaymentArtefact; ledgerCsv: string } {
  const results = input.contracts.map((c) => repayContract(c.contract, input.effects, c.outcomeRows, input.riskSeed));
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

/** The outcome table a rate-card contract names, if any (read before the contract is validated, to open it). */
function outcomeTableOf(json: unknown): string | undefined {
  const table = typeof json === "object" && json !== null ? (json as { outcomeTable?: unknown }).outcomeTable : undefined;
  return typeof table === "string" ? table : undefined;
}

/** Stage 5 as the runner sees it: the contracts, their outcome tables, a portfolio and effects.json → repayment.json, ledger.csv. */
export const stage = defineStage({
  name: "repay",
  folder: "src/repay/",
  does: "what the municipality owes the investors under each contract: caps, payer split, cumulative ledger, IRR, risk, portfolio check",
  reads: [],
  readsOptional: ["effects"],
  inputs: (spec) => [
    ...[spec.contract ?? []].flat().map((file) => ({
      role: "contract",
      format: "json" as const,
      name: "contract",
      file,
      follow: (json: unknown) => {
        const table = outcomeTableOf(json);
        return table ? [{ role: "outcomeTable", format: "text" as const, name: "outcome table", file: table, required: true }] : [];
      },
    })),
    ...(spec.portfolio ? [{ role: "portfolio", format: "json" as const, name: "portfolio file", file: spec.portfolio }] : []),
  ],
  writes: ["repayment", "ledger"],
  skip: (spec) => ([spec.contract ?? []].flat().length === 0 ? { reason: messages.noContract(), path: ["contract"] } : null),
  run({ artefacts, files }, context) {
    const issues: Issue[] = [];
    const contracts: { contract: Contract; outcomeRows: OutcomeRow[] | null }[] = [];
    for (const file of files.filter((f) => f.role === "contract")) {
      const parsed = ContractSchema.safeParse(file.content);
      if (!parsed.success) {
        issues.push(...issuesFromZod(parsed.error, file.file));
        continue;
      }
      const table = files.find((f) => f.role === "outcomeTable" && f.format === "text" && f.parent === file.file);
      if (!parsed.data.outcomeTable || table?.format !== "text" || table.content === null) {
        contracts.push({ contract: parsed.data, outcomeRows: null });
        continue;
      }
      const needed = parsed.data.rules.flatMap((r) => (r.kind === "rate_card" ? r.prices.map((p) => p.outcome) : r.kind === "capped_unit_price" ? [r.outcome] : []));
      const rows = parseOutcomeTable(table.content, table.file, file.file, needed);
      if ("issues" in rows) issues.push(...rows.issues);
      else contracts.push({ contract: parsed.data, outcomeRows: rows.rows });
    }
    const portfolioFile = files.find((f) => f.role === "portfolio");
    const portfolio = portfolioFile ? Portfolio.safeParse(portfolioFile.content) : null;
    if (portfolio && !portfolio.success) issues.push(...issuesFromZod(portfolio.error, portfolioFile!.file));
    if (issues.length > 0) return stopped(issues);
    let output;
    try {
      output = run({ evaluation: context.spec.name, contracts, effects: artefacts.effects, portfolio: portfolio?.data ?? null, riskSeed: context.seeds.repaymentRisk });
    } catch (error) {
      if (error instanceof ContractDataError) return stopped([issue("contract_data", error.message)]);
      throw error;
    }
    const summary = output.artefact.contracts.map(
      (c) => `repay: ${c.name}: ${Math.round(c.totalRepaid).toLocaleString("en")} kr repaid of ${c.capital.toLocaleString("en")} kr capital${c.illustrative.length > 0 ? ` (${c.illustrative.length} illustrative terms)` : ""}`,
    );
    return { outputs: { repayment: output.artefact, ledger: output.ledgerCsv }, issues: [], warnings: [], summary: [...summary, `repay: → ${context.shownPath("repayment")}, ${context.shownPath("ledger")}`] };
  },
});
