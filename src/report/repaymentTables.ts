/**
 * The repayment parts of the report: the summary lines, the ledger by period with its
 * status at the as-of date, the status per contract (and the portfolio total apart), and
 * the restated periods for the changes section. Only settled periods are ever called
 * repaid; figures resting on illustrative terms, or on a typed-in outcome table, say so in
 * every table.
 */
import { labelIn } from "../shared/label.ts";
import type { RepaymentArtefact } from "../repay/index.ts";
import type { ContractResult, IllustrativeTerm, InvestorRate, PeriodSummary, TermKind } from "../repay/schema.ts";
import { formatKr, formatNumber, notesText, riskMethodName, termName, type Lang, type texts } from "./i18n.ts";
import type { Cell } from "./suppression.ts";
import type { Table } from "./table.ts";

type Texts = ReturnType<typeof texts>;

function statusText(p: PeriodSummary, t: Texts): string {
  return `${t(p.status)}${p.status === "not_due" && p.persons === 0 ? ` (${t(p.typedIn ? "noDataYet" : "noPersonsYet")})` : ""}`;
}

function illustrativeNote(illustrative: boolean, t: Texts): string {
  return illustrative ? t("illustrativeMark") : "";
}

/**
 * The typed-in marker of a contract whose ledger rests on a typed-in outcome table (empty otherwise); with
 * `dated`, also the latest observation it counts.
 */
export function typedInNote(c: Pick<ContractResult, "typedIn">, t: Texts, dated = false): string {
  if (!c.typedIn) return "";
  if (!dated) return t("typedInMark");
  return `${t("typedInMark")}; ${c.typedIn.observedUpTo === null ? t("typedInNone") : t("typedInUpTo", { date: c.typedIn.observedUpTo })}`;
}

/** A contract by its title in the report's language (its id is for the machine-readable columns only). */
export function contractName(c: Pick<ContractResult, "title">, lang: Lang): string {
  return labelIn(lang, c.title);
}

/** A period by its label in the report's language: the schedule's label, else its id (a year). */
export function periodName(p: Pick<PeriodSummary, "period" | "label">, lang: Lang): string {
  return p.label === undefined ? p.period : labelIn(lang, p.label);
}

/** The notes of a row, those that are set, in one cell. */
function notes(...parts: string[]): string {
  return parts.filter(Boolean).join("; ");
}

/** Summary lines: per contract what is repaid (settled) and what is due, marked when illustrative. */
export function repaymentSummaryRows(repayment: RepaymentArtefact, lang: Lang, t: Texts): { figure: string; figure_id: string; value: string }[] {
  return repayment.contracts.flatMap((c) => {
    const marks = [c.restsOnIllustrativeTerms ? t("illustrativeShort") : "", c.typedIn ? t("typedInShort") : ""].filter(Boolean);
    const mark = marks.length > 0 ? ` (${marks.join("; ")})` : "";
    return [
      { figure: `${t("repaidToDate")}: ${contractName(c, lang)}`, figure_id: `repaid:${c.name}`, value: formatKr(lang, c.repaidToDate) + mark },
      { figure: `${t("dueToDate")}: ${contractName(c, lang)}`, figure_id: `due:${c.name}`, value: formatKr(lang, c.dueToDate) + mark },
    ];
  });
}

/** One row per contract period: status, computed and settled amounts, any restatement. */
export function ledgerTable(repayment: RepaymentArtefact, lang: Lang, t: Texts): Table {
  const rows: Record<string, Cell>[] = repayment.contracts.flatMap((c) =>
    c.periods.map((p) => ({
      contract: contractName(c, lang),
      contract_id: c.name,
      period_id: p.period,
      period: periodName(p, lang),
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
      caps: notesText(lang, p.capsApplied),
      note: [p.restatement ? `${t("restated")}: ${restatedNote(p, lang, t)}` : "", illustrativeNote(p.illustrative, t), p.dueDateIllustrative ? t("dueDateIllustrative") : "", p.typedIn ? t("typedInMark") : ""].filter(Boolean).join("; "),
    })),
  );
  return {
    id: "repayment",
    columns: [
      { key: "contract", label: t("contract"), kind: "text", id: "contract_id" },
      { key: "period", label: t("period"), kind: "text", id: "period_id" },
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
    contract: contractName(c, lang),
    contract_id: c.name,
    periods: count(c),
    repaid: c.repaidToDate,
    due: c.dueToDate,
    provisional: c.provisional,
    total: c.contractTotal,
    note: [c.periods.some((p) => p.restatement) ? `${t("restated")}: ${c.periods.filter((p) => p.restatement).map((p) => periodName(p, lang)).join(", ")}` : "", illustrativeNote(c.restsOnIllustrativeTerms, t), typedInNote(c, t, true)].filter(Boolean).join("; "),
  }));
  const sum = (of: (c: ContractResult) => number) => repayment.contracts.reduce((s, c) => s + of(c), 0);
  rows.push({
    contract: t("portfolioTotal"),
    periods: "",
    repaid: sum((c) => c.repaidToDate),
    due: sum((c) => c.dueToDate),
    provisional: sum((c) => c.provisional),
    total: null,
    note: notes(illustrativeNote(repayment.contracts.some((c) => c.restsOnIllustrativeTerms), t), repayment.contracts.some((c) => c.typedIn) ? t("typedInMark") : ""),
  });
  return {
    id: "status_contracts",
    columns: [
      { key: "contract", label: t("contract"), kind: "text", id: "contract_id" },
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
    rows.push({ figure: `${t("repaidToDate")}: ${contractName(c, lang)}`, figure_id: `repaid:${c.name}`, previous: before?.repaidToDate ?? null, current: c.repaidToDate, note: notes(illustrativeNote(c.restsOnIllustrativeTerms, t), typedInNote(c, t)) });
    rows.push({ figure: `${t("dueToDate")}: ${contractName(c, lang)}`, figure_id: `due:${c.name}`, previous: before?.dueToDate ?? null, current: c.dueToDate, note: typedInNote(c, t) });
    for (const p of c.periods.filter((x) => x.restatement)) {
      rows.push({ figure: `${t("restated")}: ${contractName(c, lang)} — ${periodName(p, lang)}`, figure_id: `restated:${c.name}:${p.period}`, previous: p.restatement!.settled, current: p.restatement!.computed, note: restatedNote(p, lang, t) });
    }
  }
  return rows;
}

/** Periods by status in words: "3 forfalden, 1 foreløbig". */
function periodsByStatus(c: ContractResult, t: Texts): string {
  return (["settled", "due", "provisional", "not_due"] as const)
    .map((s) => [s, c.periods.filter((p) => p.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${t(s)}`)
    .join(", ");
}

/** Every contract by its name and title: capital and its periods by status. */
export function contractsTable(repayment: RepaymentArtefact, lang: Lang, t: Texts): Table {
  return {
    id: "repayment_contracts",
    columns: [
      // The id for the CSV only: the page names a contract by its title.
      { key: "contract", label: t("contract"), kind: "text", csvOnly: true },
      { key: "title", label: t("contract"), kind: "text" },
      { key: "capital", label: t("capitalWord"), kind: "kr" },
      { key: "periods", label: t("periodsByStatus"), kind: "text" },
      { key: "note", label: t("note"), kind: "text" },
    ],
    rows: repayment.contracts.map((c) => ({ contract: c.name, title: contractName(c, lang), capital: c.capital, periods: periodsByStatus(c, t), note: notes(illustrativeNote(c.restsOnIllustrativeTerms, t), typedInNote(c, t, true)) })),
  };
}

const BUDGET_KEYS = { kommune_decentral: "budget_kommune_decentral", kommune_central: "budget_kommune_central", outcome_fund: "budget_outcome_fund", state: "budget_state" } as const;

/** Who pays what: per contract and payer its share (from the contract, as the ledger applies it) and its part of each status. */
export function payerSplitTable(repayment: RepaymentArtefact, lang: Lang, t: Texts): Table {
  const rows: Record<string, Cell>[] = repayment.contracts.flatMap((c) =>
    Object.keys(c.byPayer).map((budget) => {
      const part = (status: PeriodSummary["status"] | null) => c.periods.filter((p) => status === null || p.status === status).reduce((s, p) => s + (p.byPayer[budget] ?? 0), 0);
      const paying = c.periods.find((p) => p.amount !== 0);
      return {
        contract: contractName(c, lang),
        contract_id: c.name,
        budget_id: budget,
        payer: budget in BUDGET_KEYS ? t(BUDGET_KEYS[budget as keyof typeof BUDGET_KEYS]) : budget,
        // The share as the ledger applies it; none to show while every period is 0 kr.
        share: paying ? (paying.byPayer[budget] ?? 0) / paying.amount : null,
        settled: part("settled"),
        due: part("due"),
        provisional: part("provisional"),
        not_due: part("not_due"),
        total: part(null),
        note: notes(illustrativeNote(c.restsOnIllustrativeTerms, t), typedInNote(c, t)),
      };
    }),
  );
  return {
    id: "repayment_payers",
    columns: [
      { key: "contract", label: t("contract"), kind: "text", id: "contract_id" },
      { key: "payer", label: t("payerWord"), kind: "text", id: "budget_id" },
      { key: "share", label: t("payerShare"), kind: "percent", digits: 0 },
      { key: "settled", label: t("repaidToDate"), kind: "kr" },
      { key: "due", label: t("dueToDate"), kind: "kr" },
      { key: "provisional", label: t("provisionalAmount"), kind: "kr" },
      { key: "not_due", label: t("notYetDueAmount"), kind: "kr" },
      { key: "total", label: t("contractTotal"), kind: "kr" },
      { key: "note", label: t("note"), kind: "text" },
    ],
    rows,
  };
}

/** An IRR as the repay stage recorded it, as a cell: the rate, or why there is none in words. */
function irrCell(result: InvestorRate, t: Texts): Cell {
  return result.rate !== null ? result.rate : t(`irr_${result.reason}`);
}

/** The investors' return per contract: multiple and IRR to date (settled) and over the whole contract (the ledger's forecast). */
export function investorTable(repayment: RepaymentArtefact, lang: Lang, t: Texts): Table {
  return {
    id: "repayment_investor",
    columns: [
      { key: "contract", label: t("contract"), kind: "text", id: "contract_id" },
      { key: "capital", label: t("capitalWord"), kind: "kr" },
      { key: "repaid", label: t("repaidToDate"), kind: "kr" },
      { key: "total", label: t("contractTotal"), kind: "kr" },
      { key: "multiple_to_date", label: t("multipleToDate"), kind: "number", digits: 2 },
      { key: "multiple", label: t("multipleContract"), kind: "number", digits: 2 },
      { key: "irr_to_date", label: t("irrToDate"), kind: "percent", digits: 1 },
      { key: "irr", label: t("irrContract"), kind: "percent", digits: 1 },
      { key: "note", label: t("note"), kind: "text" },
    ],
    rows: repayment.contracts.map((c) => ({
      contract: contractName(c, lang),
      contract_id: c.name,
      capital: c.capital,
      repaid: c.repaidToDate,
      total: c.contractTotal,
      multiple_to_date: c.capital > 0 ? c.repaidToDate / c.capital : null,
      multiple: c.capital > 0 ? c.contractTotal / c.capital : null,
      irr_to_date: irrCell(c.investorReturn.irrToDate, t),
      irr: irrCell(c.investorReturn.irr, t),
      note: notes(illustrativeNote(c.restsOnIllustrativeTerms, t), typedInNote(c, t)),
    })),
  };
}

/** Repayment risk per contract, rule and period: the probability that the period pays, and the simulated amount's quantiles. */
export function riskTable(repayment: RepaymentArtefact, lang: Lang, t: Texts): Table | null {
  const rows: Record<string, Cell>[] = repayment.contracts.flatMap((c) =>
    c.risk.map((r) => ({ contract: contractName(c, lang), contract_id: c.name, rule_id: r.rule, period_id: r.period, period: periodName(c.periods.find((p) => p.period === r.period) ?? { period: r.period }, lang), probability: r.probabilityTriggered, mean: r.amount.mean, p05: r.amount.p05, p50: r.amount.p50, p95: r.amount.p95, method: riskMethodName(lang, r.method) })),
  );
  if (rows.length === 0) return null;
  return {
    id: "repayment_risk",
    columns: [
      { key: "contract", label: t("contract"), kind: "text", id: "contract_id" },
      { key: "period", label: t("period"), kind: "text", id: "period_id" },
      { key: "probability", label: t("probabilityTriggered"), kind: "percent", digits: 1 },
      { key: "mean", label: t("riskMean"), kind: "kr" },
      { key: "p05", label: t("riskP05"), kind: "kr" },
      { key: "p50", label: t("riskP50"), kind: "kr" },
      { key: "p95", label: t("riskP95"), kind: "kr" },
      { key: "method", label: t("riskMethod"), kind: "text" },
    ],
    rows,
  };
}

/** How a term's value is written: kroner, a share, a multiple of capital or a date. */
const TERM_VALUES: { readonly [K in TermKind]: "kr" | "share" | "multiple" | "date" | "text" } = {
  due_date: "date",
  payer_share: "share",
  price: "kr",
  per_person_cap: "kr",
  total_cap: "kr",
  period_cap: "kr",
  return_ceiling: "multiple",
  return_floor: "multiple",
  saving_limit: "kr",
  cap: "kr",
  other: "text",
};

function termValue(term: IllustrativeTerm, lang: Lang): string {
  const kind = TERM_VALUES[term.term];
  if (typeof term.value !== "number") return term.value;
  if (kind === "kr") return formatKr(lang, term.value);
  if (kind === "share") return `${formatNumber(lang, 100 * term.value, 0)} %`;
  if (kind === "multiple") return formatNumber(lang, term.value, 2);
  return String(term.value);
}

/** Every term of a contract that is not in its source documents, by what it is and its value. */
export function illustrativeTable(repayment: RepaymentArtefact, lang: Lang, t: Texts): Table | null {
  const rows: Record<string, Cell>[] = repayment.contracts.flatMap((c) =>
    c.illustrative.map((term) => ({ contract: contractName(c, lang), contract_id: c.name, term: termName(lang, term.term), value: termValue(term, lang) })),
  );
  if (rows.length === 0) return null;
  return { id: "repayment_illustrative", columns: [{ key: "contract", label: t("contract"), kind: "text", id: "contract_id" }, { key: "term", label: t("termWord"), kind: "text" }, { key: "value", label: t("value"), kind: "text" }], rows };
}
