/**
 * The council status over several evaluations (`effekt portfolio`): per evaluation 002's "Status på projektet" block
 * and one "Økonomi – frem til <year>" table for every investment together, with an overview table. Pure: it is given
 * only what each run published — the rows of its report/status.csv and report/status_economy.csv, already disclosed
 * by that run's engine — so it can show no figure a run did not; a total is a sum of shown cells, and `x` where any
 * of them is suppressed.
 *
 *   published CSV rows per run → cells (numbers where the column is numeric) → tables → HTML (and the workbook)
 */
import { formatNumber, texts, type Lang } from "../i18n.ts";
import { page } from "../page.ts";
import { formatDate } from "../sections/status.ts";
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

/** The sum of a column's shown cells: `x` when any is suppressed, missing when none is a number. */
function total(cells: readonly Cell[]): Cell {
  if (cells.some((c) => typeof c === "string")) return "x";
  const numbers = cells.filter((c): c is number => typeof c === "number");
  return numbers.length === 0 ? null : numbers.reduce((s, c) => s + c, 0);
}

export function councilStatus(runs: readonly PublishedRun[], lang: Lang): CouncilStatus {
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

  const economyColumns = [
    { key: "evaluation", label: t("evaluationWord"), kind: "text" },
    { key: "project", label: t("project"), kind: "text" },
    { key: "investment", label: t("investment"), kind: "kr" },
    { key: "repayment", label: t("decentralRepayment"), kind: "kr" },
    { key: "savings", label: t("decentralSavings"), kind: "kr" },
    { key: "net", label: t("netSavings"), kind: "kr" },
    { key: "years", label: t("paymentYears"), kind: "text" },
    // The run's own note (e.g. that a ledger rests on a typed-in outcome table), in the run's language.
    { key: "note", label: t("note"), kind: "text" },
  ] as const;
  const economyRows: Record<string, Cell>[] = runs.flatMap((run) =>
    run.economy.map((r) => ({
      evaluation: name(run),
      project: r.project_label || r.project || name(run),
      investment: cellOf(r.investment, "kr"),
      repayment: cellOf(r.repayment, "kr"),
      savings: cellOf(r.savings, "kr"),
      net: cellOf(r.net, "kr"),
      years: r.years || "–",
      note: r.note ?? "",
    })),
  );
  const sumOf = (key: string) => total(economyRows.map((r) => r[key] ?? null));
  const economy: Table = {
    id: "council_economy",
    columns: economyColumns,
    rows: [...economyRows, { evaluation: t("portfolioTotal"), project: "", investment: sumOf("investment"), repayment: sumOf("repayment"), savings: sumOf("savings"), net: sumOf("net"), years: "", note: "" }],
  };
  const lastYear = Math.max(...economyRows.flatMap((r) => [...String(r.years).matchAll(/\d{4}/g)].map((m) => Number(m[0]))), ...runs.map((r) => Number(r.asOf.slice(0, 4))));

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

  const body = [
    `<p>${escapeHtml(t("councilIntro", { n: runs.length }))}</p>`,
    `<h2>${escapeHtml(t("economyTitle", { year: lastYear }))}</h2>`,
    tableHtml(economy, lang),
    `<p class="note">${escapeHtml(t("economyNote"))}</p>`,
    ...blocks,
    `<h2>${escapeHtml(t("status"))}</h2>`,
    tableHtml(evaluations, lang),
  ].join("\n");
  return { html: page(lang, t("councilStatus"), body), tables: [economy, evaluations] };
}
