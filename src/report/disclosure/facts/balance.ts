/** Balance: a binary or categorical covariate's share reveals the persons having it; a categorical covariate's levels add up to the arm's n. */
import type { FactSource } from "./factBook.ts";

const REVEALING = ["mean_arm", "sd_arm", "mean_control", "sd_control", "smd", "p", "flag"];

export const balanceFacts = {
  tables: ["balance"],
  collect(book, run) {
    const rows = run.assignment?.balance.rows ?? [];
    rows.forEach((r, i) => {
      if (r.type === "continuous") return;
      r.arms.forEach((a, j) => {
        const nKey = `balance:${r.comparison}:${r.covariate}:${j}:n`;
        book.show(book.fact(nKey, a.n), book.ref("balance", i, j === 0 ? "n_arm" : "n_control"));
        book.equation(nKey, [`randomised:${a.arm}`], "balance n = n randomised");
        const having = Math.round((a.mean ?? 0) * a.n);
        const f = book.fact(`balance:${r.comparison}:${r.covariate}:${r.level ?? ""}:${j}`, having, { group: `balance:${i}` });
        for (const key of REVEALING) f.reveals.push(book.ref("balance", i, key));
        f.cells.push(book.ref("balance", i, j === 0 ? "mean_arm" : "mean_control"));
        if (r.level === null) {
          book.fact(`balance:${r.comparison}:${r.covariate}::${j}:not`, a.n - having);
          book.equation(nKey, [f.key, `balance:${r.comparison}:${r.covariate}::${j}:not`], "a binary covariate: having + not having = n");
        }
      });
    });
    const byCovariate = new Map<string, (typeof rows)[number][]>();
    for (const r of rows) if (r.type === "categorical") byCovariate.set(`${r.comparison}:${r.covariate}`, [...(byCovariate.get(`${r.comparison}:${r.covariate}`) ?? []), r]);
    for (const [key, levels] of byCovariate) for (let j = 0; j < 2; j++) book.equation(`balance:${key}:${j}:n`, levels.map((l) => `balance:${key}:${l.level ?? ""}:${j}`), "a categorical covariate's levels add up to n");
  },
} satisfies FactSource<"balance">;
