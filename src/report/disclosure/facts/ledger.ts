/**
 * The ledger lines (repayment_lines, every contract's lines in order): a line's amount ÷ its
 * price is its persons; a difference line's basis shows n analysed and the arms' means, and with
 * a non-zero amount the means (here and in the effects table) give n back.
 */
import { contrastArms, type FactSource } from "./factBook.ts";
import { effectRowOf, nKeys, shownEstimates } from "./effects.ts";

export const ledgerFacts = {
  tables: ["repayment_lines", "effects"],
  collect(book, run) {
    const estimates = shownEstimates(book, run);
    let line = 0;
    for (const c of run.repayment?.contracts ?? []) {
      for (const l of c.lines) {
        const row = line++;
        for (const side of ["n_treated", "n_control"] as const) {
          const e = estimates.find((x) => x.outcome === l.item && x.estimator === "difference_in_means");
          const n = e && l.basis[side] !== undefined ? book.facts.get(nKeys(e)[side === "n_treated" ? 0 : 1]) : undefined;
          if (!e || !n) continue;
          n.cells.push(book.ref("repayment_lines", row, "basis", side));
          const mean = side === "n_treated" ? "mean_treated" : "mean_control";
          const arm = contrastArms(e.contrast)[side === "n_treated" ? 0 : 1];
          book.quantity(`repayment_lines ${c.name} ${l.period}: ${mean}`, [book.ref("repayment_lines", row, "basis", mean)], n.key, `randomised:${arm}`, e.outcome, l.basis[mean]);
          // A difference line pays (mean꜀ − meanₜ) × price × nₜ: with a non-zero amount, the means (here and in the effects table) give n back.
          if (l.amount !== null && l.amount !== 0) {
            for (const name of ["mean_treated", "mean_control", "conf_high"]) n.reveals.push(book.ref("repayment_lines", row, "basis", name));
            const at = effectRowOf(book.rowsOf("effects"), e);
            for (const key of ["estimate", "conf_low", "conf_high", "relative"]) n.reveals.push(book.ref("effects", at, key));
          }
        }
        const personsKey = Object.keys(l.basis).find((k) => k === "persons" || k === "persons_at_cap");
        if (!personsKey) continue;
        const f = book.fact(`line:${c.name}:${l.period}:${row}:${typeof l.item === "string" ? l.item : l.item.en}`, l.basis[personsKey] ?? 1, { group: `period:${c.name}:${l.period}` });
        f.cells.push(book.ref("repayment_lines", row, "basis", personsKey), book.ref("repayment_lines", row, "amount"));
      }
    }
  },
} satisfies FactSource<"repayment_lines" | "effects">;
