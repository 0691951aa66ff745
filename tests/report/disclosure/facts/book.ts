/** A fact book over hand-made tables and a partial run, for the fact-source tests. */
import { factBook } from "../../../../src/report/disclosure/facts/factBook.ts";
import type { RunArtefacts } from "../../../../src/report/buildReport.ts";
import type { Table } from "../../../../src/report/table.ts";
import type { Cell } from "../../../../src/report/suppression.ts";

export function tablesOf(rows: Record<string, readonly Record<string, Cell>[]>): Map<string, Table> {
  return new Map(Object.entries(rows).map(([id, r]) => [id, { id, columns: [], rows: r.map((x) => ({ ...x })) }]));
}

export function bookOver(rows: Record<string, readonly Record<string, Cell>[]>, run: unknown, minCell = 5) {
  return factBook(tablesOf(rows), run as RunArtefacts, minCell);
}

export const asRun = (run: unknown): RunArtefacts => run as RunArtefacts;

/** The equations as `total = a + b` lines, for comparing by eye. */
export function equationLines(equations: readonly { total: string; parts: readonly { key: string; weight: number }[] }[]): string[] {
  return equations.map((e) => `${e.total} = ${e.parts.map((p) => (p.weight === 1 ? p.key : `${p.weight}·${p.key}`)).join(" + ")}`);
}
