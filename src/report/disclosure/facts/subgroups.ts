/**
 * Subgroups: n per level add up to n analysed (row i of the subgroups table is effects.json's
 * subgroup i); a binary estimate reveals its events — the solution of the difference that
 * leaves the smallest cell, the one a reader most wants — and those add up to the arm's events.
 */
import { eventsFromDifference } from "../eventsFromDifference.ts";
import { contrastArms, type FactSource } from "./factBook.ts";
import { nKeys, shownEstimates } from "./effects.ts";

export const subgroupFacts = {
  tables: ["subgroups", "effects"],
  collect(book, run) {
    const typeOf = new Map(run.ingest.outcomes.map((o) => [o.id, o.type]));
    const subgroups = run.effects?.subgroups ?? [];
    subgroups.forEach((s, i) => {
      const [treated, control] = contrastArms(s.contrast);
      for (const [arm, n, col] of [[treated, s.n_treated, "n_treated"], [control, s.n_control, "n_control"]] as const) book.show(book.fact(`sub:${s.outcome}:${s.subgroup}:${s.level}:${arm}`, n), book.ref("subgroups", i, col));
      if (typeOf.get(s.outcome) !== "binary" || s.estimate === null) return;
      const solutions = eventsFromDifference(s.estimate, s.n_treated, s.n_control);
      const worst = [...solutions].sort((a, b) => Math.min(a.treated, s.n_treated - a.treated, a.control, s.n_control - a.control) - Math.min(b.treated, s.n_treated - b.treated, b.control, s.n_control - b.control))[0];
      if (!worst) return;
      for (const [arm, events, n] of [[treated, worst.treated, s.n_treated], [control, worst.control, s.n_control]] as const) {
        const ev = book.fact(`subevents:${s.outcome}:${s.subgroup}:${s.level}:${arm}`, events, { group: `subgroup:${i}` });
        book.fact(`subnonevents:${s.outcome}:${s.subgroup}:${s.level}:${arm}`, n - events);
        for (const key of ["estimate", "conf_low", "conf_high", "p"]) ev.reveals.push(book.ref("subgroups", i, key));
        ev.cells.push(book.ref("subgroups", i, "estimate"));
        book.equation(`sub:${s.outcome}:${s.subgroup}:${s.level}:${arm}`, [ev.key, `subnonevents:${s.outcome}:${s.subgroup}:${s.level}:${arm}`], "events + non-events = n in the subgroup");
      }
    });
    for (const e of shownEstimates(book, run).filter((x) => x.estimator === "difference_in_means")) {
      const [treated, control] = contrastArms(e.contrast);
      const [nTKey, nCKey] = nKeys(e);
      const ofEstimate = subgroups.filter((s) => s.outcome === e.outcome && s.contrast === e.contrast);
      for (const name of new Set(ofEstimate.map((s) => s.subgroup))) {
        const levels = ofEstimate.filter((s) => s.subgroup === name);
        for (const [arm, nKey] of [[treated, nTKey], [control, nCKey]] as const) {
          book.equation(nKey, levels.map((l) => `sub:${e.outcome}:${name}:${l.level}:${arm}`), "a subgroup's levels add up to n analysed");
          book.equation(`events:${e.outcome}:${e.contrast}:${arm}`, levels.map((l) => `subevents:${e.outcome}:${name}:${l.level}:${arm}`), "a subgroup's events add up to the arm's events");
        }
      }
    }
  },
} satisfies FactSource<"subgroups" | "effects">;
