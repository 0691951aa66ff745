/**
 * The disclosure engine's view of the business-case and investor tables (collectFacts calls this last):
 *
 * - Each ledger period's amount is a kroner fact, forced (the ledger publishes it), shown in the ledger table
 *   (`repayment`); the payer split and the investors' return are worked out from these totals alone (× a share, their
 *   sum, their dates), so they are registered as its reveals: they follow the ledger's published totals.
 * - A repayment-risk row is simulated from the period's persons (rate cards) or its estimate (a difference): it
 *   reveals whatever the period's ledger lines show or reveal (the lines' persons, n analysed, the events behind a
 *   binary estimate), and is blanked with them.
 * - A business case whose lines take their effect from a binary estimate of this trial reveals that estimate's
 *   events (amount ÷ price ÷ cohort ÷ scale = the estimate): every number of the case's rows is blanked with them.
 */
import type { RunArtefacts } from "../buildReport.ts";
import { caseEstimates } from "../businessCase.ts";
import { BUSINESS_TABLE_PREFIXES, caseTableId } from "../businessTables.ts";
import type { Table } from "../table.ts";
import type { CellRef, Fact } from "./model.ts";

const PAYER_KEYS = ["share", "settled", "due", "provisional", "not_due", "total"];
const INVESTOR_KEYS = ["repaid", "total", "multiple_to_date", "multiple", "irr_to_date", "irr"];
const RISK_KEYS = ["probability", "mean", "p05", "p50", "p95"];

export function businessFacts(tables: ReadonlyMap<string, Table>, run: RunArtefacts, facts: Map<string, Fact>): void {
  const rowsOf = (id: string) => tables.get(id)?.rows ?? [];
  const refs = (table: string, keys: readonly string[], match: (r: Readonly<Record<string, unknown>>) => boolean): CellRef[] =>
    rowsOf(table).flatMap((r, row) => (match(r) ? keys.filter((key) => typeof r[key] === "number").map((key) => ({ table, row, key })) : []));

  let line = 0;
  for (const c of run.repayment?.contracts ?? []) {
    const ofContract = (r: Readonly<Record<string, unknown>>) => r.contract_id === c.name;
    const derived = [...refs("repayment_payers", PAYER_KEYS, ofContract), ...refs("repayment_investor", INVESTOR_KEYS, ofContract)];
    for (const p of c.periods) {
      const key = `period:${c.name}:${p.period}`;
      const cells = refs("repayment", ["computed", "settled", "amount", "cumulative", "remaining"], (r) => ofContract(r) && r.period_id === p.period);
      if (!facts.has(key)) facts.set(key, { key, value: p.amount, persons: false, forced: true, cells, reveals: [...derived], group: null, published: false, reason: null });
    }
    // The ledger lines' rows in repayment_lines, as collectFacts numbers them (every contract's lines in order).
    const lineRows = c.lines.map((l) => ({ ...l, row: line++ }));
    for (const r of c.risk) {
      const rows = new Set(lineRows.filter((l) => l.period === r.period && l.rule === r.rule).map((l) => l.row));
      const outcomes = new Set(lineRows.filter((l) => l.period === r.period && l.rule === r.rule && typeof l.item === "string").map((l) => String(l.item)));
      const riskCells = refs("repayment_risk", RISK_KEYS, (x) => ofContract(x) && x.period_id === r.period && x.rule_id === r.rule);
      for (const f of facts.values()) {
        const showsLine = f.cells.some((ref) => ref.table === "repayment_lines" && rows.has(ref.row));
        const eventsOf = [...outcomes].some((o) => f.key.startsWith(`events:${o}:`));
        if (showsLine || eventsOf) f.reveals.push(...riskCells);
      }
    }
  }

  for (const c of run.projection?.cases ?? []) {
    const estimates = caseEstimates(c, run.effects);
    const events = [...facts.values()].filter((f) => estimates.some((e) => f.key.startsWith(`events:${e.outcome}:${e.contrast}:`)));
    if (events.length === 0) continue;
    const ids = [...BUSINESS_TABLE_PREFIXES.map((p) => caseTableId(p, c.name)), "savings", "cumulative_net"];
    const cells = ids.flatMap((id) => {
      const numeric = (tables.get(id)?.columns ?? []).filter((col) => col.kind !== "text" && col.kind !== "year").map((col) => col.key);
      return refs(id, numeric, (r) => r.case_id === c.name);
    });
    for (const f of events) f.reveals.push(...cells);
  }
}
