/**
 * Every report table in one workbook (report/tables.xlsx): a sheet per table, named by its title (cut by words), the header in the
 * report's language and the cells as the HTML shows them — words for ids, numbers as numbers with a number format
 * (thousands grouped, the table's digits, kr. on amounts, procent on shares; Danish Excel shows them as 1.234,5 and
 * 12,4 %), suppressed cells (`<5`, `x`) and missing values (`–`) as text. Pure: disclosed tables in, bytes out.
 *
 *   tables → sheets (write-excel-file) → the zip rewritten with one fixed date, so the same tables give the same bytes
 */
import { unzipSync, zipSync, type Zippable } from "fflate";
import writeXlsxFile, { type Cell as SheetCell, type Sheet } from "write-excel-file/node";
import type { Lang } from "./i18n.ts";
import type { Cell } from "./suppression.ts";
import type { Column, ColumnKind, Table } from "./table.ts";
import { tableTitle } from "./tableTitles.ts";

/** Excel's own format code of a number shown as `kind` (locale-neutral: Excel shows it with the reader's separators). */
export function numberFormat(kind: ColumnKind, lang: Lang, digits?: number): string | undefined {
  const decimals = (n: number) => (n > 0 ? `.${"0".repeat(n)}` : "");
  switch (kind) {
    case "text":
      return undefined;
    case "year":
      return "0";
    case "count":
      return "#,##0";
    case "number":
      return `#,##0${decimals(digits ?? 2)}`;
    case "kr":
      return `#,##0 "${lang === "da" ? "kr." : "kr"}"`;
    case "p":
      return "0.000";
    case "percent":
      return `0${decimals(digits ?? 1)} %`;
    case "points": {
      // The cell holds 100 × the share difference (sheetCell): Excel has no per-cent scaling without a % sign.
      const unit = lang === "da" ? "procentpoint" : "percentage points";
      return `+0.0 "${unit}";-0.0 "${unit}";0.0 "${unit}"`;
    }
  }
}

function sheetCell(cell: Cell | undefined, column: Column, kind: ColumnKind, lang: Lang): SheetCell {
  if (cell === null || cell === undefined || (typeof cell === "number" && !Number.isFinite(cell))) return { value: "–", type: String };
  if (typeof cell === "string") return { value: cell, type: String };
  const format = numberFormat(kind, lang, column.digits);
  return format === undefined ? { value: String(cell), type: String } : { value: kind === "points" ? 100 * cell : cell, type: Number, format };
}

/** Excel's longest sheet name. */
const SHEET_NAME_LENGTH = 31;

/** A title cut after its last whole word that fits in `length` characters (a first word longer than that is cut). */
function cutByWords(title: string, length: number): string {
  if (title.length <= length) return title;
  const words = title.split(" ");
  let cut = "";
  for (const word of words) {
    const next = cut === "" ? word : `${cut} ${word}`;
    if (next.length > length) break;
    cut = next;
  }
  return (cut === "" ? title.slice(0, length) : cut).replace(/[\s,;:–—-]+$/, "");
}

/**
 * Sheet names Excel accepts: each table's title (its id where it has none) without `: \ / ? * [ ]`, cut by words to
 * 31 characters, unique in the workbook (a repeated title gets " (2)", " (3)" …).
 */
export function sheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const clean = title.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim() || "Tabel";
    let name = cutByWords(clean, SHEET_NAME_LENGTH);
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${cutByWords(clean, SHEET_NAME_LENGTH - ` (${i})`.length)} (${i})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The sheets of the workbook, one per table, in the report's order (the columns the HTML shows). */
export function workbookSheets(tables: readonly Table[], lang: Lang): Sheet<never>[] {
  const names = sheetNames(tables.map((t) => tableTitle(t, lang) ?? t.id));
  return tables.map((table, index) => {
    const columns = table.columns.filter((c) => c.csvOnly !== true);
    const unheaded = columns.find((c) => c.label.trim() === "");
    if (unheaded) throw new Error(`tablesWorkbook requires a header over every column (${table.id}: ${unheaded.key})`);
    const header: SheetCell[] = columns.map((c) => ({ value: c.label, type: String, fontWeight: "bold" }));
    const rows = table.rows.map((row, i) => {
      const rowKind = table.rowKinds?.[i];
      return columns.map((c) => sheetCell(row[c.key], c, rowKind !== undefined && (c.kind === "number" || c.kind === "count") ? rowKind : c.kind, lang));
    });
    const width = (c: Column, j: number) => Math.min(60, Math.max(8, c.label.length + 2, ...rows.map((r) => String((r[j] as { value?: unknown })?.value ?? "").length + 4)));
    return { sheet: names[index]!, data: [header, ...rows], columns: columns.map((c, j) => ({ width: width(c, j) })), stickyRowsCount: 1 };
  });
}

/** DOS time in a zip has no zone: the date is set from local fields, so every time zone writes the same bytes. */
const FIXED_ZIP_DATE = new Date(1980, 0, 1, 0, 0, 0);

/** The workbook's bytes: write-excel-file's package, re-zipped in name order with one fixed date (it stamps the clock). */
export async function tablesWorkbook(tables: readonly Table[], lang: Lang): Promise<Uint8Array> {
  const sheets = workbookSheets(tables, lang);
  const written = new Uint8Array(await writeXlsxFile(sheets, { fontFamily: "Calibri", fontSize: 11 }).toBuffer());
  const files = unzipSync(written);
  const ordered: Zippable = {};
  for (const name of Object.keys(files).sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a < b ? -1 : a > b ? 1 : 0))) ordered[name] = files[name]!;
  return zipSync(ordered, { level: 6, mtime: FIXED_ZIP_DATE });
}
