/**
 * Outcome status per arm (n analysed = observed) and the censoring table's totals: an arm's
 * statuses add up to n randomised, an outcome's to the intake, a status total to the sum over
 * arms and reasons. The status table's n followed to the end is the primary outcome's observed total.
 */
import type { FactSource } from "./factBook.ts";

export const outcomeStatusFacts = {
  tables: ["outcome_status_by_arm", "censoring", "status"],
  collect(book, run) {
    const statusRows = run.assignment?.consort.outcomeStatusByArm ?? [];
    let index = 0;
    for (const row of statusRows) {
      const keys: string[] = [];
      for (const [status, n] of Object.entries(row.byStatus)) {
        const key = `status:${row.outcome}:${row.arm}:${status}`;
        book.show(book.fact(key, n), book.ref("outcome_status_by_arm", index++, "n"));
        keys.push(key);
      }
      book.equation(`randomised:${row.arm}`, keys, "an arm's outcome statuses add up to n randomised");
    }
    run.ingest.outcomes.forEach((o, i) => {
      const byKind = { observed: o.observed, censored: o.censored, incomplete: o.incomplete, not_applicable: o.notApplicable } as const;
      for (const [kind, value] of Object.entries(byKind)) book.show(book.fact(`total:${o.id}:${kind}`, value), book.ref("censoring", i, kind));
      book.equation("intake", Object.keys(byKind).map((k) => `total:${o.id}:${k}`), "the statuses of an outcome add up to the intake");
      for (const kind of Object.keys(byKind)) {
        const parts = statusRows.filter((r) => r.outcome === o.id).flatMap((r) => Object.keys(r.byStatus).filter((s) => s === kind || s.startsWith(`${kind}:`)).map((s) => `status:${o.id}:${r.arm}:${s}`));
        book.equation(`total:${o.id}:${kind}`, parts, "a status total is the sum over arms and reasons");
      }
    });
    book.rowsOf("status").forEach((r, i) => {
      if (typeof r.outcome_id === "string" && book.facts.has(`total:${r.outcome_id}:observed`)) book.show(book.fact(`total:${r.outcome_id}:observed`, 0), book.ref("status", i, "completed"));
    });
  },
} satisfies FactSource<"outcome_status_by_arm" | "censoring" | "status">;
