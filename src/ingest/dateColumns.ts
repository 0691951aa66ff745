/**
 * The header positions that feed an extract's date and month fields, mapped the same
 * way the ingest stage maps columns (the spec's `columns.<field>`, else the canonical
 * field name). Readers use it to detect a column's date format before ingest reads the
 * rows, and to write Excel date cells as text the field's parser reads.
 */
import { fieldsOf, type ExtractKind } from "./extractKinds.ts";

export interface DateColumn {
  readonly field: string;
  readonly column: string;
  readonly index: number;
  readonly type: "date" | "month";
}

type ColumnMapping = string | { readonly column: string };

export function dateColumns(kind: ExtractKind, header: readonly string[], columns: Readonly<Record<string, ColumnMapping>>): DateColumn[] {
  const found: DateColumn[] = [];
  for (const [field, definition] of Object.entries(fieldsOf(kind))) {
    if (definition.type !== "date" && definition.type !== "month") continue;
    const mapping = columns[field];
    const column = mapping === undefined ? field : typeof mapping === "string" ? mapping : mapping.column;
    const index = header.indexOf(column);
    if (index >= 0) found.push({ field, column, index, type: definition.type });
  }
  return found;
}
