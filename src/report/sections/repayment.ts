/** Repayment: the ledger by period with its status, the lines it rests on, the saving limit and the 002 portfolio checks. */
import { labelIn } from "../../shared/label.ts";
import { basisName, formatNumber, isLedgerItemCode, ledgerItemName, noteOrLabel, noteText } from "../i18n.ts";
import type { PortfolioCheck } from "../../repay/portfolio.ts";
import { contractName, periodName, contractsTable, illustrativeTable, investorTable, ledgerTable, payerSplitTable, riskTable, typedInNote } from "../repaymentTables.ts";
import { RISK_SIMULATIONS } from "../../repay/repaymentRisk.ts";
import { count } from "../suppression.ts";
import { meanDigits, PUBLISHED_DIGITS, roundP, roundTo } from "../disclosure/precision.ts";
import { escapeHtml, type Table } from "../table.ts";
import { outcomeLabeller, tableCollector, type SectionBuilder } from "./section.ts";

export const repaymentSection: SectionBuilder = (input, t) => {
  const { lang, minCell, run } = input;
  if (!run.repayment) return null;
  const { add, tables } = tableCollector(input);
  const ledger = ledgerTable(run.repayment, lang, t);
  const outcomeOf = outcomeLabeller(input);
  const outcomeIds = new Set(input.spec.outcomes.map((o) => o.id));
  const itemOf = (item: string) => (outcomeIds.has(item) ? outcomeOf(item) : isLedgerItemCode(item) ? ledgerItemName(lang, item) : item);
  // A ledger basis figure at its published precision (disclosure/precision.ts): means and bounds as the outcome's
  // means, p-values to 3 decimals, prices and other whole numbers as they are.
  const binary = (item: unknown) => typeof item === "string" && run.ingest.outcomes.find((o) => o.id === item)?.type === "binary";
  const basisDigits = (item: unknown, key: string, value: number) => (key.startsWith("mean_") || key.startsWith("conf_") ? meanDigits(binary(item)) : key.startsWith("p_") ? PUBLISHED_DIGITS.p : Number.isInteger(value) ? 0 : 2);
  const published = (item: unknown, key: string, value: number) => (key.startsWith("p_") ? roundP(value) : roundTo(value, basisDigits(item, key, value)));
  const lines: Table = {
    id: "repayment_lines",
    columns: [{ key: "contract", label: t("contract"), kind: "text", id: "contract_id" }, { key: "period", label: t("period"), kind: "text", id: "period_id" }, { key: "item", label: t("figure"), kind: "text" }, { key: "basis", label: t("basis"), kind: "text", id: "basis_id" }, { key: "amount", label: t("computedAmount"), kind: "kr" }, { key: "note", label: t("note"), kind: "text" }],
    rows: run.repayment.contracts.flatMap((c) =>
      c.lines.map((l) => ({
        contract: contractName(c, lang),
        contract_id: c.name,
        period: periodName(c.periods.find((p) => p.period === l.period) ?? { period: l.period }, lang),
        period_id: l.period,
        item: typeof l.item === "string" ? itemOf(l.item) : labelIn(lang, l.item),
        basis: Object.entries(l.basis).map(([k, v]) => `${basisName(lang, k)} = ${v === null ? `<${minCell}` : k.startsWith("n_") || k.startsWith("persons") ? String(count(v, minCell)) : formatNumber(lang, published(l.item, k, v), basisDigits(l.item, k, v))}`).join("; "),
        // The machine form (the CSV's): field names and plain numbers, at the same published precision.
        basis_id: Object.entries(l.basis).map(([k, v]) => `${k} = ${v === null ? `<${minCell}` : k.startsWith("n_") || k.startsWith("persons") ? String(count(v, minCell)) : String(published(l.item, k, v))}`).join("; "),
        amount: l.suppressed ? `<${minCell}` : l.amount,
        note: [l.illustrative ? t("illustrativeMark") : "", typedInNote(c, t)].filter(Boolean).join("; "),
      })),
    ),
  };
  const portfolio = run.repayment.portfolio as { checks: readonly PortfolioCheck[] } | null;
  const portfolioTable: Table | null = portfolio
    ? { id: "portfolio_checks", columns: [{ key: "what", label: t("figure"), kind: "text" }, { key: "published", label: t("publishedValue"), kind: "number", digits: 2 }, { key: "computed", label: t("reproduced"), kind: "number", digits: 2 }, { key: "ok", label: t("verdict"), kind: "text" }, { key: "note", label: t("note"), kind: "text" }], rows: portfolio.checks.map((c) => ({ what: noteText(lang, c.what), published: c.published, computed: c.computed, ok: c.ok ? t("reproducedWord") : t("differsWord"), note: noteOrLabel(lang, c.note) })) }
    : null;
  const limits = run.repayment.contracts.filter((c) => c.savingLimit !== null);
  const limitTable: Table | null =
    limits.length > 0
      ? {
          id: "saving_limits",
          columns: [{ key: "contract", label: t("contract"), kind: "text", id: "contract_id" }, { key: "limit", label: t("savingLimit"), kind: "kr" }, { key: "before", label: t("computedAmount"), kind: "kr" }, { key: "total", label: t("contractTotal"), kind: "kr" }, { key: "holds", label: t("verdict"), kind: "text" }, { key: "note", label: t("note"), kind: "text" }],
          rows: limits.map((c) => ({ contract: contractName(c, lang), contract_id: c.name, limit: c.savingLimit!.limit, before: c.savingLimit!.beforeLimit, total: c.savingLimit!.total, holds: c.savingLimit!.holds ? t("yes") : t("no"), note: c.savingLimit!.source })),
        }
      : null;
  const asOf = run.repayment.contracts[0]?.asOf ?? run.ingest.asOf;
  const note = (text: string) => `<p class="note">${escapeHtml(text)}</p>`;
  const risk = riskTable(run.repayment, lang, t);
  const illustrative = illustrativeTable(run.repayment, lang, t);
  const seed = run.repayment.contracts.flatMap((c) => c.risk)[0]?.seed ?? input.spec.repayment?.riskSeed ?? 1;
  const html =
    note(`${t("asOf")} ${asOf}`) +
    add({ ...contractsTable(run.repayment, lang, t), title: t("contractsTitle") }) +
    add({ ...ledger, title: t("ledgerTitle", { asOf }) }) +
    add({ ...payerSplitTable(run.repayment, lang, t), title: t("payerSplitTitle") }) +
    add({ ...investorTable(run.repayment, lang, t), title: t("investorTitle") }) + note(t("investorNote")) +
    (risk ? add({ ...risk, title: t("riskTitle") }) + note(t("riskNote", { simulations: formatNumber(lang, RISK_SIMULATIONS), seed: String(seed) })) : "") +
    (illustrative ? add({ ...illustrative, title: t("illustrativeTitle") }) : "") +
    add(lines) + (limitTable ? add(limitTable) : "") + (portfolioTable ? add(portfolioTable) : "");
  return { html, tables };
};
