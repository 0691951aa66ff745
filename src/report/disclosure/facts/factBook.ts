/**
 * The book the fact sources write into: facts with their true values, the cells that show
 * them, the equations between them and the means printed beside them. A source names the
 * tables it reads (typed ids, DisclosedTable), and reaches no other: a renamed or unknown
 * table id does not compile.
 */
import type { RunArtefacts } from "../../buildReport.ts";
import type { Cell } from "../../suppression.ts";
import type { Table } from "../../table.ts";
import type { CellRef, Equation, Fact, Quantity } from "../model.ts";
import { meanDigits, roundTo } from "../precision.ts";
import { roundingInterval } from "../meanReveals.ts";

/** Every report table whose person counts the fact sources find (by the sections' table ids). */
export const DISCLOSED_TABLES = ["summary", "status", "outcome_status_by_arm", "censoring", "consort", "effects", "effects_primary", "subgroups", "kpis", "balance", "repayment_lines"] as const;
export type DisclosedTable = (typeof DISCLOSED_TABLES)[number];

export interface FactBook {
  readonly facts: Map<string, Fact>;
  readonly equations: Equation[];
  /** Means and shares printed beside an n that may be hidden (../meanReveals.ts judges what they give back). */
  readonly quantities: Quantity[];
}

export interface FactOptions {
  readonly forced?: boolean;
  readonly persons?: boolean;
  readonly group?: string;
}

/** What a fact source may do, in the tables `T` it declares. */
export interface FactWriter<T extends DisclosedTable> {
  readonly facts: ReadonlyMap<string, Fact>;
  readonly minCell: number;
  /** The rows of one of the source's tables (none when the report has no such table). */
  rowsOf(table: T): readonly Readonly<Record<string, Cell>>[];
  /** The index of the first row whose machine ids are these (`outcome_id`, `contrast_id`, …), or -1. */
  rowWith(table: T, ids: Readonly<Record<string, string | null>>): number;
  /** A cell of one of the source's tables (with `inText`: the `name = value` inside a text cell). */
  ref(table: T, row: number, key: string, inText?: string): CellRef;
  /** The fact of this key: registered with this value (and options) the first time, the same fact after. */
  fact(key: string, value: number, options?: FactOptions): Fact;
  /** The fact is shown in this cell. */
  show(f: Fact, ref: CellRef): void;
  /** total = Σ weight × part, kept only when every fact is known and it holds on the true values. */
  equation(total: string, parts: readonly (string | { key: string; weight: number })[], rule: string): void;
  /** A mean (or share) as printed, with the n it is over and the published total that n is part of. */
  quantity(what: string, cells: CellRef[], n: string, total: string, outcome: string, value: number | null | undefined): void;
  /** A quantity whose interval the source worked out itself. */
  addQuantity(quantity: Quantity): void;
}

/** One source of facts: the tables it reads, and what it records from them and the run's artefacts. */
export interface FactSource<T extends DisclosedTable> {
  readonly tables: readonly T[];
  collect(book: FactWriter<T>, run: RunArtefacts): void;
}

/** An empty book over the report's tables, and the writer every source is given. */
export function factBook(tables: ReadonlyMap<string, Table>, run: RunArtefacts, minCell: number): { book: FactBook; writer: FactWriter<DisclosedTable> } {
  const book: FactBook = { facts: new Map(), equations: [], quantities: [] };
  const { facts, equations, quantities } = book;
  const unitOf = new Map(run.ingest.outcomes.map((o) => [o.id, o.quantum ?? null]));
  const typeOf = new Map(run.ingest.outcomes.map((o) => [o.id, o.type]));
  const rowsOf = (table: DisclosedTable) => tables.get(table)?.rows ?? [];
  const writer: FactWriter<DisclosedTable> = {
    facts,
    minCell,
    rowsOf,
    rowWith: (table, ids) => rowsOf(table).findIndex((r) => Object.entries(ids).every(([k, v]) => r[k] === v)),
    ref: (table, row, key, inText) => (inText === undefined ? { table, row, key } : { table, row, key, inText }),
    fact(key, value, options = {}) {
      let f = facts.get(key);
      if (!f) {
        f = { key, value, persons: options.persons ?? true, forced: options.forced ?? false, cells: [], reveals: [], group: options.group ?? null, published: false, reason: null };
        facts.set(key, f);
      }
      return f;
    },
    show: (f, ref) => void f.cells.push(ref),
    equation(total, parts, rule) {
      const ps = parts.map((p) => (typeof p === "string" ? { key: p, weight: 1 } : p));
      if (!facts.has(total) || ps.some((p) => !facts.has(p.key))) return;
      const sum = ps.reduce((s, p) => s + p.weight * facts.get(p.key)!.value, 0);
      if (Math.abs(sum - facts.get(total)!.value) < 0.5) equations.push({ total, parts: ps, rule });
    },
    quantity(what, cells, n, total, outcome, value) {
      if (value === null || value === undefined || !Number.isFinite(value)) return;
      const digits = meanDigits(typeOf.get(outcome) === "binary");
      quantities.push({ what, cells, n, total, unit: unitOf.get(outcome) ?? null, interval: roundingInterval(roundTo(value, digits), digits) });
    },
    addQuantity: (quantity) => void quantities.push(quantity),
  };
  return { book, writer };
}

/** The arms of a contrast `<treated> vs <control>`. */
export function contrastArms(contrast: string): [treated: string, control: string] {
  return contrast.split(" vs ") as [string, string];
}
