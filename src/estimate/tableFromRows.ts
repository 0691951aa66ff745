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
import type { AnalysisTable } from "./analysisTable.ts";
import { categoricalIndicators } from "./categoricalIndicators.ts";

export interface TableOptions {
  readonly file: string;
  readonly decimal: DecimalSeparator;
  readonly treatment: string;
  readonly blocks: string | null;
  /** The column naming each person's cluster, when whole clusters were randomised. */
  readonly clusters?: string | null;
  readonly numeric: readonly string[];
  readonly binary: readonly string[];
  readonly counts: readonly string[];
  readonly subgroups: readonly string[];
  /** Categorical covariates, each with its reference level (null: the first level in sorted order). */
  readonly categorical?: readonly { column: string; reference: string | null }[];
}

/** A categorical covariate as expanded: its reference level and the indicator columns of the other levels. */
export interface ExpandedCategorical {
  readonly column: string;
  readonly reference: string;
  readonly indicators: readonly string[];
}

export function tableFromRows(
  header: readonly string[],
  rows: readonly { line: number; fields: readonly string[] }[],
  options: TableOptions,
): { table: AnalysisTable; issues: Issue[]; lines: number[]; categorical: ExpandedCategorical[] } {
  const issues: Issue[] = [];
  const lines = rows.map((row) => row.line);
  const categoricalOptions = options.categorical ?? [];
  const empty = { arm: [], blocks: null, permutationStrata: null, columns: new Map(), subgroups: new Map() };
  // CPR-like values are refused as ingest refuses them: in the header (a header-less table) or any cell, never quoted.
  const cprInHeader = header.findIndex((name) => containsCpr(name));
  if (cprInHeader >= 0) return { table: empty, lines, categorical: [], issues: [issue("cpr_refused", messages.headerLooksLikeCpr(), { file: options.file, path: [], line: 1, column: `#${cprInHeader + 1}` })] };
  for (const row of rows) {
    const at = row.fields.findIndex((cell) => containsCpr(cell));
    if (at >= 0) return { table: empty, lines, categorical: [], issues: [issue("cpr_refused", messages.cprRefused(), { file: options.file, path: [], line: row.line, column: header[at] ?? `#${at + 1}` })] };
  }
  const index = (name: string) => header.indexOf(name);
  const wanted = [options.treatment, ...(options.blocks ? [options.blocks] : []), ...(options.clusters ? [options.clusters] : []), ...options.numeric, ...options.subgroups, ...categoricalOptions.map((c) => c.column)];
  const missing = [...new Set(wanted)].filter((c) => index(c) < 0);
  if (missing.length > 0) {
    return {
      table: empty,
      lines,
      categorical: [],
      issues: missing.map((c) => issue("column_missing", messages.tableColumnMissing(c, header, [...new Set(wanted)]), { file: options.file, path: [] })),
    };
  }
  // Problems are gathered per column and rule, so a column that is not what its flag says is one message.
  const problems = new Map<string, { column: string; rule: string; at: { line: number; value: string | null }[] }>();
  const problem = (line: number, column: string, value: string | null, rule: string) => {
    const key = `${column}\u0000${rule}`;
    if (!problems.has(key)) problems.set(key, { column, rule, at: [] });
    problems.get(key)!.at.push({ line, value });
  };
  const arm: string[] = [];
  const columns = new Map<string, (number | null)[]>(options.numeric.map((c) => [c, []]));
  for (const row of rows) {
    const armValue = (row.fields[index(options.treatment)] ?? "").trim();
    if (armValue === "") problem(row.line, options.treatment, armValue, "is empty: every person needs an arm");
    arm.push(armValue);
    for (const name of options.numeric) {
      const text = (row.fields[index(name)] ?? "").trim();
      let value: number | null = null;
      if (text !== "" && text.toUpperCase() !== "NA") {
        value = parseNumber(text, options.decimal);
        // Text that is not a number may be anything (a name): it is never quoted, only its line.
        if (value === null) problem(row.line, name, null, `is not a number (decimal separator '${options.decimal}')`);
        else if (options.binary.includes(name) && value !== 0 && value !== 1) problem(row.line, name, text, "is not 0 or 1 (a binary outcome)");
        else if (options.counts.includes(name) && (value < 0 || !Number.isInteger(value))) problem(row.line, name, text, "is not a whole number ≥ 0 (a count outcome)");
      }
      columns.get(name)!.push(value);
    }
  }
  // A value is quoted only when it read as a number (out of range) or is empty; CPR-like ones were refused above.
  const shownValue = (value: string | null) => (value === null ? "the value" : containsCpr(value) ? "a value that looks like a CPR number" : `'${value}'`);
  for (const { column, rule, at } of problems.values()) {
    const first = at[0]!;
    const message = at.length === 1 ? `${shownValue(first.value)} ${rule}` : messages.columnNotAsFlagged(at.length, rule, at.slice(0, 5).map((a) => ({ line: a.line, value: a.value === null ? null : shownValue(a.value) })));
    issues.push(issue("invalid_value", message, { file: options.file, path: [], line: first.line, column }));
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const categorical: ExpandedCategorical[] = [];
  for (const { column, reference } of categoricalOptions) {
    const expanded = categoricalIndicators(column, rows.map((row) => row.fields[index(column)] ?? ""), reference);
    if (expanded.reference === null) {
      issues.push(issue("reference_level_missing", messages.referenceLevelMissing(column, reference ?? "", valuesToShow(expanded.levels)), { file: options.file, path: [], column }));
      continue;
    }
    for (const { name, values } of expanded.indicators) columns.set(name, values);
    categorical.push({ column, reference: expanded.reference, indicators: expanded.indicators.map((i) => i.name) });
  }
  const blocks = options.blocks ? rows.map((row) => (row.fields[index(options.blocks!)] ?? "").trim()) : null;
  const subgroups = new Map(options.subgroups.map((s) => [s, rows.map((row) => (row.fields[index(s)] ?? "").trim())]));
  const clusters = options.clusters ? rows.map((row) => (row.fields[index(options.clusters!)] ?? "").trim()) : null;
  if (clusters) clusters.forEach((c, i) => c === "" && problem(rows[i]!.line, options.clusters!, c, "is empty: every person needs a cluster"));
  for (const { column, rule, at } of problems.values()) {
    if (column !== options.clusters) continue;
    issues.push(issue("invalid_value", at.length === 1 ? `'' ${rule}` : messages.columnNotAsFlagged(at.length, rule, at.slice(0, 5).map((a) => ({ line: a.line, value: "''" }))), { file: options.file, path: [], line: at[0]!.line, column }));
  }
  return { table: { arm, blocks, permutationStrata: blocks, clusters, columns, subgroups }, issues, lines, categorical };
}
