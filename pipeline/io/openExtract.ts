/**
 * Opens any extract path as a stream of raw rows, whatever was sent: a CSV in any
 * dialect readCsv reads (UTF-16 and Excel's `sep=` line included) or an .xlsx workbook.
 * A folder, or a file of another kind (ZIP, PDF, gzip, an old .xls …), stops the run
 * with the file named and its bytes never shown.
 *
 * For an extract whose spec leaves `dateFormat` out, the date columns are read once
 * first and the format detected from all their values (src/ingest/chooseDateFormat.ts);
 * a declared day-first or month-first format is checked against the values while
 * ingest reads them, and stops the run where a value proves the other order.
 */
import { messages } from "../../src/messages.ts";
import { issue, stopRun, StopRun } from "../../src/shared/issues.ts";
import { checkDeclaredDateFormat, chooseDateFormat, hasSwappedTwin, type DateColumnValues } from "../../src/ingest/chooseDateFormat.ts";
import { dateColumns, type DateColumn } from "../../src/ingest/dateColumns.ts";
import { fieldsOf, type ExtractKind } from "../../src/ingest/extractKinds.ts";
import type { DateFormat, MonthFormat } from "../../src/ingest/parseValue.ts";
import type { RawRow } from "../../src/ingest/schema.ts";
import { detectDialect, type Dialect } from "./readCsv.ts";
import { headerIndex, readXlsxSheet, sheetRows, type ColumnFormat, type XlsxSheet } from "./readXlsx.ts";
import { fileChunks, rowsOfExtract } from "./scanCsv.ts";
import { sniffFile } from "./sniffFile.ts";
import { stat } from "node:fs/promises";

export interface OpenOptions {
  readonly dialect: Partial<Omit<Dialect, "detected" | "sepLine">>;
  /** For a register extract: its kind and column mapping, so date columns can be found. */
  readonly kind?: ExtractKind;
  readonly columns?: Readonly<Record<string, string | { readonly column: string }>>;
  /** The spec's dateFormat; undefined = detect (only with `kind`). */
  readonly dateFormat?: DateFormat;
  readonly monthFormat?: MonthFormat;
  /** For an .xlsx workbook: the sheet (default the first). */
  readonly sheet?: string;
}

/** For a register extract (src/stage.ts InputDeclaration): what the reader needs to find and detect its date columns, and the sheet of a workbook. */
export interface ExtractReading {
  readonly kind: ExtractKind;
  readonly columns: Readonly<Record<string, string | { readonly column: string }>>;
  readonly dateFormat?: DateFormat | undefined;
  readonly monthFormat?: MonthFormat | undefined;
  readonly sheet?: string | undefined;
}

/** The dialect an extract was read in: declared, or detected (`detected` names what was). */
export interface OpenedDialect {
  readonly delimiter: string;
  readonly encoding: string;
  readonly decimal: "," | ".";
  readonly detected: readonly string[];
  readonly sepLine?: true;
  readonly format: "csv" | "xlsx";
  readonly sheet?: string;
  /** The date format the rows are read with (declared or detected); absent when the kind has no date fields. */
  readonly dateFormat?: DateFormat;
}

export interface OpenedExtract {
  readonly dialect: OpenedDialect;
  readonly rows: AsyncIterable<RawRow | RawRow[]>;
  /** Which reader: "fast reader", "csv-parse" or "read-excel-file". */
  readonly reader: string;
  /** The date format to read this extract with (declared or detected), when it has date columns. */
  readonly dateFormat?: DateFormat;
  /** The whole file in chunks, when the fast reader applies (one-byte text, quote-free, one line ending): for byte-level readers. */
  readonly bytes?: () => AsyncIterable<Buffer>;
  /** The file `bytes` reads and its size, for a worker thread that reads them itself (src/ingest/bytes/benefitThread.ts). */
  readonly bytesPath?: string;
  readonly bytesSize?: number;
}

/** An extract as a stage receives it (src/stage.ts OpenedInput, format "rows"): the rows, and the bytes when the fast reader applies. */
export type OpenedRows = Pick<OpenedExtract, "dialect" | "rows" | "dateFormat" | "bytes" | "bytesPath" | "bytesSize">;

/** Distinct values kept per date column while detecting (more than all days from 1900 to 2100 in every known format). */
const MAX_DISTINCT = 1_000_000;

export async function openExtract(path: string, shown: string, options: OpenOptions): Promise<OpenedExtract> {
  const kind = await sniffFile(path, shown, options.dialect.encoding === "utf-16le" || options.dialect.encoding === "utf-16be");
  if (kind.kind === "xlsx") return openXlsx(path, shown, options);
  if (options.sheet !== undefined) stopRun(issue("sheet_not_xlsx", messages.sheetOnlyForXlsx(), { file: shown, path: [] }));
  const dialect = await detectDialect(path, options.dialect, shown);
  const open = () => rowsOfExtract(path, shown, dialect);
  let dateFormat = options.dateFormat;
  const detected: string[] = [...dialect.detected];
  const hasDates = options.kind !== undefined && hasDateFields(options.kind);
  if (hasDates && dateFormat === undefined) {
    const values = await collectDateValues((await open()).rows, options);
    const choice = chooseDateFormat(values, shown);
    if ("issue" in choice) stopRun(choice.issue);
    dateFormat = choice.format;
    detected.push("dateFormat");
  }
  const { rows, fast } = await open();
  const checked = hasDates && options.dateFormat !== undefined && hasSwappedTwin(options.dateFormat) ? checkingDeclared(rows, options, options.dateFormat, shown) : rows;
  return {
    dialect: { ...dialect, detected, format: "csv", ...(hasDates ? { dateFormat: dateFormat! } : {}) },
    rows: checked,
    reader: fast ? "fast reader" : "csv-parse",
    ...(hasDates ? { dateFormat: dateFormat! } : {}),
    // The bytes only where the rows are the fast reader's own: a declared day-first or month-first date format is
    // checked on the rows (checkingDeclared), and a byte-level reader would pass that check by.
    ...(fast && checked === rows ? { bytes: () => fileChunks(path), bytesPath: path, bytesSize: (await stat(path)).size } : {}),
  };
}

function hasDateFields(kind: ExtractKind): boolean {
  return Object.values(fieldsOf(kind)).some((definition) => definition.type === "date");
}

/** Each date column's distinct values with the first line they are on, from one pass over the rows. */
async function collectDateValues(rows: AsyncIterable<RawRow | RawRow[]>, options: OpenOptions): Promise<DateColumnValues[]> {
  let columns: DateColumn[] | null = null;
  let maps: Map<string, number>[] = [];
  for await (const item of rows) {
    for (const row of Array.isArray(item) ? item : [item]) {
      if (!("fields" in row)) continue;
      if (columns === null) {
        columns = dateColumns(options.kind!, row.fields.map((f) => f.trim()), options.columns ?? {}).filter((c) => c.type === "date");
        maps = columns.map(() => new Map());
        if (columns.length === 0) return [];
        continue;
      }
      remember(columns, maps, row);
    }
  }
  return (columns ?? []).map((c, i) => ({ column: c.column, values: maps[i]! }));
}

function remember(columns: readonly DateColumn[], maps: Map<string, number>[], row: { line: number; fields: readonly string[] }): void {
  for (let i = 0; i < columns.length; i += 1) {
    const text = (row.fields[columns[i]!.index] ?? "").trim();
    const map = maps[i]!;
    if (text !== "" && !map.has(text) && map.size < MAX_DISTINCT) map.set(text, row.line);
  }
}

/** Passes the rows through unchanged; at their end, stops the run if a declared slash format is proven swapped. */
async function* checkingDeclared(rows: AsyncIterable<RawRow | RawRow[]>, options: OpenOptions, declared: DateFormat, shown: string): AsyncGenerator<RawRow | RawRow[]> {
  let columns: DateColumn[] | null = null;
  let maps: Map<string, number>[] = [];
  for await (const item of rows) {
    for (const row of Array.isArray(item) ? item : [item]) {
      if (!("fields" in row)) continue;
      if (columns === null) {
        columns = dateColumns(options.kind!, row.fields.map((f) => f.trim()), options.columns ?? {}).filter((c) => c.type === "date");
        maps = columns.map(() => new Map());
      } else remember(columns, maps, row);
    }
    yield item;
  }
  const problems = (columns ?? []).map((c, i) => checkDeclaredDateFormat(declared, { column: c.column, values: maps[i]! }, shown)).filter((p) => p !== null);
  if (problems.length > 0) throw new StopRun(problems);
}

async function openXlsx(path: string, shown: string, options: OpenOptions): Promise<OpenedExtract> {
  const sheet = await readXlsxSheet(path, shown, options.sheet);
  const decimal = options.dialect.decimal ?? ".";
  const first = headerIndex(sheet);
  const header = first < 0 ? [] : sheet.rows[first]!.map((cell) => (typeof cell === "string" ? cell.trim() : cell === null ? "" : String(cell)));
  const columns = options.kind ? dateColumns(options.kind, header, options.columns ?? {}) : [];
  const hasDates = options.kind !== undefined && hasDateFields(options.kind);
  let dateFormat = options.dateFormat;
  const detected: string[] = options.dialect.decimal === undefined ? ["decimal"] : [];
  if (hasDates && dateFormat === undefined) {
    // Date cells fit any format (they are written in the one chosen); the text cells decide.
    const values = columns.filter((c) => c.type === "date").map((c) => ({ column: c.column, values: textValues(sheet, first, c.index) }));
    const choice = chooseDateFormat(values, shown);
    if ("issue" in choice) stopRun(choice.issue);
    dateFormat = choice.format;
    detected.push("dateFormat");
  }
  const formats = new Map<number, ColumnFormat>();
  for (const c of columns) {
    formats.set(c.index, c.type === "date" ? { type: "date", format: dateFormat ?? "iso" } : { type: "month", format: options.monthFormat ?? "yyyy-mm" });
  }
  const rows = sheetRows(sheet, decimal, formats);
  const stream = (async function* () {
    if (rows.length > 0) yield rows[0]!;
    if (rows.length > 1) yield rows.slice(1);
  })();
  const checked = hasDates && options.dateFormat !== undefined && hasSwappedTwin(options.dateFormat) ? checkingDeclared(stream, options, options.dateFormat, shown) : stream;
  return {
    dialect: {
      delimiter: ",",
      encoding: "utf-8",
      decimal,
      detected,
      format: "xlsx",
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      ...(hasDates ? { dateFormat: dateFormat! } : {}),
    },
    rows: checked,
    reader: "read-excel-file",
    ...(hasDates ? { dateFormat: dateFormat! } : {}),
  };
}

function textValues(sheet: XlsxSheet, header: number, index: number): Map<string, number> {
  const values = new Map<string, number>();
  for (let i = header + 1; i < sheet.rows.length; i += 1) {
    const cell = sheet.rows[i]![index];
    if (typeof cell !== "string" && typeof cell !== "number") continue;
    const text = String(cell).trim();
    if (text !== "" && !values.has(text)) values.set(text, i + 1);
  }
  return values;
}

/** The dialect as the progress line shows it: `delimiter ";", windows-1252, decimal ",", dates dd-mm-yyyy (detected: …); csv-parse`. */
export function describeDialect(opened: OpenedExtract): string {
  const d = opened.dialect;
  const detected = d.detected.length > 0 ? ` (detected: ${d.detected.join(", ")})` : "";
  const dates = d.dateFormat ? `, dates ${d.dateFormat}` : "";
  const body =
    d.format === "xlsx"
      ? `xlsx${d.sheet ? ` sheet ${JSON.stringify(d.sheet)}` : " first sheet"}, decimal ${JSON.stringify(d.decimal)}`
      : `delimiter ${JSON.stringify(d.delimiter)}${d.sepLine ? " (sep= line)" : ""}, ${d.encoding}, decimal ${JSON.stringify(d.decimal)}`;
  return `${body}${dates}${detected}; ${opened.reader}`;
}

/** The rows one at a time, for consumers that do not take batches (the shared src/shared/flattenRows.ts). */
export { flattenRows as oneByOne } from "../../src/shared/flattenRows.ts";
