/**
 * The disclosure engine: one pass over the report's finished tables (everything written
 * under report/), after each section has suppressed its own small cells.
 *
 *   1. collect  every person count the tables show, with its true value, and the equations
 *               between them (collectFacts)
 *   2. primary  a count of 1 to minCell − 1 is suppressed, and so is every estimate, share or
 *               mean whose events or non-events in any arm are that few
 *   3. secondary whatever would let a reader work a suppressed count out — within a table,
 *               across the run's tables, from amount ÷ price — is suppressed too (protect)
 *   4. apply    suppressed counts become `<minCell` (primary) or `x` (secondary) in every cell
 *               that shows or reveals them; the changes section and the status page follow
 */
import type { RunArtefacts } from "../buildReport.ts";
import type { Lang } from "../i18n.ts";
import type { Cell } from "../suppression.ts";
import type { Table } from "../table.ts";
import { collectFacts, markPublished, textPlaces } from "./collectFacts.ts";
import type { CellRef, Fact, Quantity } from "./model.ts";
import { isSmallCount, protect } from "./protect.ts";
import { meanNarrowsCount } from "./meanReveals.ts";
import { toPublishedPrecision } from "./precision.ts";

export interface DisclosureInput {
  readonly lang: Lang;
  readonly minCell: number;
  readonly run: RunArtefacts;
  readonly previous: RunArtefacts | null;
  /** The previous run's tables as its own report published them (for the changes section). */
  readonly previousTables?: readonly Table[] | null;
  /** The spec's KPIs: one compared with the control arm takes its threshold from that arm's Kaplan–Meier value. */
  readonly kpis?: readonly { readonly id: string; readonly outcome: string; readonly atDays?: number | undefined; readonly direction: string }[];
}

export interface Disclosure {
  readonly tables: Table[];
  /** Is this estimate (outcome, contrast; the difference in means unless another estimator is named) still shown? */
  readonly estimateShown: (outcome: string, contrast: string, estimator?: string) => boolean;
}

export function discloseTables(input: readonly Table[], options: DisclosureInput): Disclosure {
  const { minCell, run, lang } = options;
  const tables = new Map(input.map((tb) => [tb.id, { ...tb, rows: tb.rows.map((r) => ({ ...r })) as Record<string, Cell>[] }]));
  const book = collectFacts(tables, run, minCell);
  markPublished(book, tables, lang);
  protect(book.facts, book.equations, minCell);

  const write = (ref: CellRef, mark: string) => {
    const row = tables.get(ref.table)?.rows[ref.row];
    if (!row) return;
    if (ref.inText !== undefined) {
      // In the words and in the column's machine form alike.
      for (const { key, name } of textPlaces(tables, ref, lang)) {
        const text = row[key];
        if (typeof text === "string") row[key] = text.split("; ").map((part) => (part.startsWith(`${name} = `) ? `${name} = ${mark}` : part)).join("; ");
      }
    } else if (row[ref.key] !== null && row[ref.key] !== undefined && row[ref.key] !== "") row[ref.key] = mark;
  };
  for (const f of book.facts.values()) {
    if (f.published) continue;
    const mark = f.persons && isSmallCount(f.value, minCell) ? `<${minCell}` : "x";
    for (const ref of [...f.cells, ...f.reveals]) write(ref, mark);
  }
  // A mean or share beside a hidden n, as printed, must fit every n a reader cannot rule out (./meanReveals.ts).
  for (const q of book.quantities) if (narrowsHiddenCount(q, book.facts, minCell)) for (const ref of q.cells) write(ref, "x");
  // A KPI threshold taken from the control arm's Kaplan–Meier value is that value: shown only where the survival table shows it.
  const controlArm = run.assignment?.design.arms.find((a) => a.control)?.name;
  for (const k of options.kpis ?? []) {
    if ((k.direction !== "below_control" && k.direction !== "above_control") || k.atDays === undefined) continue;
    const point = tables.get("survival")?.rows.find((r) => r.outcome_id === k.outcome && r.arm_id === controlArm && r.time === k.atDays);
    if (typeof point?.survival === "number") continue;
    // The difference between arms is the arm's share minus that value: hidden with it.
    for (const row of tables.get("kpis")?.rows ?? []) if (row.kpi_id === k.id) for (const key of ["threshold", "difference", "difference_low", "difference_high"]) if (row[key] !== null && row[key] !== undefined) row[key] = "x";
  }

  const hiddenEstimate = (outcome: string, contrast: string) => [...book.facts.values()].some((f) => !f.published && f.key.startsWith(`events:${outcome}:${contrast}:`));
  const estimateShown = (outcome: string, contrast: string, estimator = "difference_in_means") => {
    if (hiddenEstimate(outcome, contrast)) return false;
    const row = tables.get("effects")?.rows.find((r) => r.estimator_id === estimator && r.contrast_id === contrast && r.outcome_id === outcome);
    return row === undefined || typeof row.estimate === "number";
  };

  // The changes section: the current column follows this run's tables; the previous one the previous run's own rules.
  const changes = tables.get("changes");
  const previousEffects = options.previousTables ?? null;
  if (changes) {
    for (const row of changes.rows) {
      const figure = String(row.figure_id);
      // Each estimate row names the estimator it shows (the memo table's choice): it follows that estimator's rows.
      for (const e of run.effects?.estimates.filter((x) => x.estimator === (row.estimator_id ?? "difference_in_means")) ?? []) {
        if (figure !== `estimate:${e.outcome}:${e.contrast}`) continue;
        if (!estimateShown(e.outcome, e.contrast, e.estimator) && row.current !== null) row.current = "x";
        const before = options.previous?.effects?.estimates.find((p) => p.outcome === e.outcome && p.contrast === e.contrast && p.estimator === e.estimator);
        if (before && row.previous !== null && !(previousEffects ? publishedThere(previousEffects, "effects", (r) => r.estimator_id === e.estimator && r.contrast_id === e.contrast && r.outcome_id === e.outcome, "estimate") : previousShown(before, options.previous!, minCell))) row.previous = "x";
      }
      for (const o of run.ingest.outcomes) {
        if (figure !== `observed:${o.id}`) continue;
        if (book.facts.get(`total:${o.id}:observed`)?.published === false && typeof row.current === "number") row.current = "x";
        if (previousEffects && typeof row.previous === "number" && !publishedThere(previousEffects, "censoring", (r) => r.outcome_id === o.id, "observed")) row.previous = "x";
      }
    }
  }
  // The status page's latest primary effect follows the effects table: the row of the estimator it shows (effect_of:
  // outcome, contrast, estimator), and the memo row it is worded from (effects_primary), as the summary does.
  const status = tables.get("status");
  for (const row of status?.rows ?? []) {
    if (typeof row.effect_of !== "string") continue;
    const [outcome = "", contrast = "", estimator = ""] = row.effect_of.split("\u0000");
    const memo = tables.get("effects_primary")?.rows.find((r) => r.outcome_id === outcome && r.contrast_id === contrast);
    const memoHides = memo !== undefined && (typeof memo.difference !== "string" || memo.difference === "x" || memo.difference.startsWith("<"));
    if (!estimateShown(outcome, contrast, estimator) || memoHides) row.effect = "–";
  }

  // Every number leaves at its published precision, the same in the CSV as on the page (./precision.ts).
  return { tables: input.map((tb) => toPublishedPrecision(tables.get(tb.id)!)), estimateShown };
}

/**
 * A reader who does not see n but sees the total it is part of (n randomised) considers every n from the total less
 * minCell − 1 to the total: a mean that fits only some of them narrows a count of 1 to minCell − 1 persons down.
 */
function narrowsHiddenCount(q: Quantity, facts: ReadonlyMap<string, Fact>, minCell: number): boolean {
  const n = facts.get(q.n);
  const total = facts.get(q.total);
  return n !== undefined && total !== undefined && !n.published && meanNarrowsCount(q.interval, q.unit, total.value, minCell);
}


/** Does the previous report's table show a number in this row's column? */
function publishedThere(tables: readonly Table[], id: string, match: (row: Record<string, Cell>) => boolean, key: string): boolean {
  const row = tables.find((tb) => tb.id === id)?.rows.find(match);
  return row !== undefined && typeof row[key] === "number";
}

/** A previous run's estimate as its own report would have shown it: no small n, no small events or non-events. */
function previousShown(e: { outcome: string; n_treated: number; n_control: number; mean_treated: number | null; mean_control: number | null }, previous: RunArtefacts, minCell: number): boolean {
  if (isSmallCount(e.n_treated, minCell) || isSmallCount(e.n_control, minCell)) return false;
  if (previous.ingest.outcomes.find((o) => o.id === e.outcome)?.type !== "binary") return true;
  return [[e.mean_treated, e.n_treated], [e.mean_control, e.n_control]].every(([mean, n]) => {
    if (mean === null) return true;
    const events = Math.round(mean! * n!);
    return !isSmallCount(events, minCell) && !isSmallCount(n! - events, minCell);
  });
}
