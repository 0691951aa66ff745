/**
 * The effects section's forest plot: per outcome and contrast the primary estimator's absolute difference with
 * its 95 % CI (percentage points for shares, the outcome's own unit otherwise), one panel per unit and direction,
 * the side favouring the programme from the outcome's `direction`. Drawn after the disclosure engine: only what
 * `disclosure.estimateShown` allows; every outcome not drawn is named beneath the plot.
 */
import type { EffectEstimate } from "../../estimate/schema.ts";
import type { Disclosure } from "../disclosure/discloseTables.ts";
import { forestSvg, type ForestPanel, type ForestRow } from "../forestPlot.ts";
import { estimatorName } from "../i18n.ts";
import { escapeHtml } from "../table.ts";
import { figureHtml } from "../figure.ts";
import { estimateHidden, outcomeUnitOf, primaryEstimatorOf, type OutcomeUnit } from "./estimateCells.ts";
import { armLabeller, contrastLabeller, outcomeLabeller, type SectionInput, type Texts } from "./section.ts";

/** One outcome and contrast: its estimate in the panel's unit, or null when there is nothing to draw. */
export interface ForestCandidate {
  readonly outcome: string;
  readonly contrast: string;
  readonly label: string;
  readonly unit: OutcomeUnit;
  readonly favours: "higher" | "lower" | null;
  readonly row: ForestRow | null;
}

/** Per outcome and contrast the estimate the memo table shows (the primary estimator, else the difference in means). */
export function forestCandidates(input: SectionInput, t: Texts): ForestCandidate[] {
  const { run, minCell } = input;
  if (!run.effects) return [];
  const chosen = primaryEstimatorOf(input);
  const labelOf = outcomeLabeller(input);
  const contrastOf = contrastLabeller(input, t);
  const contrasts = new Set(run.effects.estimates.map((e) => e.contrast));
  const pairs = new Map<string, EffectEstimate[]>();
  for (const e of run.effects.estimates) pairs.set(`${e.outcome}\u0000${e.contrast}`, [...(pairs.get(`${e.outcome}\u0000${e.contrast}`) ?? []), e]);
  const out: ForestCandidate[] = [];
  for (const estimates of pairs.values()) {
    const pick = estimates.find((e) => e.estimator === chosen && e.estimate !== null) ?? estimates.find((e) => e.estimator === "difference_in_means");
    if (!pick) continue;
    const unit = outcomeUnitOf(input, pick.outcome);
    const direction = input.spec.outcomes.find((o) => o.id === pick.outcome)?.direction;
    const scale = unit === "share" ? 100 : 1;
    const drawable = !estimateHidden(pick, unit === "share", minCell) && pick.estimate !== null && pick.conf_low !== null && pick.conf_high !== null && Number.isFinite(pick.conf_low) && Number.isFinite(pick.conf_high);
    const label = `${labelOf(pick.outcome)}${contrasts.size > 1 ? ` (${contrastOf(pick.contrast)})` : ""}`;
    out.push({
      outcome: pick.outcome,
      contrast: pick.contrast,
      label,
      unit,
      favours: direction === "higher_is_better" ? "higher" : direction === "lower_is_better" ? "lower" : null,
      row: drawable ? { label, estimate: scale * pick.estimate!, low: scale * pick.conf_low!, high: scale * pick.conf_high! } : null,
    });
  }
  return out;
}

/** The figure: panels of what the disclosed tables still show, and the outcomes not drawn in words beneath. */
export function forestFigure(candidates: readonly ForestCandidate[], disclosure: Disclosure, input: SectionInput, t: Texts): string {
  const drawn = candidates.filter((c) => c.row !== null && disclosure.estimateShown(c.outcome, c.contrast));
  const missing = candidates.filter((c) => !drawn.includes(c));
  const unitWords = (unit: OutcomeUnit) => (unit === "share" ? t("forestUnitShare") : unit === "unitNone" ? t("forestUnitNone") : t(unit));
  const directionWords = (f: ForestCandidate["favours"]) => t(f === "higher" ? "forestHigherBetter" : f === "lower" ? "forestLowerBetter" : "forestNoDirection");
  const panels = new Map<string, ForestPanel & { rows: ForestRow[] }>();
  for (const c of drawn) {
    const key = `${c.unit}\u0000${c.favours}`;
    const words = unitWords(c.unit);
    if (!panels.has(key)) panels.set(key, { title: `${words.charAt(0).toLocaleUpperCase(input.lang === "da" ? "da-DK" : "en-GB")}${words.slice(1)} (${directionWords(c.favours)})`, unit: words, favours: c.favours, rows: [] });
    panels.get(key)!.rows.push(c.row!);
  }
  const armOf = armLabeller(input, t);
  const control = input.spec.assignment?.arms.find((a) => a.control)?.name ?? input.run.assignment?.design.arms.find((a) => a.control)?.name;
  const against = t("forestAgainst", { arm: control === undefined ? "" : armOf(control).toLocaleLowerCase(input.lang === "da" ? "da-DK" : "en-GB") });
  const note = missing.length > 0 ? `<p class="note forest-not-drawn">${escapeHtml(t("forestNotDrawn", { outcomes: missing.map((c) => c.label).join("; ") }))}</p>` : "";
  if (panels.size === 0) return note;
  const list = [...panels.values()];
  const description = t("forestDescription", { units: list.map((p) => p.title).join("; ") });
  const caption = `${t("figureWord")}: ${t("forestTitle")}. ${t("forestCaption", { estimator: estimatorName(input.lang, primaryEstimatorOf(input)) })}`;
  return figureHtml(forestSvg(list, { favours: t("forestFavours"), against }, input.lang), { caption, description }, "forest") + note;
}

