/**
 * A report table: typed columns and rows of raw (already suppressed) cells. The HTML
 * formats the cells in the report's language; the CSV keeps them machine-readable.
 */
import { csvLine } from "../shared/csv.ts";
import { formatKr, formatNumber, formatP, texts, type Lang } from "./i18n.ts";
import type { Cell } from "./suppression.ts";
import { tableTitle } from "./tableTitles.ts";

/** `points`: a difference of two shares (stored as the fraction, shown as signed procentpoint with one decimal). */
export type ColumnKind = "text" | "count" | "number" | "kr" | "p" | "percent" | "points" | "year";

export interface Column {
  readonly key: string;
  readonly label: string;
  readonly kind: ColumnKind;
  readonly digits?: number;
  /**
   * The row key holding this column's machine form (an outcome's, arm's, estimator's or contrast's id; a ledger
   * basis with its field names). The HTML shows the words; the CSV writes the id under the column's key and the
   * words beside it as `<key>_label`, and the disclosure engine matches rows by it.
   */
  readonly id?: string;
  /** Written to the CSV only (a key the HTML shows elsewhere, e.g. the contrast a memo row's sentence names). */
  readonly csvOnly?: true;
}

export interface Table {
  readonly id: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Record<string, Cell>[];
  /** Per row, the kind its number cells are shown as where it differs from the column's (a kr. row in a mixed table). */
  readonly rowKinds?: readonly (ColumnKind | undefined)[];
  /** Shown as the table's caption, in the report's language (absent: the title listed for its id in tableTitles.ts). */
  readonly title?: string;
}

/** A difference of two shares in procentpoint: 0.0434 → "+4,3 procentpoint" / "+4.3 percentage points". */
export function formatPoints(lang: Lang, difference: number): string {
  return `${difference > 0 ? "+" : ""}${formatNumber(lang, 100 * difference, 1)} ${lang === "da" ? "procentpoint" : "percentage points"}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function formatCell(cell: Cell, column: Column, lang: Lang): string {
  if (cell === null || cell === undefined) return "–";
  if (typeof cell === "string") return cell;
  switch (column.kind) {
    case "text":
    case "year":
      return String(cell);
    case "count":
      return formatNumber(lang, cell, 0);
    case "number":
      return formatNumber(lang, cell, column.digits ?? 2);
    case "kr":
      return formatKr(lang, cell);
    case "p":
      return formatP(lang, cell);
    case "percent":
      return `${formatNumber(lang, 100 * cell, column.digits ?? 1)} %`;
    case "points":
      return formatPoints(lang, cell);
  }
}

/** A word or number with a hyphen, dash or slash inside it ("p-værdi", "2024-12-31", "2023–2025", "Gns./andel"). */
const JOINED = /\S[-‐–—/]\S/;

/** A file path: two slashes or more ("../fixtures/ungifokus/spec.json"). */
const PATH = /\/.*\//;

function wordHtml(word: string): string {
  return JOINED.test(word) ? `<span class="word">${escapeHtml(word)}</span>` : escapeHtml(word);
}

/**
 * A cell's text as HTML: a word or number that a browser could break after its hyphen, dash or slash is kept on one
 * line (`<span class="word">`), so no printed cell shows "2024-12-/31" or "p-/værdi"; a file path may break after a
 * slash (`<wbr>`) and nowhere else. The text itself is unchanged.
 */
export function cellHtml(text: string): string {
  return text
    .split(/(\s+)/)
    .map((part) => (PATH.test(part) ? part.split(/(?<=\/)/).map(wordHtml).join("<wbr>") : wordHtml(part)))
    .join("");
}

/** From this many shown columns a table is "wide". */
const WIDE_COLUMNS = 8;
/** From this many shown columns a table is printed on a landscape A4 page. */
const LANDSCAPE_COLUMNS = 12;

/** A cell the disclosure engine suppressed: `<5` (a small count) or `x` (it would reveal one). */
const SUPPRESSED = /^(<(\d+)|x)$/;

/**
 * A suppressed cell outside a count column (a difference, share, mean or amount) is shown as "–", so "<5" never reads as
 * "under 5 procentpoint"; the table then gets a footnote saying what "–" means. Counts keep "<5". The CSV keeps the mark.
 */
function suppressedDashes(table: Table, columns: readonly Column[], lang: Lang): { shown: (row: number, c: Column) => Cell | undefined; note: string } {
  let minCell: string | null = null;
  let dashed = false;
  const shown = (i: number, c: Column): Cell | undefined => {
    const cell = table.rows[i]![c.key];
    const mark = typeof cell === "string" ? SUPPRESSED.exec(cell) : null;
    if (!mark || c.kind === "count" || table.rowKinds?.[i] === "count") return cell;
    dashed = true;
    if (mark[2] !== undefined) minCell = mark[2];
    return "–";
  };
  table.rows.forEach((_, i) => columns.forEach((c) => shown(i, c)));
  const t = texts(lang);
  const note = dashed ? `<p class="note">${escapeHtml(minCell === null ? t("suppressedDashNoN") : t("suppressedDash", { n: minCell }))}</p>` : "";
  return { shown, note };
}

export function tableHtml(table: Table, lang: Lang): string {
  const columns = table.columns.filter((c) => c.csvOnly !== true);
  const dashes = suppressedDashes(table, columns, lang);
  const head = columns.map((c) => `<th class="${c.kind}">${cellHtml(c.label)}</th>`).join("");
  const body = table.rows
    .map((row, i) => {
      const rowKind = table.rowKinds?.[i];
      const columnOf = (c: Column): Column => (rowKind !== undefined && (c.kind === "number" || c.kind === "count") ? { ...c, kind: rowKind } : c);
      // Words in a number column (a sentence in the summary's value column) wrap as text does.
      const classOf = (c: Column, cell: Cell | undefined) => (typeof cell === "string" && /\s/.test(cell) ? "text" : c.kind);
      return `<tr>${columns.map((c) => `<td class="${classOf(c, row[c.key])}">${cellHtml(formatCell(dashes.shown(i, c) ?? null, columnOf(c), lang))}</td>`).join("")}</tr>`;
    })
    .join("\n");
  const title = tableTitle(table, lang);
  const caption = title === undefined ? "" : `<caption>${escapeHtml(title)}</caption>`;
  // Many columns: set smaller and allowed to wrap inside number cells; very many: printed on a landscape page (page.ts).
  const wide = columns.length >= LANDSCAPE_COLUMNS ? ' class="wide landscape"' : columns.length >= WIDE_COLUMNS ? ' class="wide"' : "";
  return `<table id="table-${table.id}"${wide}>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${dashes.note}`;
}

/**
 * The CSV: machine-readable (`,` between fields, `.` for decimals, UTF-8, numbers unformatted); a column with an
 * id holds the id, and its words follow as `<key>_label`.
 */
export function tableCsv(table: Table): string {
  const header = table.columns.flatMap((c) => (c.id === undefined ? [c.key] : [c.key, `${c.key}_label`]));
  const lines = [csvLine(header)];
  for (const row of table.rows) lines.push(csvLine(table.columns.flatMap((c) => (c.id === undefined ? [row[c.key] ?? null] : [row[c.id] ?? null, row[c.key] ?? null]))));
  return lines.join("\n") + "\n";
}
