/**
 * The primary outcome's result, one text for every place that states it — the summary, the status page (and so the
 * portfolio, which reads the status CSV) — taken from the memo table's row (effects_primary): the estimator
 * `primaryEstimatorOf` names, the difference in the outcome's unit (procentpoint, days, kr. …), its 95 % CI and p,
 * and the estimator named once in the report's language.
 */
import { formatP } from "../i18n.ts";
import { primaryEffectsTable } from "./primaryEffects.ts";
import { primaryOutcomeOf, type ReportInput, type Texts } from "./section.ts";

export interface PrimaryResult {
  readonly outcome: string;
  readonly contrast: string;
  /** The estimator whose result this is (its id, as in effects.csv's estimator column). */
  readonly estimator: string;
  /** The group means in words (the memo table's), for the summary. */
  readonly means: string;
  /** "+8,0 procentpoint (95 % KI … ; p = 0,125); estimator: Justeret for baggrundsvariable (OLS)"; null when hidden. */
  readonly text: string | null;
}

export function primaryResultOf(input: ReportInput, t: Texts): PrimaryResult | null {
  const primary = primaryOutcomeOf(input);
  const row = primaryEffectsTable(input, t)?.rows.find((r) => r.outcome_id === primary);
  if (!row) return null;
  const hidden = typeof row.difference !== "string" || row.difference.startsWith("<") || typeof row.means !== "string";
  return {
    outcome: primary,
    contrast: String(row.contrast_id),
    estimator: String(row.estimator_id),
    means: String(row.means),
    text: hidden ? null : t("primaryResult", { difference: String(row.difference), ci: String(row.ci ?? "–"), p: formatP(input.lang, row.p as number | null), estimator: String(row.estimator) }),
  };
}
