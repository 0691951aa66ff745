/**
 * The report's HTML is written before the disclosure engine has seen every table; it holds
 * placeholders for each table, for every table cell shown outside its table (CONSORT boxes)
 * and for figures drawn from estimates, filled from the disclosed tables at the end.
 */
import type { Lang } from "../i18n.ts";
import { formatNumber } from "../i18n.ts";
import type { Cell } from "../suppression.ts";
import { tableHtml, type Table } from "../table.ts";
import type { Disclosure } from "./discloseTables.ts";

const MARK = "\u0000";

export class Placeholders {
  private readonly cells: { row: Record<string, Cell>; key: string }[] = [];
  private readonly figures = new Map<string, (disclosure: Disclosure) => Promise<string>>();
  private readonly drawn = new Map<string, string>();
  private readonly lookups: { table: string; ids: Readonly<Record<string, string | null>>; key: string }[] = [];

  table(table: Table): string {
    return `${MARK}table:${table.id}${MARK}`;
  }

  /** A cell of a table's row, shown elsewhere (the row object itself, as pushed into the table). */
  cell(row: Record<string, Cell>, key: string): string {
    this.cells.push({ row, key });
    return `${MARK}cell:${this.cells.length - 1}${MARK}`;
  }

  /**
   * A cell of another section's table, found by its machine ids when the tables are disclosed (`{ stage_id: "pool",
   * arm_id: "programme" }` in `consort`): for a count a section states in words that a table already shows.
   */
  cellWhere(table: string, ids: Readonly<Record<string, string | null>>, key: string): string {
    this.lookups.push({ table, ids, key });
    return `${MARK}where:${this.lookups.length - 1}${MARK}`;
  }

  /** A figure drawn at the end, from what the disclosed tables still show. */
  figure(id: string, draw: (disclosure: Disclosure) => Promise<string>): string {
    this.figures.set(id, draw);
    return `${MARK}figure:${id}${MARK}`;
  }

  async fill(html: string, original: readonly Table[], disclosure: Disclosure, lang: Lang): Promise<string> {
    const disclosed = disclosure.tables;
    const drawn = this.drawn;
    for (const [id, draw] of this.figures) if (!drawn.has(id)) drawn.set(id, await draw(disclosure));
    const byId = new Map(disclosed.map((tb) => [tb.id, tb]));
    const shown = (value: Cell | undefined) => (value === null || value === undefined ? "–" : typeof value === "number" ? formatNumber(lang, value) : escapeText(String(value)));
    return html.replace(/\u0000(table|cell|figure|where):([^\u0000]*)\u0000/g, (_m, kind: string, id: string) => {
      if (kind === "table") return tableHtml(byId.get(id)!, lang);
      if (kind === "figure") return drawn.get(id)!;
      if (kind === "where") {
        const { table, ids, key } = this.lookups[Number(id)]!;
        // A row that is not there shows nothing countable.
        const row = byId.get(table)?.rows.find((r) => Object.entries(ids).every(([k, v]) => r[k] === v));
        return shown(row?.[key]);
      }
      const { row, key } = this.cells[Number(id)]!;
      const at = original.findIndex((tb) => tb.rows.includes(row));
      const index = at < 0 ? -1 : original[at]!.rows.indexOf(row);
      const value = at < 0 ? row[key] : disclosed[at]!.rows[index]![key];
      return value === null || value === undefined ? "–" : typeof value === "number" ? formatNumber(lang, value) : escapeText(String(value));
    });
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
