/**
 * A rate-card contract's outcome table (CSV: person_id, period, observed_on, then one 0/1
 * column per outcome; empty = not measured): every problem named by file, line and column.
 * observed_on (yyyy-mm-dd, the day the row's values were known) is required: a typed-in row
 * observed after the run's as-of date is not counted, and an undated table cannot say which.
 */
import { parse } from "csv-parse/sync";
import { issue, type Issue } from "../shared/issues.ts";
import { messages } from "../messages.ts";
import { parseDate } from "../ingest/parseValue.ts";
import type { OutcomeRow } from "./outcomeTable.ts";

/** The column that dates each row. */
export const OBSERVED_ON = "observed_on";

export function parseOutcomeTable(text: string, file: string, contractFile: string, needed: readonly string[]): { rows: OutcomeRow[] } | { issues: Issue[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { skip_empty_lines: true, info: true, relax_column_count: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    return { issues: [issue("outcome_table_malformed", messages.rule.malformed_csv(messages.malformedReason((error as { code?: string }).code)), { file, path: [] })] };
  }
  const [first, ...rest] = records;
  const header = first?.record.map((c) => c.trim()) ?? [];
  if (!header.includes("person_id") || !header.includes("period")) return { issues: [issue("outcome_table_header", messages.outcomeTableHeader(), { file, path: [], line: 1 })] };
  if (!header.includes(OBSERVED_ON)) return { issues: [issue("outcome_table_undated", messages.outcomeTableUndated(OBSERVED_ON), { file, path: [], line: 1, column: OBSERVED_ON })] };
  const outcomeColumns = header.filter((c) => c !== "person_id" && c !== "period" && c !== OBSERVED_ON);
  const unknown = needed.filter((o) => !outcomeColumns.includes(o));
  if (unknown.length > 0) return { issues: [issue("unknown_outcome", messages.outcomeTableUnknown(contractFile, unknown, outcomeColumns), { file, path: [], line: 1 })] };
  const issues: Issue[] = [];
  const rows = rest.map(({ record: fields, info }) => {
    const outcomes: Record<string, number | null> = {};
    for (const column of outcomeColumns) {
      const text = (fields[header.indexOf(column)] ?? "").trim();
      if (text !== "" && text !== "0" && text !== "1") issues.push(issue("invalid_outcome", messages.outcomeTableCell(), { file, path: [], line: info.lines, column }));
      outcomes[column] = text === "" ? null : Number(text);
    }
    const observedOn = (fields[header.indexOf(OBSERVED_ON)] ?? "").trim();
    if (parseDate(observedOn, "iso") === null) issues.push(issue("invalid_observed_on", messages.outcomeTableObservedOn(), { file, path: [], line: info.lines, column: OBSERVED_ON }));
    return { personId: fields[header.indexOf("person_id")] ?? "", period: fields[header.indexOf("period")] ?? "", outcomes, observedOn };
  });
  return issues.length > 0 ? { issues } : { rows };
}
