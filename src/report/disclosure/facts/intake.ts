/**
 * The intake and the arms: published regardless — unless the intake less the persons assigned
 * is 1 to minCell − 1 (a few awaiting randomisation): then the intake may be suppressed like any
 * other total, or it would give them away. Shown in the summary and the status table.
 */
import type { FactSource } from "./factBook.ts";

export const intakeFacts = {
  tables: ["summary", "status"],
  collect(book, run) {
    const arms = run.assignment?.consort.arms ?? [];
    const assignedTotal = arms.reduce((s, a) => s + a.randomised, 0);
    const notYetAssigned = run.ingest.persons - assignedTotal;
    book.fact("intake", run.ingest.persons, { forced: arms.length === 0 || notYetAssigned === 0 || notYetAssigned >= book.minCell });
    for (const a of arms) book.fact(`randomised:${a.arm}`, a.randomised, { forced: true });
    if (run.assignment) {
      book.fact("consort:randomised_total", assignedTotal, { forced: true });
      book.rowsOf("status").forEach((_r, i) => book.show(book.fact("consort:randomised_total", 0), book.ref("status", i, "trial")));
    }
    book.equation("intake", arms.map((a) => `randomised:${a.arm}`), "intake = the arms randomised");
    book.rowsOf("summary").forEach((r, i) => {
      if (r.figure_id === "intake") book.show(book.fact("intake", 0), book.ref("summary", i, "value"));
      for (const a of arms) if (r.figure_id === `randomised:${a.arm}`) book.show(book.fact(`randomised:${a.arm}`, 0), book.ref("summary", i, "value"));
    });
    book.rowsOf("status").forEach((_r, i) => book.show(book.fact("intake", 0), book.ref("status", i, "intake")));
  },
} satisfies FactSource<"summary" | "status">;
