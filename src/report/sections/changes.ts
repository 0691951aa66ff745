/** Changes since the previous run (--compare): intake, observed values, effects and repayments then and now. */
import { labelIn } from "../../shared/label.ts";
import { repaymentChangeRows } from "../repaymentTables.ts";
import { count, isSmall, type Cell } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import { contrastLabeller, outcomeLabeller, tableCollector, type SectionBuilder } from "./section.ts";
import type { ColumnKind } from "../table.ts";

export const changesSection: SectionBuilder = (input, t) => {
  if (!input.previous) return null;
  const { run, minCell } = input;
  const { add, tables } = tableCollector(input);
  const prev = input.previous.run;
  const rows: Record<string, Cell>[] = [
    { figure: t("intake"), figure_id: "intake", previous: count(prev.ingest.persons, minCell), current: count(run.ingest.persons, minCell) },
    ...run.ingest.outcomes.map((o) => ({ figure: `${t("observed")}: ${labelIn(input.lang, o.label)}`, figure_id: `observed:${o.id}`, previous: count(prev.ingest.outcomes.find((p) => p.id === o.id)?.observed ?? null, minCell), current: count(o.observed, minCell) })),
  ];
  const kinds: ColumnKind[] = rows.map(() => "count");
  const labelOf = outcomeLabeller(input);
  const contrastOf = contrastLabeller(input, t);
  for (const e of run.effects?.estimates.filter((x) => x.estimator === "difference_in_means") ?? []) {
    const before = prev.effects?.estimates.find((p) => p.outcome === e.outcome && p.contrast === e.contrast && p.estimator === e.estimator);
    const small = (x: { n_treated: number; n_control: number } | undefined) => x !== undefined && (isSmall(x.n_treated, minCell) || isSmall(x.n_control, minCell));
    rows.push({ figure: `${t("estimate")}: ${labelOf(e.outcome)} (${contrastOf(e.contrast)})`, figure_id: `estimate:${e.outcome}:${e.contrast}`, previous: small(before) ? `<${minCell}` : (before?.estimate ?? null), current: small(e) ? `<${minCell}` : e.estimate });
    kinds.push("number");
  }
  if (run.repayment) {
    const repaymentRows = repaymentChangeRows(run.repayment, prev.repayment, input.lang, t);
    rows.push(...repaymentRows);
    kinds.push(...repaymentRows.map(() => "kr" as const));
  }
  const changes: Table = { id: "changes", columns: [{ key: "figure", label: t("figure"), kind: "text", id: "figure_id" }, { key: "previous", label: t("previous"), kind: "number", digits: 3 }, { key: "current", label: t("current"), kind: "number", digits: 3 }, { key: "note", label: t("note"), kind: "text" }], rows, rowKinds: kinds };
  return { html: `<p>${escapeHtml(`${t("previous")}: ${input.previous.label}`)}</p>` + add(changes), tables };
};
