/**
 * KPIs: the share of the persons measured reveals the count achieving it; achieved + not achieved = persons
 * measured. The difference from the comparison group reveals both arms' shares: it is hidden with either.
 * (Against a time-to-event comparison the comparison group's share is a Kaplan–Meier value, shown only where
 * the survival table shows it: discloseTables.ts.)
 */
import type { FactSource } from "./factBook.ts";

const DIFFERENCE = ["difference", "difference_low", "difference_high"];

export const kpiFacts = {
  tables: ["kpis"],
  collect(book, run) {
    const binary = new Set((run.ingest?.outcomes ?? []).filter((o) => o.type === "binary").map((o) => o.id));
    (run.effects?.kpis ?? []).forEach((k, i) => {
      const n = book.fact(`kpi:${k.id}:${k.arm}:persons`, k.persons);
      book.show(n, book.ref("kpis", i, "persons"));
      const achieved = book.fact(`kpi:${k.id}:${k.arm}:achieved`, k.achieved);
      for (const key of ["share", "low", "high", ...DIFFERENCE]) achieved.reveals.push(book.ref("kpis", i, key));
      if (k.arm) book.quantity(`kpis ${k.id}: share (${k.arm})`, ["share", "low", "high"].map((key) => book.ref("kpis", i, key)), n.key, `randomised:${k.arm}`, k.outcome, k.share);
      book.fact(`kpi:${k.id}:${k.arm}:not_achieved`, k.persons - k.achieved);
      book.equation(n.key, [achieved.key, `kpi:${k.id}:${k.arm}:not_achieved`], "KPI: achieved + not achieved = persons");
      if (k.arm) book.equation(n.key, [`status:${k.outcome}:${k.arm}:observed`], "KPI persons = the outcome observed");
      const c = k.comparison;
      if (c === null || c === undefined || c.share === null || !binary.has(k.outcome)) return;
      // A risk difference: the comparison group's observed share (the target cell) reveals its count achieving.
      const other = book.fact(`kpi:${k.id}:${c.arm}:achieved`, Math.round(c.share * c.persons));
      for (const key of ["threshold", ...DIFFERENCE]) other.reveals.push(book.ref("kpis", i, key));
      book.fact(`kpi:${k.id}:${c.arm}:persons`, c.persons);
      book.fact(`kpi:${k.id}:${c.arm}:not_achieved`, c.persons - other.value);
      book.equation(`kpi:${k.id}:${c.arm}:persons`, [other.key, `kpi:${k.id}:${c.arm}:not_achieved`], "KPI: achieved + not achieved = persons");
      book.equation(`kpi:${k.id}:${c.arm}:persons`, [`status:${k.outcome}:${c.arm}:observed`], "KPI persons = the outcome observed");
    });
  },
} satisfies FactSource<"kpis">;
