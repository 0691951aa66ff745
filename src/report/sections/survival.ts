/**
 * The time-to-event part of the effects section: per time-to-event outcome, Kaplan–Meier curves
 * per arm with their confidence bands, a table of the curves at the requested times with the
 * numbers at risk, and one line with the log-rank, Cox and RMST estimates.
 *
 * Suppression: a number at risk below `minCell` is shown as "<minCell"; a share is shown only
 * when at least `minCell` events lie behind it and at least `minCell` are still at risk; the
 * drawn curve is coarsened so that every step holds at least `minCell` events and stops when
 * fewer than `minCell` are at risk — no step can be read back to a count of fewer persons.
 */
import type { EffectsArtefact, SurvivalPoint } from "../../estimate/schema.ts";
import { renderSvg, survivalCurves } from "../charts.ts";
import { figureHtml } from "../figure.ts";
import { formatNumber, formatP } from "../i18n.ts";
import { count, isSmall } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import { armLabeller, contrastLabeller, outcomeLabeller, type ReportInput, type Texts } from "./section.ts";

export interface SurvivalSection {
  readonly tables: Table[];
  /** HTML to show after the tables: the charts and the tests, per outcome. */
  readonly html: string;
}

/** null when the effects hold no time-to-event outcome. */
export async function survivalSection(input: ReportInput, effects: EffectsArtefact, t: Texts): Promise<SurvivalSection | null> {
  const { lang, minCell } = input;
  const points = effects.survival ?? [];
  if (points.length === 0) return null;
  const labelOf = outcomeLabeller(input);
  const armOf = armLabeller(input, t);
  const contrastOf = contrastLabeller(input, t);
  const curves = effects.survival_curves ?? [];
  const outcomes = [...new Set(points.map((p) => p.outcome))];
  const table: Table = {
    id: "survival",
    columns: [
      { key: "outcome", label: t("outcome"), kind: "text", id: "outcome_id" },
      { key: "arm", label: t("arm"), kind: "text", id: "arm_id" },
      { key: "time", label: t("survivalTime"), kind: "number", digits: 0 },
      { key: "survival", label: t("survivalShare"), kind: "percent" },
      { key: "low", label: t("ciLow"), kind: "percent" },
      { key: "high", label: t("ciHigh"), kind: "percent" },
      { key: "at_risk", label: t("survivalAtRisk"), kind: "count" },
    ],
    rows: points.map((p) => {
      const events = eventsBy(curves, p.outcome, p.arm, p.time);
      const hide = p.survival === null || isSmall(events, minCell) || isSmall(p.n_risk, minCell);
      return { outcome: labelOf(p.outcome), outcome_id: p.outcome, arm: armOf(p.arm), arm_id: p.arm, time: p.time, survival: hide ? (p.survival === null ? null : `<${minCell}`) : p.survival, low: hide ? null : p.conf_low, high: hide ? null : p.conf_high, at_risk: count(p.n_risk, minCell) };
    }),
  };
  const parts: string[] = [`<p class="note">${escapeHtml(t("survivalNote", { n: minCell }))}</p>`];
  for (const outcome of outcomes) {
    const label = labelOf(outcome);
    const arms = [...new Set(curves.filter((c) => c.outcome === outcome).map((c) => c.arm))];
    const drawn = arms.flatMap((arm) => coarsened(curves.filter((c) => c.outcome === outcome && c.arm === arm), minCell).map((p) => ({ arm: armOf(arm), ...p })));
    if (drawn.length > arms.length) parts.push(figureHtml(await renderSvg(survivalCurves(drawn, label, t("survivalTime"), t("survivalShare")), lang), { caption: `${t("figureWord")}: ${t("survivalCurve", { outcome: label })}.`, description: t("survivalDescription", { outcome: label }) }, "survival-curves"));
    for (const contrast of [...new Set(effects.estimates.filter((e) => e.outcome === outcome).map((e) => e.contrast))]) {
      const pick = (estimator: string) => effects.estimates.find((e) => e.outcome === outcome && e.contrast === contrast && e.estimator === estimator);
      const [logrank, cox, rmst] = [pick("logrank"), pick("cox"), pick("rmst")];
      if (!logrank || logrank.statistic === null) continue;
      const number = (x: number | null | undefined, digits: number) => formatNumber(lang, x ?? null, digits);
      parts.push(
        `<p>${escapeHtml(`${label}, ${contrastOf(contrast).toLocaleLowerCase(lang === "da" ? "da-DK" : "en-GB")}: `)}${escapeHtml(
          t("survivalTests", {
            chisq: number(logrank.statistic, 2),
            p: formatP(lang, logrank.p_value),
            hr: number(cox?.estimate, 2),
            ci: `${number(cox?.conf_low, 2)} – ${number(cox?.conf_high, 2)}`,
            tau: number(rmst?.tau, 0),
            rmst: number(rmst?.estimate, 1),
            rmstCi: `${number(rmst?.conf_low, 1)} – ${number(rmst?.conf_high, 1)}`,
          }),
        )}</p>`,
      );
    }
  }
  return { tables: [table], html: parts.join("\n") };
}

/** Events in an arm's curve up to and including a time. */
function eventsBy(curves: readonly SurvivalPoint[], outcome: string, arm: string, time: number): number {
  return curves.filter((c) => c.outcome === outcome && c.arm === arm && c.time <= time).reduce((sum, c) => sum + (c.n_event ?? 0), 0);
}

/** The curve from (0, 1), keeping a step only once at least `minCell` events lie behind it since the last kept step, while at least `minCell` are at risk. */
function coarsened(steps: readonly SurvivalPoint[], minCell: number): { time: number; survival: number; low: number; high: number }[] {
  const kept = [{ time: 0, survival: 1, low: 1, high: 1 }];
  let events = 0;
  for (const step of steps) {
    if (step.n_risk < minCell) break;
    events += step.n_event ?? 0;
    if (events >= minCell && step.survival !== null && step.conf_low !== null && step.conf_high !== null) {
      kept.push({ time: step.time, survival: step.survival, low: step.conf_low, high: step.conf_high });
      events = 0;
    }
  }
  return kept;
}
