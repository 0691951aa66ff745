/** Effects: KPI verdicts, every estimator per outcome and contrast, subgroups, and a forest plot. */
import { estimatorName, formatNumber, noteFormat, notesText } from "../i18n.ts";
import { reportAs } from "../../estimate/estimators.ts";
import { labelIn } from "../../shared/label.ts";
import { forestCandidates, forestFigure } from "./forest.ts";
import { count, isSmall, shareOf, type Cell } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import { armLabeller, contrastLabeller, outcomeLabeller, tableCollector, type ReportInput, type SectionBuilder, type Texts } from "./section.ts";
import { primaryEffectsTable } from "./primaryEffects.ts";
import { primaryEstimatorOf } from "./estimateCells.ts";
import { survivalSection } from "./survival.ts";
import { estimateColumns, subgroupTables } from "./subgroups.ts";


/** The appendix shows the estimators the one list marks for it (src/estimate/estimators.ts, reportAs). */
const shownInTable = (estimator: string) => reportAs(estimator)?.effectsTable === true;
const onReceived = (estimator: string) => reportAs(estimator)?.onReceived === true;

const KPI_VERDICT = { met: "kpiMet", not_met: "kpiNotMet", not_decided: "kpiNotDecided", better: "kpiBetter", not_shown: "kpiNotShown", not_yet_measurable: "kpiNotYetMeasurable" } as const;
/** How sure a verdict is, said from the interval (no count of persons, which may be small). */
const KPI_CERTAINTY = { met: "kpiIntervalClears", not_met: "kpiIntervalFails", not_decided: "kpiIntervalIncludes", better: "kpiDifferenceClears", not_shown: "kpiDifferenceIncludes", not_yet_measurable: "kpiTooFewPersons" } as const;
const KPI_DIRECTION = { at_least: "kpiAtLeast", at_most: "kpiAtMost", below_control: "kpiBelowControl", above_control: "kpiAboveControl" } as const;
type KpiRow = NonNullable<ReportInput["run"]["effects"]>["kpis"][number];

/** The KPI table: share and interval; the direction in words; the target (a fixed share, or the comparison group's) and the difference between arms with its interval; the verdict. */
function kpiTable(input: ReportInput, t: Texts): Table {
  const { lang, minCell, run } = input;
  const armOf = armLabeller(input, t);
  const row = (k: KpiRow): Record<string, Cell> => {
    const hide = shareOf(k.share, k.persons, minCell);
    const measurable = k.verdict !== "not_yet_measurable";
    const versus = k.comparison !== null && measurable;
    const target = !measurable ? null : (k.threshold ?? k.comparison?.share ?? null);
    return { kpi: labelIn(lang, k.label), kpi_id: k.id, arm: k.arm === null ? "" : armOf(k.arm), arm_id: k.arm, persons: count(k.persons, minCell), share: hide ? `<${minCell}` : k.share, low: hide ? null : (k.interval?.[0] ?? null), high: hide ? null : (k.interval?.[1] ?? null), direction: t(KPI_DIRECTION[k.direction]), threshold: target, difference: versus && !hide ? (k.comparison!.difference ?? null) : null, difference_low: versus && !hide ? (k.comparison!.interval?.[0] ?? null) : null, difference_high: versus && !hide ? (k.comparison!.interval?.[1] ?? null) : null, verdict: t(KPI_VERDICT[k.verdict]), certainty: t(KPI_CERTAINTY[k.verdict]) };
  };
  return {
    id: "kpis",
    columns: [
      { key: "kpi", label: "KPI", kind: "text", id: "kpi_id" },
      { key: "arm", label: t("arm"), kind: "text", id: "arm_id" },
      { key: "persons", label: "n", kind: "count" },
      { key: "share", label: t("mean"), kind: "percent" },
      { key: "low", label: t("ciLow"), kind: "percent" },
      { key: "high", label: t("ciHigh"), kind: "percent" },
      { key: "direction", label: t("kpiDirection"), kind: "text" },
      { key: "threshold", label: t("kpiTarget"), kind: "percent" },
      { key: "difference", label: t("kpiDifference"), kind: "points" },
      { key: "difference_low", label: t("ciLow"), kind: "points" },
      { key: "difference_high", label: t("ciHigh"), kind: "points" },
      { key: "verdict", label: t("verdict"), kind: "text" },
      { key: "certainty", label: t("note"), kind: "text" },
    ],
    rows: (run.effects?.kpis ?? []).map(row),
  };
}

/** Every estimator per outcome and contrast (the appendix). */
export function allEstimates(input: ReportInput, t: Texts): { table: Table } | null {
  const { lang, minCell, run } = input;
  if (!run.effects) return null;
  const labelOf = outcomeLabeller(input);
  const contrastOf = contrastLabeller(input, t);
  const rows: Record<string, Cell>[] = [];
  for (const e of run.effects.estimates.filter((x) => shownInTable(x.estimator))) {
    const events = (mean: number | null, n: number) => (mean === null ? false : shareOf(mean, n, minCell));
    const binary = run.ingest.outcomes.find((o) => o.id === e.outcome)?.type === "binary";
    const hide = isSmall(e.n_treated, minCell) || isSmall(e.n_control, minCell) || (binary && (events(e.mean_treated, e.n_treated) || events(e.mean_control, e.n_control)));
    const cellOf = (v: number | null | undefined): Cell => (hide ? `<${minCell}` : (v ?? null));
    rows.push({
      outcome: labelOf(e.outcome),
      outcome_id: e.outcome,
      contrast: contrastOf(e.contrast),
      contrast_id: e.contrast,
      estimator: estimatorName(lang, e.estimator),
      estimator_id: e.estimator,
      n_treated: count(e.n_treated, minCell),
      n_control: count(e.n_control, minCell),
      estimate: cellOf(e.estimate), // ratio estimators are on the ratio scale in effects.json
      conf_low: cellOf(e.conf_low),
      conf_high: cellOf(e.conf_high),
      p: hide ? null : e.p_value,
      p_holm: hide ? null : (e.p_value_holm ?? null),
      p_bh: hide ? null : (e.p_value_bh ?? null),
      relative: hide ? null : (e.relative_effect ?? null),
      // The CACE note could name the shares who received the programme (counts below 5): the report gives the first-stage F only.
      note: onReceived(e.estimator)
        ? [t("cace"), e.first_stage_f === null || e.first_stage_f === undefined || hide ? "" : `${t("firstStageF")} ${formatNumber(lang, e.first_stage_f, 1)}`].filter(Boolean).join("; ")
        : [e.randomised === false ? t("notRandomisedShort") : "", e.notes && e.notes.length > 0 ? notesText(lang, e.notes, noteFormat(lang, armLabeller(input, t))) : e.estimator === "logistic" ? t("oddsRatio") : e.estimator === "poisson" ? t("rateRatio") : ""].filter(Boolean).join("; "),
    });
  }
  const effects: Table = {
    id: "effects",
    columns: [
      { key: "outcome", label: t("outcome"), kind: "text", id: "outcome_id" },
      { key: "contrast", label: t("arm"), kind: "text", id: "contrast_id" },
      { key: "estimator", label: t("estimator"), kind: "text", id: "estimator_id" },
      ...estimateColumns(t),
      { key: "p_holm", label: t("holm"), kind: "p" },
      { key: "p_bh", label: t("bh"), kind: "p" },
      { key: "relative", label: t("relative"), kind: "percent" },
      { key: "note", label: t("note"), kind: "text" },
    ],
    rows,
  };
  return { table: effects };
}

export const effectsSection: SectionBuilder = async (input, t) => {
  const { lang, run } = input;
  const all = allEstimates(input, t);
  if (!run.effects || !all) return null;
  const { add, tables } = tableCollector(input);
  // The forest plot: absolute differences of the memo table's estimator (./forest.ts), drawn after the disclosure engine.
  const candidates = forestCandidates(input, t);
  const primary = primaryEffectsTable(input, t)!;
  const subgroupParts = subgroupTables(input, t); // ./subgroups.ts
  const kpis = kpiTable(input, t);
  const designNote = run.effects.design === "randomised" ? "" : `<p class="note"><b>${escapeHtml(t("notRandomisedNote"))}</b></p>`;
  const html =
    designNote +
    (kpis.rows.length > 0 ? add(kpis) : "") +
    `<h3>${escapeHtml(t("primaryEffects", { estimator: estimatorName(lang, primaryEstimatorOf(input)) }))}</h3>` +
    add(primary) +
    `<p class="note">${escapeHtml(t("primaryNote", { estimator: estimatorName(lang, primaryEstimatorOf(input)) }))}</p>` +
    // The group means are raw; an adjusted estimator's difference is not their difference (issue #28).
    (primary.rows.some((r) => r.estimator_id !== "difference_in_means" && r.estimator_id !== "difference_in_means_blocked") ? `<p class="note">${escapeHtml(t("rawMeansNote"))}</p>` : "") + (subgroupParts ? `<h3>${escapeHtml(t("subgroupsHeading"))}</h3><p class="note">${escapeHtml(t("subgroupsNote"))}</p>${add(subgroupParts.subgroups)}${subgroupParts.interactions.rows.length > 0 ? `<h3>${escapeHtml(t("interactionsHeading"))}</h3>${add(subgroupParts.interactions)}` : ""}` : "") + (candidates.length > 0 ? input.later.figure("forest", async (disclosure) => forestFigure(candidates, disclosure, input, t)) : "");
  const survival = await survivalSection(input, run.effects, t); // time-to-event outcomes: ./survival.ts
  return { html: survival ? `${html}<h3>${escapeHtml(t("survivalHeading"))}</h3>${survival.tables.map(add).join("")}${survival.html}` : html, tables };
};
