/** Summary: as-of date, intake, persons per arm, the primary effect, the trial's savings and what is repaid. */
import { labelIn } from "../../shared/label.ts";
import { formatKr } from "../i18n.ts";
import { primaryResultOf } from "./primaryResult.ts";
import { lookPlanSentence, lookSentence } from "../monitoringText.ts";
import { planStatusHtml } from "../planStatus.ts";
import { repaymentSummaryRows } from "../repaymentTables.ts";
import { count } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import { armLabeller, isMatched, outcomeLabeller, primaryOutcomeOf, tableCollector, type SectionBuilder } from "./section.ts";

export const summarySection: SectionBuilder = (input, t) => {
  const { lang, minCell, run } = input;
  const { add, tables } = tableCollector(input);
  const primary = primaryOutcomeOf(input);
  const labelOf = outcomeLabeller(input);
  const armOf = armLabeller(input, t);
  const assigned = t(isMatched(input) ? "matchedWord" : "randomised");
  // The primary estimator's result, worded as the status page words it (./primaryResult.ts).
  const result = primaryResultOf(input, t);
  const look = lookSentence(run.monitoring, lang, t);
  const trialCase = run.projection?.cases.find((c) => c.notProjected === null && c.published.length === 0) ?? null;
  const summary: Table = {
    id: "summary",
    columns: [{ key: "figure", label: t("figure"), kind: "text", id: "figure_id" }, { key: "value", label: t("value"), kind: "text" }],
    rows: [
      { figure: t("asOf"), figure_id: "as_of", value: run.ingest.asOf },
      { figure: t("intake"), figure_id: "intake", value: String(count(run.ingest.persons, minCell)) },
      ...(run.assignment ? run.assignment.consort.arms.map((a) => ({ figure: `${assigned}: ${armOf(a.arm)}`, figure_id: `randomised:${a.arm}`, value: String(count(a.randomised, minCell)) })) : []),
      ...(result?.text ? [{ figure: `${t("effects")}: ${labelOf(primary)}`, figure_id: `effect:${primary}:${result.contrast}`, value: t("summaryEffect", { means: result.means, result: result.text }) }] : []),
      // With a monitoring plan the look's rule decides what counts, not p < 0.05 (src/report/monitoringText.ts).
      ...(look ? [{ figure: t("monitoringLabel"), figure_id: `monitoring:${primary}`, value: `${look} ${lookPlanSentence(run.monitoring!, lang, t)}` }] : []),
      ...(trialCase ? [{ figure: `${t("savings")} (${labelIn(lang, trialCase.title)})`, figure_id: `savings:${trialCase.name}`, value: formatKr(lang, trialCase.scenarios[0]!.totals.society) }] : []),
      ...(run.repayment ? repaymentSummaryRows(run.repayment, lang, t) : []),
    ],
  };
  return { html: `${input.plan ? planStatusHtml(input.plan, t) : ""}${add(summary)}<p class="note">${escapeHtml(t("suppressedNote", { n: minCell }))}</p>`, tables };
};
