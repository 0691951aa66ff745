/**
 * The council status over several evaluations (`effekt portfolio`): per evaluation 002's "Status på projektet" block
 * and one "Økonomi – frem til <year>" table for every investment together, with an overview table. Pure: it is given
 * only what each run published — the rows of its report/status.csv and report/status_economy.csv, already disclosed
 * by that run's engine — so it can show no figure a run did not; a total is a sum of shown cells, and `x` where any
 * of them is suppressed.
 *
 *   published CSV rows per run → cells (numbers where the column is numeric) → tables → HTML (and the workbook)
 */
import { amount } from "../../money/amount.ts";
import { parseMoneyCell } from "../../money/amountText.ts";
import { ECONOMY_COLUMNS, economyTotals, netOf, type EconomyColumn, type EconomyRow, type MoneyCell } from "../../money/economy.ts";
import { portfolioView, type Portfolio, type PortfolioContract } from "../../repay/portfolio.ts";
import { formatNumber, noteOrLabel, noteText, texts, type Lang } from "../i18n.ts";
import { economyNotes, markers } from "../moneyNotes.ts";
import type { Texts } from "../sections/section.ts";
import { page } from "../page.ts";
import { economyColumns, formatDate } from "../sections/status.ts";
import type { Cell } from "../suppression.ts";
import { escapeHtml, tableHtml, type ColumnKind, type Table } from "../table.ts";

/** One run as it published itself. */
export interface PublishedRun {
  /** The run folder as given on the command line. */
  readonly folder: string;
  readonly evaluation: string;
  readonly asOf: string;
  readonly status: readonly Readonly<Record<string, string>>[];
  readonly economy: readonly Readonly<Record<string, string>>[];
}

export interface CouncilStatus {
  readonly html: string;
  readonly tables: readonly Table[];
}

const NUMBER = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A published CSV cell: a number in a numeric column, a suppression mark or text as it is, empty as missing. */
function cellOf(text: string | undefined, kind: ColumnKind): Cell {
  if (text === undefined || text === "") return null;
  return kind !== "text" && NUMBER.test(text) ? Number(text) : text;
}

function shownNumber(lang: Lang, cell: Cell): string {
  return cell === null ? "–" : typeof cell === "number" ? formatNumber(lang, cell) : cell;
}

/** A published amount cell back as an amount; an unreadable one is a table changed by hand. */
function moneyOf(run: PublishedRun, row: Readonly<Record<string, string>>, column: EconomyColumn): MoneyCell {
  const cell = parseMoneyCell(row[column], row[`${column}_unit`], row[`${column}_sources`]);
  if (cell instanceof Error) throw new PublishedTableError(`${run.folder}/report/status_economy.csv: ${column} ${cell.message} is not an amount with its unit (a run from before amounts carried units? run it again)`);
  return cell;
}

export class PublishedTableError extends Error {}

/** A published decentral repayment cut at the horizon, from its payment years ("2022=342500;2023=…"). */
function repaymentTo(cell: MoneyCell, byYear: string | undefined, horizon: number): MoneyCell {
  if (cell === null || cell === "x" || cell.period.kind !== "calendar" || !byYear) return cell;
  const kr = byYear.split(";").map((p) => p.split("=")).filter(([y]) => Number(y) <= horizon).reduce((s, [, v]) => s + Number(v), 0);
  return amount(kr, { kind: cell.kind, budget: cell.budget, scope: cell.scope, period: { kind: "calendar", from: cell.period.from, to: horizon }, sources: cell.sources });
}

/** The same amount counted to the portfolio's horizon (a capital raised by then). */
function to(cell: MoneyCell, horizon: number): MoneyCell {
  if (cell === null || cell === "x" || cell.period.kind !== "calendar") return cell;
  return amount(cell.kr, { kind: cell.kind, budget: cell.budget, scope: cell.scope, period: { kind: "calendar", from: cell.period.from, to: horizon }, sources: cell.sources });
}

const krOf = (cell: MoneyCell): Cell => (cell === null ? null : cell === "x" ? "x" : cell.kr);

/**
 * One economy table over every run: each contract once (by its id and file hash; reached from two runs, the run of
 * the contract's own evaluation is used, else the later as-of, and the other is named), each cell an amount cut at
 * the horizon, and per column a total over the cells in the column's unit only.
 */
function economyOf(runs: readonly PublishedRun[], lang: Lang, horizon: number) {
  const t = texts(lang);
  const name = (run: PublishedRun) => run.status[0]?.project || run.evaluation;
  type Entry = { run: PublishedRun; row: Readonly<Record<string, string>> };
  const entries: Entry[] = runs.flatMap((run) => run.economy.map((row) => ({ run, row })));
  const preferred = (a: Entry, b: Entry) => (a.run.evaluation === a.row.project) !== (b.run.evaluation === b.row.project) ? (a.run.evaluation === a.row.project ? a : b) : a.run.asOf >= b.run.asOf ? a : b;
  const kept = new Map<string, Entry>();
  const twice: string[] = [];
  for (const entry of entries) {
    const id = entry.row.project;
    if (!id) {
      kept.set(`\u0000${entry.run.folder}`, entry);
      continue;
    }
    const first = kept.get(id);
    if (!first) {
      kept.set(id, entry);
      continue;
    }
    const keep = preferred(first, entry);
    const drop = keep === first ? entry : first;
    const same = first.row.contract_sha256 === entry.row.contract_sha256;
    twice.push(t(same ? "councilSameContract" : "councilOtherVersion", { contract: id, used: name(keep.run), ignored: name(drop.run) }));
    kept.set(id, keep);
  }
  const used = [...kept.values()];
  const rows: EconomyRow[] = used.map(({ run, row }) => {
    const investment = to(moneyOf(run, row, "investment"), horizon);
    const repayment = repaymentTo(moneyOf(run, row, "repayment"), row.repayment_by_year, horizon);
    const savings = moneyOf(run, row, "savings");
    return { investment, repayment, savings, net: netOf(savings, repayment) };
  });
  const years = (row: Readonly<Record<string, string>>) => {
    const list = (row.repayment_by_year ?? "").split(";").map((p) => Number(p.split("=")[0])).filter((y) => Number.isInteger(y) && y > 0 && y <= horizon);
    return list.length === 0 ? row.years || "–" : list[0] === list.at(-1) ? String(list[0]) : `${list[0]}–${list.at(-1)}`;
  };
  const totals = economyTotals(rows, horizon);
  const apartNames = (column: EconomyColumn) => totals[column].apart.map((i) => used[i]!.row.project_label || name(used[i]!.run));
  const totalNotes = ECONOMY_COLUMNS.flatMap((column) => {
    const total = totals[column].total;
    const marks = total !== null && total !== "x" ? markers(t, total) : [];
    const apart = apartNames(column);
    return [...(marks.length > 0 ? [`${columnLabel(t, column)}: ${marks.join(", ")}`] : []), ...(apart.length > 0 ? [t("councilApart", { column: columnLabel(t, column), rows: apart.join(", ") })] : [])];
  });
  const table: Table = {
    id: "council_economy",
    title: t("economyTitle", { year: horizon }),
    columns: [
      { key: "evaluation", label: t("evaluationWord"), kind: "text" },
      { key: "project", label: t("project"), kind: "text" },
      ...economyColumns(t),
    ],
    rows: [
      ...used.map(({ run, row }, i) => ({
        evaluation: name(run),
        project: row.project_label || row.project || name(run),
        ...Object.fromEntries(ECONOMY_COLUMNS.map((c) => [c, krOf(rows[i]![c])])),
        years: years(row),
        notes: economyNotes(t, rows[i]!, horizon, row.other_notes ? [row.other_notes] : []) || null,
      })),
      { evaluation: t("portfolioTotal"), project: "", ...Object.fromEntries(ECONOMY_COLUMNS.map((c) => [c, krOf(totals[c].total)])), years: "", notes: totalNotes.join("; ") || null },
    ],
  };
  const contracts = new Map<string, PortfolioContract>(
    used.flatMap(({ row }, i) => {
      const capital = rows[i]!.investment;
      const repayment = rows[i]!.repayment;
      if (!row.project || capital === null || capital === "x" || capital.kind !== "capital" || repayment === null || repayment === "x") return [];
      return [[row.project, { capital: capital.kr, decentralRepayment: repayment.kr, illustrative: repayment.sources.includes("illustrative") || capital.sources.includes("illustrative"), typedIn: repayment.sources.includes("typed_in") }]];
    }),
  );
  return { table, twice, contracts };
}

function columnLabel(t: Texts, column: EconomyColumn): string {
  return { investment: t("investment"), repayment: t("decentralRepayment"), savings: t("decentralSavings"), net: t("netSavings") }[column];
}

/** 002's table recomputed: each printed row and total against the sum of its rows and the contracts' ledgers (src/repay/portfolio.ts). */
function checksTable(portfolio: Portfolio, contracts: ReadonlyMap<string, PortfolioContract>, lang: Lang): Table {
  const t = texts(lang);
  const view = portfolioView(portfolio, contracts);
  return {
    id: "portfolio_checks",
    columns: [
      { key: "what", label: t("figure"), kind: "text" },
      { key: "published", label: t("publishedValue"), kind: "number", digits: 2 },
      { key: "computed", label: t("reproduced"), kind: "number", digits: 2 },
      { key: "ok", label: t("verdict"), kind: "text" },
      { key: "note", label: t("note"), kind: "text" },
    ],
    rows: view.checks.map((c) => ({ what: noteText(lang, c.what), published: c.published, computed: c.computed, ok: c.ok ? t("reproducedWord") : t("differsWord"), note: noteOrLabel(lang, c.note) })),
  };
}

export interface CouncilOptions {
  /** "Økonomi – frem til <horizon>": payment years up to and including it (002: 2030). */
  readonly horizon: number;
  /** Runs of an evaluation a later run of which is used: named, not counted. */
  readonly ignored?: readonly { readonly folder: string; readonly evaluation: string; readonly asOf: string }[];
  /** A published portfolio table (as 002's) to recompute. */
  readonly published?: Portfolio;
}

export function councilStatus(runs: readonly PublishedRun[], lang: Lang, options: CouncilOptions = { horizon: 2030 }): CouncilStatus {
  const { horizon, published } = options;
  const t = texts(lang);
  const name = (run: PublishedRun) => run.status[0]?.project || run.evaluation;

  const evaluationColumns = [
    { key: "evaluation", label: t("evaluationWord"), kind: "text" },
    { key: "as_of", label: t("asOf"), kind: "text" },
    { key: "intake", label: t("intake"), kind: "count" },
    { key: "planned", label: t("planned"), kind: "count" },
    { key: "completed", label: t("followedToEnd"), kind: "count" },
    { key: "effect", label: t("effects"), kind: "text" },
    { key: "intake_period", label: t("intakePeriod"), kind: "text" },
    { key: "next_follow_up", label: t("nextFollowUp"), kind: "text" },
  ] as const;
  const evaluations: Table = {
    id: "council_evaluations",
    columns: evaluationColumns,
    rows: runs.map((run) => {
      const row = run.status[0] ?? {};
      return Object.fromEntries(evaluationColumns.map((c) => [c.key, c.key === "evaluation" ? name(run) : c.key === "as_of" ? formatDate(lang, run.asOf) : cellOf(row[c.key], c.kind)]));
    }),
  };

  const economy = economyOf(runs, lang, horizon);
  const checks = published ? checksTable(published, economy.contracts, lang) : null;
  const blocks = runs.map((run) => {
    const row = run.status[0] ?? {};
    const n = (key: string) => escapeHtml(shownNumber(lang, cellOf(row[key], "count")));
    const items: string[] = [];
    const planned = cellOf(row.planned, "count");
    items.push(escapeHtml(t("statusAttached", { date: formatDate(lang, run.asOf), n: "\u0001" })).replace("\u0001", n("intake")) + (planned === null ? "" : escapeHtml(t("statusPlanned", { n: "\u0001" })).replace("\u0001", n("planned"))) + ".");
    if (row.completed !== undefined && row.outcome_label) items.push(escapeHtml(t("statusCompleted", { n: "\u0001", outcome: row.outcome_label })).replace("\u0001", n("completed")));
    if (row.intake_period) items.push(escapeHtml(`${t("intakePeriod")}: ${row.intake_period}.`));
    if (row.effect && row.effect !== "–") items.push(escapeHtml(t("statusEffect", { effect: row.effect })));
    if (row.next_follow_up && row.next_follow_up !== "–") items.push(escapeHtml(`${t("nextFollowUp")}: ${row.next_follow_up}.`));
    return `<section class="evaluation">\n<h2>${escapeHtml(name(run))}</h2>\n<p>${escapeHtml(`${t("asOf")} ${formatDate(lang, run.asOf)}`)}</p>\n<h3>${escapeHtml(t("statusOfProject"))}</h3>\n<ul class="status-block">\n${items.map((i) => `<li>${i}</li>`).join("\n")}\n</ul>\n</section>`;
  });

  const ignored = options.ignored ?? [];
  const body = [
    `<p>${escapeHtml(t("councilIntro", { n: runs.length }))}</p>`,
    ...(ignored.length > 0 ? [`<p class="note">${escapeHtml(t("councilIgnored", { runs: ignored.map((r) => `${r.folder} (${r.evaluation}, ${formatDate(lang, r.asOf)})`).join(", ") }))}</p>`] : []),
    ...(economy.twice.length > 0 ? [`<p class="note">${escapeHtml(t("councilContractOnce", { contracts: economy.twice.join(", ") }))}</p>`] : []),
    `<h2>${escapeHtml(t("economyTitle", { year: horizon }))}</h2>`,
    tableHtml(economy.table, lang),
    `<p class="note">${escapeHtml(t("economyNote", { year: horizon }))}</p>`,
    ...(checks ? [`<h2>${escapeHtml(t("tablePortfolioChecks"))}</h2>`, tableHtml(checks, lang)] : []),
    ...blocks,
    `<h2>${escapeHtml(t("status"))}</h2>`,
    tableHtml(evaluations, lang),
  ].join("\n");
  return { html: page(lang, t("councilStatus"), body), tables: [economy.table, evaluations, ...(checks ? [checks] : [])] };
}
