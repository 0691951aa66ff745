/**
 * Effects: n per arm (= observed), and for a binary outcome the events behind the estimate
 * (every estimate cell reveals them). estimate ÷ relative effect gives the control arm's mean
 * back; the memo table and the summary state the group means in words. Each row of the effects
 * table is found by its outcome_id, contrast_id and estimator_id.
 */
import type { RunArtefacts } from "../../buildReport.ts";
import type { Cell } from "../../suppression.ts";
import { roundTo } from "../precision.ts";
import { roundingInterval } from "../meanReveals.ts";
import { contrastArms, type FactSource, type FactWriter } from "./factBook.ts";

const ESTIMATE_CELLS = ["estimate", "conf_low", "conf_high", "p", "p_holm", "p_bh", "relative"];

type Estimate = NonNullable<RunArtefacts["effects"]>["estimates"][number];

/** The effects table's row of an estimate, or -1. */
export function effectRowOf(rows: readonly Readonly<Record<string, Cell>>[], e: { outcome: string; contrast: string; estimator: string }): number {
  return rows.findIndex((r) => r.outcome_id === e.outcome && r.contrast_id === e.contrast && r.estimator_id === e.estimator);
}

/** The estimates the effects table shows. */
export function shownEstimates(book: FactWriter<"effects">, run: RunArtefacts): Estimate[] {
  const rows = book.rowsOf("effects");
  return run.effects ? run.effects.estimates.filter((e) => effectRowOf(rows, e) >= 0) : [];
}

/** The fact keys of an estimate's n analysed in its treated and its control arm. */
export function nKeys(e: { outcome: string; contrast: string; estimator: string }): [treated: string, control: string] {
  const [treated, control] = contrastArms(e.contrast);
  return [`n:${e.outcome}:${treated}:${e.estimator}`, `n:${e.outcome}:${control}:${e.estimator}:control`];
}

export const effectFacts = {
  tables: ["effects", "effects_primary", "summary"],
  collect(book, run) {
    const typeOf = new Map(run.ingest.outcomes.map((o) => [o.id, o.type]));
    const estimates = shownEstimates(book, run);
    for (const e of estimates) {
      const i = effectRowOf(book.rowsOf("effects"), e);
      const [treated, control] = contrastArms(e.contrast);
      const [nTKey, nCKey] = nKeys(e);
      const nT = book.fact(nTKey, e.n_treated);
      const nC = book.fact(nCKey, e.n_control);
      book.show(nT, book.ref("effects", i, "n_treated"));
      book.show(nC, book.ref("effects", i, "n_control"));
      book.equation(nT.key, [`status:${e.outcome}:${treated}:observed`], "n analysed = the outcome observed");
      book.equation(nC.key, [`status:${e.outcome}:${control}:observed`], "n analysed = the outcome observed");
      relativeReveals(book, run, e, i);
      if (typeOf.get(e.outcome) === "binary" && e.mean_treated !== null && e.mean_control !== null) {
        for (const [arm, mean, n, nKey] of [[treated, e.mean_treated, e.n_treated, nT.key], [control, e.mean_control, e.n_control, nC.key]] as const) {
          const events = Math.round(mean * n);
          const ev = book.fact(`events:${e.outcome}:${e.contrast}:${arm}`, events, { group: `estimate:${e.outcome}:${e.contrast}` });
          book.fact(`nonevents:${e.outcome}:${e.contrast}:${arm}`, n - events);
          book.equation(nKey, [ev.key, `nonevents:${e.outcome}:${e.contrast}:${arm}`], "events + non-events = n analysed");
          for (const key of ESTIMATE_CELLS) ev.reveals.push(book.ref("effects", i, key));
          if (e.estimator === "difference_in_means") ev.cells.push(book.ref("effects", i, "estimate"));
        }
      }
    }
    meansInWords(book, estimates);
  },
} satisfies FactSource<"effects" | "effects_primary" | "summary">;

/** estimate ÷ relative effect is the control arm's mean (and + estimate the treated arm's): judged as printed. */
function relativeReveals(book: FactWriter<"effects">, run: RunArtefacts, e: Estimate, i: number): void {
  const row = book.rowsOf("effects")[i];
  const relative = row?.relative;
  const estimateCell = row?.estimate;
  if (typeof relative !== "number" || typeof estimateCell !== "number" || relative === 0) return;
  const [eLow, eHigh] = roundingInterval(roundTo(estimateCell, 3), 3);
  const [rLow, rHigh] = roundingInterval(roundTo(relative, 3), 3);
  if (!(rLow > 0 || rHigh < 0)) return;
  const corners = [eLow / rLow, eLow / rHigh, eHigh / rLow, eHigh / rHigh];
  const [low, high] = [Math.min(...corners), Math.max(...corners)];
  const refs = [book.ref("effects", i, "relative")];
  const [treated, control] = contrastArms(e.contrast);
  const [nTKey, nCKey] = nKeys(e);
  const unit = run.ingest.outcomes.find((o) => o.id === e.outcome)?.quantum ?? null;
  book.addQuantity({ what: `effects ${e.outcome} ${e.estimator}: estimate ÷ relative (${control})`, cells: refs, n: nCKey, total: `randomised:${control}`, unit, interval: [low, high] });
  book.addQuantity({ what: `effects ${e.outcome} ${e.estimator}: estimate ÷ relative + estimate (${treated})`, cells: refs, n: nTKey, total: `randomised:${treated}`, unit, interval: [low + eLow, high + eHigh] });
}

/** The memo table and the summary state the group means in words: they reveal the events behind the estimate. */
function meansInWords(book: FactWriter<"effects_primary" | "summary">, estimates: readonly Estimate[]): void {
  for (const [table, keys, find] of [
    ["effects_primary", ["means", "difference", "ci", "p"], (o: string, c: string) => book.rowWith("effects_primary", { outcome_id: o, contrast_id: c })],
    ["summary", ["value"], (o: string, c: string) => book.rowWith("summary", { figure_id: `effect:${o}:${c}` })],
  ] as const) {
    for (const e of estimates.filter((x) => x.estimator === "difference_in_means")) {
      const row = find(e.outcome, e.contrast);
      if (row < 0) continue;
      const [treatedArm, controlArm] = contrastArms(e.contrast);
      const [nTKey, nCKey] = nKeys(e);
      const refs = keys.map((key) => book.ref(table, row, key));
      book.quantity(`${table} ${e.outcome}: mean (${treatedArm})`, refs, nTKey, `randomised:${treatedArm}`, e.outcome, e.mean_treated);
      book.quantity(`${table} ${e.outcome}: mean (${controlArm})`, refs, nCKey, `randomised:${controlArm}`, e.outcome, e.mean_control);
      for (const arm of contrastArms(e.contrast)) {
        const ev = book.facts.get(`events:${e.outcome}:${e.contrast}:${arm}`);
        if (ev) for (const key of keys) ev.reveals.push(book.ref(table, row, key));
      }
    }
  }
}
