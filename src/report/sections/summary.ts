/**
 * Summary: in sentences (./memo.ts) — who was assigned and followed, the primary effect and whether it is significant,
 * secondary outcomes after Holm, net savings per sector, repayment per contract, failed checks — from the summary table
 * (summary.csv, not shown on the page) and the other disclosed tables.
 */
import { labelIn } from "../../shared/label.ts";
import { primaryResultOf } from "./primaryResult.ts";
import { lookPlanSentence, lookSentence } from "../monitoringText.ts";
import { planStatusHtml } from "../planStatus.ts";
import { repaymentSummaryRows } from "../repaymentTables.ts";
import { count, type Cell } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import { memoSentences } from "./memo.ts";
import { armLabeller, isMatched, outcomeLabeller, primaryOutcomeOf, tableCollector, type SectionBuilder } from "./section.ts";

export const summarySection: SectionBuilder = (input, t) => {
  const { lang, minCell, run } = input;
  const { tables } = tableCollector(input);
  const primary = primaryOutcomeOf(input);
  const labelOf = outcomeLabeller(input);
  const armOf = armLabeller(input, t);
  const assigned = t(isMatched(input) ? "matchedWord" : "randomised");
  // The primary estimator's result, worded as the status page words it (./primaryResult.ts).
  const result = primaryResultOf(input, t);
  const look = lookSentence(run.monitoring, lang, t);
  const trialCase = run.projection?.cases.find((c) => c.notProjected === null && c.published.length === 0) ?? null;
  const rows: Record<string, Cell>[] = [
    { figure: t("asOf"), figure_id: "as_of", value: run.ingest.asOf },
    { figure: t("intake"), figure_id: "intake", value: count(run.ingest.persons, minCell) },
    ...(run.assignment ? run.assignment.consort.arms.map((a) => ({ figure: `${assigned}: ${armOf(a.arm)}`, figure_id: `randomised:${a.arm}`, value: count(a.randomised, minCell) })) : []),
    ...(result?.text ? [{ figure: `${t("effects")}: ${labelOf(primary)}`, figure_id: `effect:${primary}:${result.contrast}`, value: t("summaryEffect", { means: result.means, result: result.text }) }] : []),
    // With a monitoring plan the look's rule decides what counts, not p < 0.05 (src/report/monitoringText.ts).
    ...(look ? [{ figure: t("monitoringLabel"), figure_id: `monitoring:${primary}`, value: `${look} ${lookPlanSentence(run.monitoring!, lang, t)}` }] : []),
    ...(trialCase ? [{ figure: `${t("savings")} (${labelIn(lang, trialCase.title)})`, figure_id: `savings:${trialCase.name}`, value: trialCase.scenarios[0]!.totals.society }] : []),
    ...(run.repayment ? repaymentSummaryRows(run.repayment, lang, t) : []),
  ];
  // Counts are numbers in a count column; the trial's savings a number shown as kr.; dates and sentences stay text.
  const summary: Table = {
    id: "summary",
    columns: [{ key: "figure", label: t("figure"), kind: "text", id: "figure_id" }, { key: "value", label: t("value"), kind: "count" }],
    rows,
    rowKinds: rows.map((r) => (String(r.figure_id).startsWith("savings:") ? "kr" : undefined)),
  };
  // The summary is sentences (./memo.ts), written from the disclosed tables; the table behind them is summary.csv.
  tables.push(summary);
  const sentences = input.later.figure("memo", async (disclosure) => memoSentences(input, t, disclosure.tables).map((s) => `<p>${escapeHtml(s)}</p>`).join("\n"));
  return { html: `${input.plan ? planStatusHtml(input.plan, t) : ""}${sentences}<p class="note">${escapeHtml(t("suppressedNote", { n: minCell }))}</p>`, tables };
};
