/**
 * Changes since the previous run (--compare): which run that is (its as-of date and its manifest's SHA-256), intake,
 * observed values, effects and repayments then and now. Each estimate is the primary estimator's (as the memo table
 * and the summary show it), a share's difference in procentpoint, and its estimator is named in the note.
 */
import { labelIn } from "../../shared/label.ts";
import { estimatorName } from "../i18n.ts";
import { repaymentChangeRows } from "../repaymentTables.ts";
import { count, isSmall, type Cell } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import { outcomeUnitOf, primaryEstimatorOf } from "./estimateCells.ts";
import { formatDate } from "./status.ts";
import { lookSentence } from "../monitoringText.ts";
import { contrastLabeller, outcomeLabeller, tableCollector, type SectionBuilder } from "./section.ts";
import type { ColumnKind } from "../table.ts";

/** The manifest's SHA-256 as the page shows it; the CSV holds it whole. */
const SHORT_SHA = 12;

export const changesSection: SectionBuilder = (input, t) => {
  if (!input.previous) return null;
  const { run, minCell, lang } = input;
  const { add, tables } = tableCollector(input);
  const prev = input.previous.run;
  const sha = input.previous.manifestSha256;
  const rows: Record<string, Cell>[] = [
    { figure: t("asOf"), figure_id: "as_of", previous: input.previous.asOf, current: run.ingest.asOf },
    // This run's manifest is written after its report, so only the previous run's hash can be shown.
    { figure: t("manifestSha256"), figure_id: "manifest_sha256", previous: `${sha.slice(0, SHORT_SHA)}…`, current: null, sha256: sha },
    { figure: t("intake"), figure_id: "intake", previous: count(prev.ingest.persons, minCell), current: count(run.ingest.persons, minCell) },
    ...run.ingest.outcomes.map((o) => ({ figure: `${t("observed")}: ${labelIn(lang, o.label)}`, figure_id: `observed:${o.id}`, previous: count(prev.ingest.outcomes.find((p) => p.id === o.id)?.observed ?? null, minCell), current: count(o.observed, minCell) })),
  ];
  const kinds: ColumnKind[] = ["text", "text", ...rows.slice(2).map(() => "count" as const)];
  const labelOf = outcomeLabeller(input);
  const contrastOf = contrastLabeller(input, t);
  const chosen = primaryEstimatorOf(input);
  const estimates = run.effects?.estimates ?? [];
  const pairs = [...new Set(estimates.map((e) => `${e.outcome}\u0000${e.contrast}`))];
  for (const pair of pairs) {
    const same = estimates.filter((e) => `${e.outcome}\u0000${e.contrast}` === pair);
    // The memo table's choice (./primaryEffects.ts): the primary estimator, else the difference in means.
    const e = same.find((x) => x.estimator === chosen && x.estimate !== null) ?? same.find((x) => x.estimator === "difference_in_means");
    if (!e) continue;
    const before = prev.effects?.estimates.find((p) => p.outcome === e.outcome && p.contrast === e.contrast && p.estimator === e.estimator);
    const small = (x: { n_treated: number; n_control: number } | undefined) => x !== undefined && (isSmall(x.n_treated, minCell) || isSmall(x.n_control, minCell));
    const unit = outcomeUnitOf(input, e.outcome);
    const words = unit === "share" ? "" : t(unit);
    rows.push({
      figure: `${t("estimate")}: ${labelOf(e.outcome)} (${contrastOf(e.contrast)})${words ? `, ${words}` : ""}`,
      figure_id: `estimate:${e.outcome}:${e.contrast}`,
      previous: small(before) ? `<${minCell}` : (before?.estimate ?? null),
      current: small(e) ? `<${minCell}` : e.estimate,
      note: estimatorName(lang, e.estimator),
      estimator: estimatorName(lang, e.estimator),
      estimator_id: e.estimator,
    });
    kinds.push(unit === "share" ? "points" : "number");
  }
  if (run.monitoring || prev.monitoring) {
    // One look per quarter: the look then and now, in the summary's words (../monitoringText.ts).
    rows.push({ figure: t("monitoringLabel"), figure_id: "monitoring", previous: lookSentence(prev.monitoring, lang, t), current: lookSentence(run.monitoring, lang, t) });
    kinds.push("text");
  }
  if (run.repayment) {
    const repaymentRows = repaymentChangeRows(run.repayment, prev.repayment, lang, t);
    rows.push(...repaymentRows);
    kinds.push(...repaymentRows.map(() => "kr" as const));
  }
  const changes: Table = {
    id: "changes",
    columns: [
      { key: "figure", label: t("figure"), kind: "text", id: "figure_id" },
      { key: "previous", label: t("previous"), kind: "number", digits: 3 },
      { key: "current", label: t("current"), kind: "number", digits: 3 },
      { key: "note", label: t("note"), kind: "text" },
      { key: "estimator", label: t("estimator"), kind: "text", id: "estimator_id", csvOnly: true },
      { key: "sha256", label: t("manifestSha256"), kind: "text", csvOnly: true },
    ],
    rows,
    rowKinds: kinds,
  };
  const named = t("previousRun", { date: formatDate(lang, input.previous.asOf), sha: `${sha.slice(0, SHORT_SHA)}…` });
  return { html: `<p>${escapeHtml(named)}</p>` + add(changes), tables };
};
