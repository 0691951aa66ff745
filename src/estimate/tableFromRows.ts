/**
 * A researcher's own person-level table (`effekt estimate --table`) → the analysis
 * table. Numeric columns are parsed with the file's decimal separator; an empty cell
 * is missing; anything else that is not a number is a problem naming line, column and
 * value (one issue per column and rule: a column that is not what its flag says is one
 * message with the count and the first five lines). Binary outcomes must be 0/1 and counts
 * whole numbers ≥ 0. A categorical covariate becomes one 0/1 column per level other than
 * its reference level (`<column>=<level>`); an empty cell or NA is missing in all of them
 * (categoricalIndicators, the rule `effekt run` follows too).
 */
import { parseNumber, type DecimalSeparator } from "../ingest/parseValue.ts";
import { issue, type Issue } from "../shared/issues.ts";
import { containsCpr } from "../ingest/containsCpr.ts";
import { valuesToShow } from "../shared/valuesToShow.ts";
import { messages } from "../messages.ts";
import { analysisTable, emptyTable, type AnalysisTable, type ExpandedCategorical, type NumberColumn } from "./analysisTable.ts";

export interface TableOptions {
  readonly file: string;
  readonly decimal: DecimalSeparator;
  readonly treatment: string;
  readonly blocks: string | null;
  /** The column naming each person's cluster, when whole clusters were randomised. */
  readonly clusters?: string | null;
  /** The column to cluster the standard errors on (any level; clusters may hold both arms). */
  readonly clusterSe?: string | null;
  /** The column whose blocks the regressions absorb as fixed effects. */
  readonly fixedEffects?: string | null;
  readonly numeric: readonly string[];
  readonly binary: readonly string[];
  readonly counts: readonly string[];
  readonly subgroups: readonly string[];
  /** Categorical covariates, each with its reference level (null: the first level in sorted order). */
  readonly categorical?: readonly { column: string; reference: string | null }[];
}

type Row = { readonly line: number; readonly fields: readonly string[] };
type TableRead = { table: AnalysisTable; issues: Issue[]; lines: number[]; categorical: ExpandedCategorical[] };

export function tableFromRows(header: readonly string[], rows: readonly Row[], options: TableOptions): TableRead {
  const lines = rows.map((row) => row.line);
  const stopped = (issues: Issue[]): TableRead => ({ table: emptyTable(), issues, lines, categorical: [] });
  // 1. CPR-like values are refused as ingest refuses them: in the header (a header-less table) or any cell, never quoted.
  const refused = cprRefused(header, rows, options.file);
  if (refused) return stopped([refused]);
  // 2. Every column the options name is in the header.
  const missing = missingColumns(header, options);
  if (missing.length > 0) return stopped(missing);
  const index = (name: string) => header.indexOf(name);
  const texts = (column: string) => rows.map((row) => (row.fields[index(column)] ?? "").trim());
  // 3. The arm and the numbers, problems gathered per column and rule (a column that is not what its flag says is one message).
  const problems = new Problems();
  const arm = texts(options.treatment);
  arm.forEach((value, i) => value === "" && problems.add(rows[i]!.line, options.treatment, value, "is empty: every person needs an arm"));
  const numbers = new Map(options.numeric.map((name) => [name, numberColumn(rows, index(name), name, options, problems)]));
  const issues = problems.issues(options.file);
  // 4. The table, categorical covariates by the one rule (analysisTable); a reference level that is not a level is named.
  const clusters = options.clusters ? texts(options.clusters) : null;
  const blocks = options.blocks ? texts(options.blocks) : null;
  const categorical = (options.categorical ?? []).map(({ column, reference }) => ({ column, values: rows.map((row) => row.fields[index(column)] ?? ""), reference }));
  const subgroups = new Map(options.subgroups.map((s) => [s, texts(s)]));
  const varianceClusters = options.clusterSe ? texts(options.clusterSe) : null;
  const fixedEffects = options.fixedEffects ? texts(options.fixedEffects) : null;
  const built = analysisTable({ arm, blocks, permutationStrata: blocks, clusters, varianceClusters, fixedEffects, numbers, categorical, subgroups });
  for (const { column, reference, levels } of built.unknownReferences) {
    issues.push(issue("reference_level_missing", messages.referenceLevelMissing(column, reference ?? "", valuesToShow(levels)), { file: options.file, path: [], column }));
  }
  // 5. Every person needs a cluster, when clustered.
  if (clusters) issues.push(...emptyClusters(clusters, rows, options.clusters!, options.file));
  return { table: built.table, issues, lines, categorical: built.categorical };
}

/** The first CPR-like value, in the header or a cell, as an issue naming where it is (never the value). */
function cprRefused(header: readonly string[], rows: readonly Row[], file: string): Issue | null {
  const inHeader = header.findIndex((name) => containsCpr(name));
  if (inHeader >= 0) return issue("cpr_refused", messages.headerLooksLikeCpr(), { file, path: [], line: 1, column: `#${inHeader + 1}` });
  for (const row of rows) {
    const at = row.fields.findIndex((cell) => containsCpr(cell));
    if (at >= 0) return issue("cpr_refused", messages.cprRefused(), { file, path: [], line: row.line, column: header[at] ?? `#${at + 1}` });
  }
  return null;
}

function missingColumns(header: readonly string[], options: TableOptions): Issue[] {
  const { treatment, blocks, clusters, numeric, subgroups } = options;
  const wanted = [...new Set([treatment, ...(blocks ? [blocks] : []), ...(clusters ? [clusters] : []), ...(options.clusterSe ? [options.clusterSe] : []), ...(options.fixedEffects ? [options.fixedEffects] : []), ...numeric, ...subgroups, ...(options.categorical ?? []).map((c) => c.column)])];
  return wanted.filter((c) => !header.includes(c)).map((c) => issue("column_missing", messages.tableColumnMissing(c, header, wanted), { file: options.file, path: [] }));
}

/** One numeric column: an empty cell or NA is missing (NaN); text that is not a number, or not what a binary or count column must be, is a problem. */
function numberColumn(rows: readonly Row[], at: number, name: string, options: TableOptions, problems: Problems): NumberColumn {
  const column = new Float64Array(rows.length);
  const binary = options.binary.includes(name);
  const count = options.counts.includes(name);
  rows.forEach((row, i) => {
    const text = (row.fields[at] ?? "").trim();
    const value = text === "" || text.toUpperCase() === "NA" ? NaN : parseNumber(text, options.decimal);
    column[i] = value ?? NaN;
    // Text that is not a number may be anything (a name): it is never quoted, only its line.
    if (value === null) problems.add(row.line, name, null, `is not a number (decimal separator '${options.decimal}')`);
    else if (binary && value !== 0 && value !== 1 && !Number.isNaN(value)) problems.add(row.line, name, text, "is not 0 or 1 (a binary outcome)");
    else if (count && (value < 0 || !Number.isInteger(value)) && !Number.isNaN(value)) problems.add(row.line, name, text, "is not a whole number ≥ 0 (a count outcome)");
  });
  return column;
}

/** Every empty cluster cell: one issue, or one per column with the count and the first five lines. */
function emptyClusters(clusters: readonly string[], rows: readonly Row[], column: string, file: string): Issue[] {
  const lines = rows.filter((_, i) => clusters[i] === "").map((row) => row.line);
  if (lines.length === 0) return [];
  const rule = "is empty: every person needs a cluster";
  const message = lines.length === 1 ? `'' ${rule}` : messages.columnNotAsFlagged(lines.length, rule, lines.slice(0, 5).map((line) => ({ line, value: "''" })));
  return [issue("invalid_value", message, { file, path: [], line: lines[0]!, column })];
}

/** Problems with cells, gathered per column and rule, each rule's first line and value kept. */
class Problems {
  private readonly byRule = new Map<string, { column: string; rule: string; at: { line: number; value: string | null }[] }>();

  add(line: number, column: string, value: string | null, rule: string): void {
    const key = `${column}\u0000${rule}`;
    if (!this.byRule.has(key)) this.byRule.set(key, { column, rule, at: [] });
    this.byRule.get(key)!.at.push({ line, value });
  }

  /** One issue per column and rule, in line order. A value is quoted only when it read as a number (out of range) or is empty. */
  issues(file: string): Issue[] {
    const shown = (value: string | null) => (value === null ? "the value" : containsCpr(value) ? "a value that looks like a CPR number" : `'${value}'`);
    const issues = [...this.byRule.values()].map(({ column, rule, at }) => {
      const first = at[0]!;
      const message = at.length === 1 ? `${shown(first.value)} ${rule}` : messages.columnNotAsFlagged(at.length, rule, at.slice(0, 5).map((a) => ({ line: a.line, value: a.value === null ? null : shown(a.value) })));
      return issue("invalid_value", message, { file, path: [], line: first.line, column });
    });
    return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
}
