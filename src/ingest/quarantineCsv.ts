import { toCsv } from "../shared/csv.ts";
import { QuarantineEntry } from "./schema.ts";

/** The quarantine file of an extract: one line per broken rule of every rejected row. */
export function quarantineCsv(entries: readonly QuarantineEntry[]): string {
  const rows = entries.map((e) => QuarantineEntry.parse(e)).map((e) => [e.file, e.line, e.column, e.value, e.rule, e.message]);
  return toCsv(["file", "line", "column", "value", "rule", "message"], rows);
}
