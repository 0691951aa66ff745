/**
 * Status in the shape of 002's half-yearly status: the "STATUS PÅ PROJEKTET" block (attached, followed to the end,
 * intake period, the latest primary effect, the next results follow-up, per contract its capital and what is repaid
 * and due), the "Økonomi – frem til 2030" table, and the status tables beneath. Every count in the block is a cell of
 * the status table (the disclosure engine protects it: intake, and n followed to the end as the censoring table's
 * observed total); every amount is a cell of a disclosed table or, in the economy table, built from the disclosed
 * tables after the engine has run (`economyTable`).
 */
import { labelIn } from "../../shared/label.ts";
import type { ContractResult } from "../../repay/schema.ts";
import { contractStatusTable, typedInNote } from "../repaymentTables.ts";
import { count, type Cell } from "../suppression.ts";
import { escapeHtml, type Column, type Table } from "../table.ts";
import { checkName, formatKr, formatNumber, stageText, type Lang } from "../i18n.ts";
import { primaryResultOf } from "./primaryResult.ts";
import { lookSentence } from "../monitoringText.ts";
import { amount, type Amount, type Source } from "../../money/amount.ts";
import { ECONOMY_COLUMNS, netOf, type EconomyRow, type MoneyCell } from "../../money/economy.ts";
import { sourcesText, unitText } from "../../money/amountText.ts";
import { economyNotes } from "../moneyNotes.ts";
import { isMatched, outcomeLabeller, primaryOutcomeOf, tableCollector, type ReportInput, type SectionBuilder, type Texts } from "./section.ts";

export const ECONOMY_TABLE_ID = "status_economy";

/** The columns of 002's economy table after the project: the same on a run's status page and in the portfolio. */
export function economyColumns(t: Texts): Column[] {
  return [
    { key: "investment", label: t("investment"), kind: "kr" },
    { key: "repayment", label: t("decentralRepayment"), kind: "kr" },
    { key: "savings", label: t("decentralSavings"), kind: "kr" },
    { key: "net", label: t("netSavings"), kind: "kr" },
    { key: "years", label: t("paymentYears"), kind: "text" },
    { key: "notes", label: t("economyNotes"), kind: "text" },
  ];
}

/** A date as the report's language writes it: "30. september 2025" / "30 September 2025". */
export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang === "da" ? "da-DK" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

function evaluationName(input: ReportInput): string {
  return input.spec.title === undefined ? input.spec.name : labelIn(input.lang, input.spec.title);
}

/** The next results follow-up: the earliest due date after the as-of date of a period not yet settled or due. */
function nextFollowUp(input: ReportInput): { date: string; contract: ContractResult; period: string } | null {
  const asOf = input.run.ingest.asOf;
  const next = (input.run.repayment?.contracts ?? [])
    .flatMap((c) => c.periods.filter((p) => (p.status === "provisional" || p.status === "not_due") && p.dueDate > asOf).map((p) => ({ date: p.dueDate, contract: c, period: p.period })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return next[0] ?? null;
}

function paymentYears(c: ContractResult): string {
  const years = c.periods.map((p) => p.paymentYear).sort((a, b) => a - b);
  return years.length === 0 ? "–" : years[0] === years.at(-1) ? String(years[0]) : `${years[0]}–${years.at(-1)}`;
}

export function statusTable(input: ReportInput, t: Texts): Table {
  const { run, minCell } = input;
  const planned = input.spec.report?.plannedIntakePerYear;
  const from = Date.parse(input.spec.enrolment.from);
  const until = Math.min(Date.parse(run.ingest.asOf), Date.parse(input.spec.enrolment.to));
  const plannedSoFar = planned === undefined ? null : Math.round((planned * Math.max(0, until - from)) / (365.25 * 86_400_000));
  const primary = primaryOutcomeOf(input);
  const result = primaryResultOf(input, t);
  const failed = run.assignment?.checks.filter((c) => c.passed === false).map((c) => c.id) ?? [];
  const followed = run.ingest.outcomes.find((o) => o.id === primary)?.observed ?? null;
  const next = nextFollowUp(input);
  const rows: Record<string, Cell>[] = [
    {
      project: evaluationName(input),
      intake: count(run.ingest.persons, minCell),
      planned: plannedSoFar,
      // n followed to the end of the primary outcome's window: the censoring table's observed total (collectFacts).
      completed: count(followed, minCell),
      outcome_id: primary,
      outcome: outcomeLabeller(input)(primary),
      // The randomised total is a count of its own (the disclosure engine's consort:randomised_total); the checks in words.
      trial: run.assignment ? count(run.assignment.persons.assigned, minCell) : null,
      checks: run.assignment ? (failed.length > 0 ? `${t("checksFailed")}: ${failed.map((id) => checkName(input.lang, id)).join(", ")}` : t("checksPassed")) : "–",
      // Not a column: which estimate the effect cell shows (outcome, contrast, estimator), for the disclosure engine.
      effect_of: result ? [result.outcome, result.contrast, result.estimator].join("\u0000") : null,
      // The summary's words for it (./primaryResult.ts): the primary estimator, in the outcome's unit, named.
      effect: result?.text ? `${outcomeLabeller(input)(primary)}: ${result.text}${run.monitoring ? ` ${lookSentence(run.monitoring, input.lang, t)}` : ""}` : "–",
      intake_period: `${formatDate(input.lang, input.spec.enrolment.from)} – ${formatDate(input.lang, input.spec.enrolment.to)}`,
      next_follow_up: next ? formatDate(input.lang, next.date) : "–",
    },
  ];
  return {
    id: "status",
    columns: [
      { key: "project", label: t("project"), kind: "text" },
      { key: "intake", label: t("intake"), kind: "count" },
      { key: "planned", label: t("planned"), kind: "count" },
      { key: "trial", label: t(isMatched(input) ? "matchedWord" : "randomised"), kind: "count" },
      { key: "checks", label: t("integrityChecks"), kind: "text" },
      { key: "effect", label: t("effects"), kind: "text" },
      { key: "completed", label: t("followedToEnd"), kind: "count" },
      { key: "intake_period", label: t("intakePeriod"), kind: "text" },
      { key: "next_follow_up", label: t("nextFollowUp"), kind: "text" },
      // The primary outcome by id and words, for `effekt portfolio`, which reads the CSV.
      { key: "outcome", label: t("outcome"), kind: "text", id: "outcome_id", csvOnly: true },
    ],
    rows,
  };
}

/** The "STATUS PÅ PROJEKTET" block: sentences whose counts and amounts are placeholders for disclosed cells. */
function statusBlock(input: ReportInput & Pick<Parameters<SectionBuilder>[0], "later">, t: Texts, status: Table, contracts: Table | null): string {
  const { later, lang } = input;
  const row = status.rows[0]!;
  const kr = (r: Record<string, Cell>, key: string) => `${later.cell(r, key)} ${lang === "da" ? "kr." : "kr"}`;
  const items: string[] = [];
  items.push(escapeHtml(t("statusAttached", { date: formatDate(lang, input.run.ingest.asOf), n: "\u0001intake\u0001" })).replace("\u0001intake\u0001", later.cell(row, "intake")) + (row.planned === null ? "" : escapeHtml(t("statusPlanned", { n: "\u0001" })).replace("\u0001", later.cell(row, "planned"))) + ".");
  if (input.run.ingest.outcomes.some((o) => o.id === row.outcome_id)) items.push(escapeHtml(t("statusCompleted", { n: "\u0001", outcome: outcomeLabeller(input)(String(row.outcome_id)) })).replace("\u0001", later.cell(row, "completed")));
  items.push(escapeHtml(t("statusPeriod", { from: formatDate(lang, input.spec.enrolment.from), to: formatDate(lang, input.spec.enrolment.to) })));
  if (input.run.effects) items.push(escapeHtml(t("statusEffect", { effect: "\u0001" })).replace("\u0001", later.cell(row, "effect")));
  const next = nextFollowUp(input);
  if (input.run.repayment) items.push(escapeHtml(next ? t("statusNext", { date: formatDate(lang, next.date), contract: labelIn(lang, next.contract.title), period: stageText(lang, next.period) }) : t("statusNoNext")));
  (input.run.repayment?.contracts ?? []).forEach((c, i) => {
    const r = contracts?.rows[i];
    if (!r) return;
    const text = escapeHtml(t("statusContract", { contract: labelIn(lang, c.title), capital: "\u0001c\u0001", repaid: "\u0001r\u0001", due: "\u0001d\u0001", years: paymentYears(c) }));
    const note = typedInNote(c, t);
    const typedIn = note ? ` ${escapeHtml(`${note.charAt(0).toUpperCase()}${note.slice(1)}.`)}` : "";
    items.push(text.replace("\u0001c\u0001", `${formatNumber(lang, c.capital)} ${lang === "da" ? "kr." : "kr"}`).replace("\u0001r\u0001", kr(r, "repaid")).replace("\u0001d\u0001", kr(r, "due")) + typedIn);
  });
  return `<h3>${escapeHtml(t("statusOfProject"))}</h3>\n<ul class="status-block">\n${items.map((i) => `<li>${i}</li>`).join("\n")}\n</ul>`;
}

/** The economy table's horizon: the spec's report.horizon (default 2030, as 002's "Økonomi – frem til 2030"). */
export function economyHorizon(input: ReportInput): number {
  return input.spec.report?.horizon ?? 2030;
}

/** The evaluation's own business case: the first projected case that reproduces no published figures, else the first projected. */
function ownCase(input: ReportInput) {
  const cases = (input.run.projection?.cases ?? []).filter((c) => c.notProjected === null && c.scenarios.length > 0);
  return cases.find((c) => c.published.length === 0) ?? cases[0] ?? null;
}

/** A business case's kommune amount with its unit: one person, one yearly cohort or the whole programme, over its horizon. */
function caseAmount<K extends "gross_saving" | "cost">(kind: K, kr: number, own: NonNullable<ReturnType<typeof ownCase>>): Amount<K> {
  const basis = own.basis;
  const scope = basis === null ? "per_cohort_year" : basis.cohortSize === 1 ? "per_person" : basis.newCohortEachYear ? "per_cohort_year" : "whole_programme";
  const budget = kind === "gross_saving" ? (basis?.kommuneBudget ?? "kommune") : "kommune";
  return amount(kr, { kind, budget, scope, period: { kind: "relative", years: basis?.horizonYears ?? own.scenarios[0]!.years.length }, sources: ["computed", ...(basis?.illustrative ? (["illustrative"] as const) : [])] });
}

/**
 * "Økonomi – frem til <horizon>" for this evaluation, built after the disclosure engine from what the disclosed tables
 * show, every cell an amount with its unit (src/money/): per contract its capital (the investors'), the repayment of
 * its payers whose budget is kommune_decentral in payment years up to the horizon (shown only when every period of
 * the contract's ledger shows its amount; central repayment is named in the notes, never shown as decentral), the
 * kommune's savings in the evaluation's own business case (on the contract named as the evaluation, or the only one;
 * decentral only when the case says so) and the net where savings and repayment are alike. The CSV carries each
 * cell's unit and sources, the contract file's hash and the decentral repayment per payment year, for `effekt portfolio`.
 */
export function economyTable(input: ReportInput, t: Texts, disclosed: readonly Table[]): Table {
  const horizon = economyHorizon(input);
  const byId = new Map(disclosed.map((tb) => [tb.id, tb]));
  const own = ownCase(input);
  let savings: MoneyCell = null;
  if (own) {
    const rows = (byId.get("savings")?.rows ?? []).filter((r) => (r.case_id ?? r.case) === own.name && (r.sector_id ?? r.sector) === "kommune");
    const kr = rows.length === 0 ? own.scenarios[0]!.totals.kommune : rows.every((r) => typeof r.kr === "number") ? rows.reduce((s, r) => s + (r.kr as number), 0) : null;
    savings = kr === null ? "x" : caseAmount("gross_saving", kr, own);
  }
  const contracts = input.run.repayment?.contracts ?? [];
  const ledger = byId.get("repayment")?.rows ?? [];
  const holder = contracts.find((c) => c.name === input.spec.name) ?? (contracts.length === 1 ? contracts[0]! : null);
  const cells: { label: string; id: string | null; sha: string | null; row: EconomyRow; years: string; byYear: string; extra: string[] }[] = contracts.map((c) => {
    const periods = c.periods.filter((p) => p.paymentYear <= horizon);
    const shown = ledger.filter((r) => r.contract === c.name).every((r) => typeof r.amount === "number");
    const from = c.startYear ?? Math.min(...c.periods.map((p) => p.paymentYear));
    const period = { kind: "calendar", from, to: horizon } as const;
    const decentral = periods.reduce((s, p) => s + (p.byPayer.kommune_decentral ?? 0), 0);
    const central = periods.reduce((s, p) => s + (p.byPayer.kommune_central ?? 0), 0);
    const sources: Source[] = [
      ...(periods.some((p) => p.status === "settled") ? (["observed"] as const) : []),
      ...(periods.some((p) => p.status === "due") ? (["computed"] as const) : []),
      ...(periods.some((p) => p.status === "provisional" || p.status === "not_due") ? (["forecast"] as const) : []),
      ...(periods.some((p) => p.illustrative) || c.splitIllustrative ? (["illustrative"] as const) : []),
      ...(c.restsOnOutcomeTable ? (["typed_in"] as const) : []),
    ];
    const repayment: MoneyCell = shown ? amount(decentral, { kind: "repayment", budget: "kommune_decentral", scope: "whole_programme", period, sources }) : "x";
    const investment = amount(c.capital, { kind: "capital", budget: "investor", scope: "whole_programme", period, sources: c.capitalIllustrative ? ["illustrative"] : ["observed"] });
    const s = c === holder ? savings : null;
    const extra = [...(central > 0 && shown ? [t("moneyCentral", { kr: formatKr(input.lang, central) })] : []), ...(c.noCap !== null ? [t("moneyNoCap", { why: c.noCap })] : []), ...(typedInNote(c, t) ? [typedInNote(c, t)] : [])];
    const byYear = shown ? [...new Set(periods.map((p) => p.paymentYear))].sort((a, b) => a - b).map((y) => `${y}=${periods.filter((p) => p.paymentYear === y).reduce((sum, p) => sum + (p.byPayer.kommune_decentral ?? 0), 0)}`).join(";") : "";
    return { label: `${labelIn(input.lang, c.title)} (${c.name})`, id: c.name, sha: c.fileSha256, row: { investment, repayment, savings: s, net: netOf(s, repayment) }, years: paymentYears({ ...c, periods }), byYear, extra };
  });
  if (contracts.length === 0) {
    const cost = own ? caseAmount("cost", own.scenarios[0]!.interventionCostTotal, own) : null;
    cells.push({ label: evaluationName(input), id: null, sha: null, row: { investment: cost, repayment: null, savings, net: null }, years: "–", byYear: "", extra: [] });
  }
  const kr = (cell: MoneyCell): Cell => (cell === null ? null : cell === "x" ? "x" : cell.kr);
  const unitOf = (cell: MoneyCell) => (cell === null || cell === "x" ? null : unitText(cell));
  const sourcesOf = (cell: MoneyCell) => (cell === null || cell === "x" ? null : sourcesText(cell));
  const rows: Record<string, Cell>[] = cells.map((c) => ({
    project: c.label,
    contract_id: c.id,
    contract_sha256: c.sha,
    horizon,
    ...Object.fromEntries(ECONOMY_COLUMNS.flatMap((col) => [[col, kr(c.row[col])], [`${col}_unit`, unitOf(c.row[col])], [`${col}_sources`, sourcesOf(c.row[col])]])),
    repayment_by_year: c.byYear || null,
    years: c.years,
    notes: economyNotes(t, c.row, horizon, c.extra) || null,
    other_notes: c.extra.join("; ") || null,
  }));
  const csvOnly = (key: string) => ({ key, label: key, kind: "text" as const, csvOnly: true as const });
  return {
    id: ECONOMY_TABLE_ID,
    title: t("economyTitle", { year: horizon }),
    columns: [
      { key: "project", label: t("project"), kind: "text", id: "contract_id" },
      ...economyColumns(t),
      csvOnly("contract_sha256"),
      csvOnly("horizon"),
      ...ECONOMY_COLUMNS.flatMap((col) => [csvOnly(`${col}_unit`), csvOnly(`${col}_sources`)]),
      csvOnly("repayment_by_year"),
      csvOnly("other_notes"),
    ],
    rows,
  };
}

export const statusSection: SectionBuilder = (input, t) => {
  const { add, tables } = tableCollector(input);
  const status = statusTable(input, t);
  const contractStatus = input.run.repayment ? contractStatusTable(input.run.repayment, input.lang, t) : null;
  const statusHtml = add(status);
  const contractsHtml = contractStatus ? add(contractStatus) : "";
  const economy = `${input.later.table({ id: ECONOMY_TABLE_ID, columns: [], rows: [] })}\n<p class="note">${escapeHtml(t("economyNote", { year: economyHorizon(input) }))}</p>`;
  return { html: `${statusBlock(input, t, status, contractStatus)}\n${economy}\n${statusHtml}${contractsHtml ? `\n<h3>${escapeHtml(t("contractStatus"))}</h3>\n${contractsHtml}` : ""}`, tables };
};
