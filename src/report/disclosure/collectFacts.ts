/**
 * Every person count the report's tables publish, as facts with their true values from the
 * run's artefacts, and the equations between them: CONSORT boxes, n analysed against n
 * randomised, the censoring and status tables, estimates (their events), subgroups, balance
 * levels, KPIs and the ledger. An equation is kept only when it holds on the true values.
 */
import type { Lang } from "../i18n.ts";
import { basisName } from "../i18n.ts";
import type { RunArtefacts } from "../buildReport.ts";
import type { Table } from "../table.ts";
import { businessFacts } from "./businessFacts.ts";
import type { CellRef } from "./model.ts";
import { factBook, type FactBook } from "./facts/factBook.ts";
import { FACT_SOURCES } from "./facts/index.ts";

export type { FactBook };

/**
 * The places a `name = value` inside a text cell is written: the shown words (the name in the report's language)
 * and the column's machine form (the CSV's, field names as they are).
 */
export function textPlaces(tables: ReadonlyMap<string, Table>, ref: CellRef, lang: Lang): { key: string; name: string }[] {
  const id = tables.get(ref.table)?.columns.find((c) => c.key === ref.key)?.id;
  const name = ref.inText ?? "";
  return [{ key: ref.key, name: basisName(lang, name) }, ...(id === undefined ? [] : [{ key: id, name }])];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function shown(tables: ReadonlyMap<string, Table>, ref: CellRef, lang: Lang): boolean {
  const row = tables.get(ref.table)?.rows[ref.row];
  const cell = row?.[ref.key];
  if (ref.inText !== undefined) return textPlaces(tables, ref, lang).every(({ key, name }) => typeof row?.[key] === "string" && new RegExp(`${escapeRegExp(name)} = \\d`).test(String(row[key])));
  return typeof cell === "number" || (typeof cell === "string" && /^[-+]?\d/.test(cell));
}

export function collectFacts(tables: ReadonlyMap<string, Table>, run: RunArtefacts, minCell = 5): FactBook {
  const { book, writer } = factBook(tables, run, minCell);
  for (const source of Object.values(FACT_SOURCES)) source.collect(writer, run);
  // The business case, the payer split, the investors' return and the repayment risk (businessFacts.ts).
  businessFacts(tables, run, book.facts);
  return book;
}

/** Marks a fact published when every cell that shows it shows a number. */
export function markPublished(book: FactBook, tables: ReadonlyMap<string, Table>, lang: Lang): void {
  for (const f of book.facts.values()) {
    const refs = f.cells.length > 0 ? f.cells : f.reveals;
    f.published = refs.length > 0 && refs.every((ref) => shown(tables, ref, lang));
  }
}
