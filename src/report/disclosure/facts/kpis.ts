/** KPIs: the share of the persons measured reveals the count achieving it; achieved + not achieved = persons measured. */
import type { FactSource } from "./factBook.ts";

export const kpiFacts = {
  tables: ["kpis"],
  collect(book, run) {
    (run.effects?.kpis ?? []).forEach((k, i) => {
      const n = book.fact(`kpi:${k.id}:${k.arm}:persons`, k.persons);
      book.show(n, book.ref("kpis", i, "persons"));
      const achieved = book.fact(`kpi:${k.id}:${k.arm}:achieved`, k.achieved);
      for (const key of ["share", "low", "high"]) achieved.reveals.push(book.ref("kpis", i, key));
      if (k.arm) book.quantity(`kpis ${k.id}: share (${k.arm})`, ["share", "low", "high"].map((key) => book.ref("kpis", i, key)), n.key, `randomised:${k.arm}`, k.outcome, k.share);
      book.fact(`kpi:${k.id}:${k.arm}:not_achieved`, k.persons - k.achieved);
      book.equation(n.key, [achieved.key, `kpi:${k.id}:${k.arm}:not_achieved`], "KPI: achieved + not achieved = persons");
      if (k.arm) book.equation(n.key, [`status:${k.outcome}:${k.arm}:observed`], "KPI persons = the outcome observed");
    });
  },
} satisfies FactSource<"kpis">;
