/**
 * Stage 5 — repay: what the municipality owes the investors, from contract terms as
 * data and the evaluation's results, laid out so an investor can re-derive every kroner.
 *
 *   reads:  the spec's contract file(s), effects.json, an outcome table per rate-card contract;
 *           the settlement file (what is recorded as paid); projection.json when a term is a
 *           computed saving; optionally a portfolio file
 *   writes: repayment.json, ledger.csv
 */
import { noteToken } from "../shared/note.ts";
import { labelIn } from "../shared/label.ts";
import type { EffectsArtefact } from "../estimate/schema.ts";
import type { ProjectionArtefact } from "../project/schema.ts";
import { messages } from "../messages.ts";
import { csvLine } from "../shared/csv.ts";
import type { OutcomeRow } from "./outcomeTable.ts";
import { Portfolio, portfolioContract, portfolioView } from "./portfolio.ts";
import { repayContract } from "./repayContract.ts";
import { parseOutcomeTable } from "./parseOutcomeTable.ts";
import { outcomeRowsFromTriggers } from "./triggerRows.ts";
import { ContractDataError } from "./ruleAmounts.ts";
import { ruleDefinition } from "./rules/index.ts";
import { parseSettlementFile, type SettlementFile } from "./settlements.ts";
import { Contract as ContractSchema } from "./schema.ts";
import { issue, issuesFromZod, type Issue } from "../shared/issues.ts";
import { defineStage, stopped } from "../stage.ts";
import { isoDate } from "../shared/dates.ts";
import { RepaymentArtefact, type Contract, type ContractResult } from "./schema.ts";

export { RepaymentArtefact } from "./schema.ts";

export interface RepayInput {
  readonly evaluation: string;
  readonly contracts: readonly { readonly contract: Contract; readonly outcomeRows: readonly OutcomeRow[] | null; readonly sha256?: string }[];
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
  const results = input.contracts.map((c) => ({
    ...repayContract(c.contract, { asOf: input.asOf, effects: input.effects, outcomeRows: c.outcomeRows, projection: input.projection, settlements: settlements.filter((s) => s.contract === c.contract.name), seed: input.riskSeed }),
    fileSha256: c.sha256 ?? null,
  }));
  const byName = new Map(results.map((r) => [r.name, portfolioContract(r)]));
  const artefact = RepaymentArtefact.parse({
    artefact: "repayment",
    schema_version: 3,
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
    csvLine(["contract", "period", "payment_year", "due_date", "status", "rule", "item", "basis", "formula", "amount", "payer", "computed_amount", "settled_amount", "settlement_date", "restatement", "cumulative_amount", "remaining_capital", "caps_applied", "illustrative", "typed_in"]),
  ];
  const mark = (illustrative: boolean) => (illustrative ? "illustrative" : null);
  for (const r of results) {
    // Every row of a contract on a typed-in outcome table says so, with the latest observation it counts.
    const typedIn = r.typedIn ? `typed in: ${r.typedIn.table}, rows observed up to ${r.typedIn.observedUpTo ?? "none yet"}` : null;
    const periodOf = new Map(r.periods.map((p) => [p.period, p]));
    for (const line of r.lines) {
      const p = periodOf.get(line.period);
      const basis = Object.entries(line.basis).map(([k, v]) => `${k}=${v === null ? "suppressed" : v}`).join("; ");
      rows.push(csvLine([r.name, line.period, line.paymentYear, p?.dueDate ?? null, p?.status ?? null, line.rule, labelIn("en", line.item), basis, line.formula, line.amount, null, null, null, null, null, null, null, null, mark(line.illustrative), typedIn]));
    }
    for (const p of r.periods) {
      const head = [r.name, p.period, p.paymentYear, p.dueDate, p.status, "total"] as const;
      const marks = [p.illustrative ? "illustrative" : "", p.dueDateIllustrative ? "due date illustrative" : ""].filter(Boolean).join("; ") || null;
      rows.push(csvLine([...head, "period", null, p.statusNote, p.amount, null, p.computedAmount, p.settledAmount, p.settlementDate, p.restatement?.amount ?? null, p.cumulativeAmount, p.remainingCapital, p.capsApplied.map(noteToken).join("; "), marks, typedIn]));
      for (const [payer, share] of Object.entries(p.byPayer)) {
        rows.push(csvLine([...head, "payer share", null, null, share, payer, null, null, null, null, null, null, null, mark(p.illustrative), typedIn]));
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
  readsOptional: ["effects", "projection", "triggers"],
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
    { role: "settlements", format: "json" as const, name: "settlement file", file: spec.settlements, required: false },
  ],
  writes: ["repayment", "ledger"],
  skip: (spec) => ([spec.contract ?? []].flat().length === 0 ? { reason: messages.noContract(), path: ["contract"] } : null),
  run({ artefacts, files }, context) {
    const issues: Issue[] = [];
    const contracts: { contract: Contract; outcomeRows: OutcomeRow[] | null; sha256?: string }[] = [];
    const listed = new Map<string, string>(); // each contract once: listed twice (by name or by file), it would be counted twice
    for (const file of files.filter((f) => f.role === "contract")) {
      const parsed = ContractSchema.safeParse(file.content);
      if (!parsed.success) {
        issues.push(...issuesFromZod(parsed.error, file.file));
        continue;
      }
      const first = listed.get(parsed.data.name);
      if (first !== undefined) {
        issues.push(issue("contract_twice", messages.contractTwice(parsed.data.name, first), { file: file.file, path: ["name"] }));
        continue;
      }
      listed.set(parsed.data.name, file.file);
      const sha = file.format === "json" && file.sha256 !== undefined ? { sha256: file.sha256 } : {};
      const table = files.find((f) => f.role === "outcomeTable" && f.format === "text" && f.parent === file.file);
      const needed = parsed.data.rules.flatMap((r) => ruleDefinition(r).tableOutcomes(r));
      if (!parsed.data.outcomeTable && needed.length > 0 && context.spec.triggers) {
        // Triggers measured from the registers (ingest's work/triggers.csv): every id the contract pays on must be one.
        const known = context.spec.triggers.outcomes.map((t) => t.id);
        const unknown = [...new Set(needed.filter((o) => !known.includes(o)))];
        if (artefacts.triggers === null) issues.push(issue("artefact_missing", messages.artefactMissing("ingest"), { path: ["triggers"] }));
        else if (unknown.length > 0) issues.push(issue("unknown_outcome", messages.triggerUnknown(parsed.data.name, unknown, known), { file: file.file, path: ["rules"] }));
        else contracts.push({ contract: parsed.data, outcomeRows: outcomeRowsFromTriggers(artefacts.triggers), ...sha });
        continue;
      }
      if (!parsed.data.outcomeTable || table?.format !== "text" || table.content === null) {
        contracts.push({ contract: parsed.data, outcomeRows: null, ...sha });
        continue;
      }
      const rows = parseOutcomeTable(table.content, table.file, file.file, needed);
      if ("issues" in rows) issues.push(...rows.issues);
      else contracts.push({ contract: parsed.data, outcomeRows: rows.rows, ...sha });
    }
    const portfolioFile = files.find((f) => f.role === "portfolio");
    const portfolio = portfolioFile ? Portfolio.safeParse(portfolioFile.content) : null;
    if (portfolio && !portfolio.success) issues.push(...issuesFromZod(portfolio.error, portfolioFile!.file));
    if (portfolio?.success) {
      const rows = portfolio.data.rows;
      rows.forEach((row, i) => {
        const first = rows.findIndex((other) => other.contract !== undefined && other.contract === row.contract);
        if (first < i) issues.push(issue("contract_twice", messages.portfolioContractTwice(row.contract!, first), { file: portfolioFile!.file, path: ["rows", i, "contract"] }));
      });
    }
    const settlementsFile = files.find((f) => f.role === "settlements");
    // The chain is checked here too (the runner checks it before any stage): a run never pays on an edited settlement.
    const settlements = settlementsFile?.format === "json" && settlementsFile.content !== null ? parseSettlementFile(settlementsFile.content, settlementsFile.file) : null;
    if (settlements && "issues" in settlements) issues.push(...settlements.issues);
    if (issues.length > 0) return stopped(issues);
    let output;
    try {
      output = run({
        evaluation: context.spec.name,
        contracts,
        effects: artefacts.effects,
        portfolio: portfolio?.data ?? null,
        asOf: isoDate(context.asOf),
        settlements: settlements && "file" in settlements ? settlements.file : null,
        projection: artefacts.projection,
        riskSeed: context.seeds.repaymentRisk,
      });
    } catch (error) {
      if (error instanceof ContractDataError) return stopped([issue("contract_data", error.message)]);
      throw error;
    }
    const kr = (amount: number) => Math.round(amount).toLocaleString("en");
    const summary = output.artefact.contracts.map((c) => {
      const restated = c.periods.filter((p) => p.restatement !== null).map((p) => p.period);
      const typedIn = c.typedIn
        ? `; typed-in outcome table ${c.typedIn.table}: ${c.typedIn.observedUpTo === null ? "no row observed by the as-of date" : `${c.typedIn.rowsCounted} rows observed up to ${c.typedIn.observedUpTo} counted`}${c.typedIn.rowsAfterAsOf > 0 ? `, ${c.typedIn.rowsAfterAsOf} observed after the as-of date not counted` : ""}`
        : "";
      return (
        `repay: ${c.name}: as of ${c.asOf} ${kr(c.repaidToDate)} kr repaid (settled), ${kr(c.dueToDate)} kr due, ${kr(c.provisional)} kr provisional; ` +
        `${kr(c.contractTotal)} kr over the contract of ${c.capital.toLocaleString("en")} kr capital${c.illustrative.length > 0 ? ` (${c.illustrative.length} illustrative terms)` : ""}${restated.length > 0 ? `; restated: ${restated.join(", ")}` : ""}${typedIn}`
      );
    });
    return { outputs: { repayment: output.artefact, ledger: output.ledgerCsv }, issues: [], warnings: [], summary: [...summary, `repay: → ${context.shownPath("repayment")}, ${context.shownPath("ledger")}`] };
  },
});
