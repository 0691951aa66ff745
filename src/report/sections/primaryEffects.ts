/**
 * The memo table: per outcome and contrast one row with the primary estimator — the group means in the outcome's
 * unit, the difference (procentpoint for shares), its 95 % CI and p, in words a council memo can take as they are.
 */
import type { EffectEstimate } from "../../estimate/schema.ts";
import { estimatorName, formatKr, formatNumber } from "../i18n.ts";
import type { Cell } from "../suppression.ts";
import type { Table } from "../table.ts";
import { estimateHidden, outcomeUnitOf, primaryEstimatorOf, type OutcomeUnit } from "./estimateCells.ts";
import { armLabeller, outcomeLabeller, type ReportInput, type Texts } from "./section.ts";

export function primaryEffectsTable(input: ReportInput, t: Texts): Table | null {
  const { lang, minCell, run } = input;
  if (!run.effects) return null;
  const chosen = primaryEstimatorOf(input);
  const labelOf = outcomeLabeller(input);
  const armOf = armLabeller(input, t);
  const signed = (value: number, digits: number) => (value > 0 ? "+" : "") + formatNumber(lang, value, digits);
  const inUnit = (value: number | null, unit: OutcomeUnit, difference: boolean): string => {
    if (value === null) return "–";
    if (unit === "share") return difference ? `${signed(100 * value, 1)} ${t("percentagePoints")}` : `${formatNumber(lang, 100 * value, 1)} %`;
    if (unit === "unitKr") return difference ? `${value > 0 ? "+" : ""}${formatKr(lang, value)}` : formatKr(lang, value);
    const words = t(unit);
    const digits = unit === "unitConvictionsPerYear" ? 2 : 1;
    return `${difference ? signed(value, digits) : formatNumber(lang, value, digits)}${words ? ` ${words}` : ""}`;
  };
  const rows: Record<string, Cell>[] = [];
  const pairs = new Map<string, EffectEstimate[]>();
  for (const e of run.effects.estimates) pairs.set(`${e.outcome}\u0000${e.contrast}`, [...(pairs.get(`${e.outcome}\u0000${e.contrast}`) ?? []), e]);
  for (const estimates of pairs.values()) {
    const pick = estimates.find((e) => e.estimator === chosen && e.estimate !== null) ?? estimates.find((e) => e.estimator === "difference_in_means");
    if (!pick) continue;
    const unit = outcomeUnitOf(input, pick.outcome);
    const hidden = estimateHidden(pick, unit === "share", minCell);
    const [armTreated, armControl] = pick.contrast.split(" vs ").map((a) => armOf(a));
    // Group means are the raw means (the difference in means' own); the difference is the chosen estimator's.
    const means = estimates.find((e) => e.estimator === "difference_in_means") ?? pick;
    rows.push({
      outcome: labelOf(pick.outcome),
      outcome_id: pick.outcome,
      contrast: t("contrastWords", { arm: armTreated ?? "", control: (armControl ?? "").toLocaleLowerCase(lang === "da" ? "da-DK" : "en-GB") }),
      contrast_id: pick.contrast,
      means: hidden ? `<${minCell}` : t("meansSentence", { treated: inUnit(means.mean_treated, unit, false), control: inUnit(means.mean_control, unit, false), armTreated: armTreated ?? "", armControl: armControl ?? "" }),
      difference: hidden ? `<${minCell}` : inUnit(pick.estimate, unit, true),
      ci: hidden || pick.conf_low === null || pick.conf_high === null ? null : t("ciRange", { low: inUnit(pick.conf_low, unit, true), high: inUnit(pick.conf_high, unit, true) }),
      p: hidden ? null : pick.p_value,
      estimator: estimatorName(lang, pick.estimator),
      estimator_id: pick.estimator,
    });
  }
  return {
    id: "effects_primary",
    columns: [
      { key: "outcome", label: t("outcome"), kind: "text", id: "outcome_id" },
      { key: "contrast", label: t("arm"), kind: "text", id: "contrast_id", csvOnly: true },
      { key: "means", label: t("groupMeans"), kind: "text" },
      { key: "difference", label: t("difference"), kind: "text" },
      { key: "ci", label: t("ci"), kind: "text" },
      { key: "p", label: t("pValue"), kind: "p" },
      { key: "estimator", label: t("estimator"), kind: "text", id: "estimator_id" },
    ],
    rows,
  };
}
