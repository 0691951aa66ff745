/**
 * The repayment parts of the report: the summary lines, the ledger by period with its
 * status at the as-of date, the status per contract (and the portfolio total apart), and
 * the restated periods for the changes section. Only settled periods are ever called
 * repaid; figures resting on illustrative terms say so in every table.
 */
import { labelIn } from "../shared/label.ts";
import type { RepaymentArtefact } from "../repay/index.ts";
import type { ContractResult, PeriodSummary } from "../repay/schema.ts";
import { formatKr, stageText, type Lang, type texts } from "./i18n.ts";
import type { Cell } from "./suppression.ts";
import type { Table } from "./table.ts";

type Texts = ReturnType<typeof texts>;

function statusText(p: PeriodSummary, t: Texts): string {
  return `${t(p.status)}${p.status === "not_due" && p.persons === 0 ? ` (${t("noPersonsYet")})` : ""}`;
}

function illustrativeNote(illustrative: boolean, t: Texts): string {
  return illustrative ? t("illustrativeMark") : "";
}

/** Summary lines: per contract what is repaid (settled) and what is due, marked when illustrative. */
export function repaymentSummaryRows(repayment: RepaymentArtefact, lang: Lang, t: Texts): { figure: string; figure_id: string; value: string }[] {
  return repayment.contracts.flatMap((c) => {
    const mark = c.restsOnIllustrativeTerms ? ` (${t("illustrativeShort")})` : "";
    return [
      { figure: `${t("repaidToDate")}: ${c.name}`, figure_id: `repaid:${c.name}`, value: formatKr(lang, c.repaidToDate) + mark },
      { figure: `${t("dueToDate")}: ${c.name}`, figure_id: `due:${c.name}`, value: formatKr(lang, c.dueToDate) + mark },
    ];
  });
}

/** One row per contract period: status, computed and settled amounts, any restatement. */
export function ledgerTable(repayment: RepaymentArtefact, lang: Lang, t: Texts): Table {
  const rows: Record<string, Cell>[] = repayment.contracts.flatMap((c) =>
    c.periods.map((p) => ({
      contract: c.name,
      period: stageText(lang, p.period),
      year: p.paymentYear,
      due_date: p.dueDate,
      status: statusText(p, t),
      computed: p.computedAmount,
      settled: p.settledAmount,
      settlement_date: p.settlementDate,
      restatement: p.restatement?.amount ?? null,
      amount: p.amount,
      cumulative: p.cumulativeAmount,
      remaining: p.remainingCapital,
      caps: p.capsApplied.join("; "),
      note: [p.restatement ? `${t("restated")}: ${restatedNote(p, lang, t)}` : "", illustrativeNote(p.illustrative, t), p.dueDateIllustrative ? t("dueDateIllustrative") : ""].filter(Boolean).join("; "),
    })),
  );
  return {
    id: "repayment",
    columns: [
      { key: "contract", label: t("contract"), kind: "text" },
      { key: "period", label: t("period"), kind: "text" },
      { key: "year", label: t("year"), kind: "year" },
      { key: "due_date", label: t("dueDate"), kind: "text" },
      { key: "status", label: t("statusWord"), kind: "text" },
      { key: "computed", label: t("computedAmount"), kind: "kr" },
      { key: "settled", label: t("settledAmount"), kind: "kr" },
      { key: "settlement_date", label: t("settlementDate"), kind: "text" },
      { key: "restatement", label: t("restatement"), kind: "kr" },
      { key: "amount", label: t("ledgerAmount"), kind: "kr" },
      { key: "cumulative", label: t("cumulative"), kind: "kr" },
      { key: "remaining", label: t("remaining"), kind: "kr" },
      { key: "caps", label: t("capsApplied"), kind: "text" },
      { key: "note", label: t("note"), kind: "text" },
    ],
    rows,
  };
}

export function restatedNote(p: PeriodSummary, lang: Lang, t: Texts): string {
  const r = p.restatement!;
  return t("restatedNote", {
    settled: formatKr(lang, r.settled),
    computed: formatKr(lang, r.computed),
    difference: formatKr(lang, r.amount),
    policy: r.policy === "none" ? t("restatementNone") : t("restatementTrueUp"),
  });
}

/** The status page's table per contract, each by its name and title, and the portfolio total on a row of its own. */
export function contractStatusTable(repayment: RepaymentArtefact, lang: Lang, t: Texts): Table {
  const count = (c: ContractResult) =>
    (["settled", "due", "provisional", "not_due"] as const)
      .map((s) => [s, c.periods.filter((p) => p.status === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${t(s)}`)
      .join(", ");
  const rows: Record<string, Cell>[] = repayment.contracts.map((c) => ({
    contract: `${labelIn(lang, c.title)} (${c.name})`,
    periods: count(c),
    repaid: c.repaidToDate,
    due: c.dueToDate,
    provisional: c.provisional,
    total: c.contractTotal,
    note: [c.periods.some((p) => p.restatement) ? `${t("restated")}: ${c.periods.filter((p) => p.restatement).map((p) => p.period).join(", ")}` : "", illustrativeNote(c.restsOnIllustrativeTerms, t)].filter(Boolean).join("; "),
  }));
  const sum = (of: (c: ContractResult) => number) => repayment.contracts.reduce((s, c) => s + of(c), 0);
  rows.push({
    contract: t("portfolioTotal"),
    periods: "",
    repaid: sum((c) => c.repaidToDate),
    due: sum((c) => c.dueToDate),
    provisional: sum((c) => c.provisional),
    total: null,
    note: illustrativeNote(repayment.contracts.some((c) => c.restsOnIllustrativeTerms), t),
  });
  return {
    id: "status_contracts",
    columns: [
      { key: "contract", label: t("contract"), kind: "text" },
      { key: "periods", label: t("period"), kind: "text" },
      { key: "repaid", label: t("repaidToDate"), kind: "kr" },
      { key: "due", label: t("dueToDate"), kind: "kr" },
      { key: "provisional", label: t("provisionalAmount"), kind: "kr" },
      { key: "total", label: t("contractTotal"), kind: "kr" },
      { key: "note", label: t("note"), kind: "text" },
    ],
    rows,
  };
}

/** Rows for the changes section: per contract repaid and due to date, and every restated period. */
export function repaymentChangeRows(current: RepaymentArtefact, previous: RepaymentArtefact | null, lang: Lang, t: Texts): Record<string, Cell>[] {
  const rows: Record<string, Cell>[] = [];
  for (const c of current.contracts) {
    const before = previous?.contracts.find((p) => p.name === c.name);
    rows.push({ figure: `${t("repaidToDate")}: ${c.name}`, figure_id: `repaid:${c.name}`, previous: before?.repaidToDate ?? null, current: c.repaidToDate, note: illustrativeNote(c.restsOnIllustrativeTerms, t) });
    rows.push({ figure: `${t("dueToDate")}: ${c.name}`, figure_id: `due:${c.name}`, previous: before?.dueToDate ?? null, current: c.dueToDate, note: "" });
    for (const p of c.periods.filter((x) => x.restatement)) {
      rows.push({ figure: `${t("restated")}: ${c.name} — ${stageText(lang, p.period)}`, figure_id: `restated:${c.name}:${p.period}`, previous: p.restatement!.settled, current: p.restatement!.computed, note: restatedNote(p, lang, t) });
    }
  }
  return rows;
}
