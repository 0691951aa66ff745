/**
 * Differential rule: pays on a treatment–control difference in effects.json.
 * saving per person s = mean_control − mean_treated (basis point) or −conf_high (basis
 * lower_bound); paid = max(0, s) × price × n_treated when the condition holds (always;
 * p < α; or (mean_control − mean_treated) / mean_control ≥ the threshold).
 */
import { noteToken } from "../../shared/note.ts";
import { isRatioEstimator } from "../../estimate/ratioScale.ts";
import type { EffectsArtefact } from "../../estimate/schema.ts";
import { normalQuantile, normalUpperTail } from "../../stats/distributions.ts";
import { ContractDataError, MIN_CELL, toOre, type Line } from "../ruleAmounts.ts";
import type { Rule } from "../schema.ts";
import type { RuleDefinition } from "./definition.ts";
import { standardNormal } from "./standardNormal.ts";

type Differential = Extract<Rule, { kind: "differential" }>;
type Estimate = EffectsArtefact["estimates"][number];

/** The figures a differential payment rests on: an estimate from effects.json, or one draw of the risk simulation. */
export interface DifferenceFigures {
  /** mean_treated − mean_control: negative when the treated used less. */
  readonly difference: number;
  readonly mean_control: number;
  readonly conf_high: number | null;
  readonly p_value: number | null;
  readonly n_treated: number;
}

/** Whether the rule's condition holds for these figures. */
export function differentialConditionMet(rule: Differential, figures: DifferenceFigures): boolean {
  const relative = figures.mean_control === 0 ? 0 : -figures.difference / figures.mean_control;
  return (
    rule.condition.kind === "always" ||
    (rule.condition.kind === "significant" && figures.p_value !== null && figures.p_value < rule.condition.alpha) ||
    (rule.condition.kind === "threshold" && relative >= rule.condition.minimumRelativeReduction)
  );
}

/** The amount before rounding: max(0, saving) × price × n_treated when the condition holds, else 0. */
export function differentialAmount(rule: Differential, figures: DifferenceFigures): number {
  const saving = rule.basis === "point" ? -figures.difference : -(figures.conf_high ?? NaN);
  return differentialConditionMet(rule, figures) && saving > 0 ? saving * rule.pricePerUnit.value * figures.n_treated : 0;
}

function estimateFor(rule: Differential, period: string, effects: EffectsArtefact | null): { outcome: string; estimate: Estimate } | null {
  const target = rule.periods.find((p) => p.period === period);
  if (!target) return null;
  if (!effects) throw new ContractDataError(`rule '${rule.id}' pays on effects.json, and there is none: run 'effekt estimate' first`);
  if (isRatioEstimator(rule.estimator)) throw new ContractDataError(`rule '${rule.id}' pays on a difference, and ${rule.estimator} is a ratio (its interval is on the ratio scale): name a difference estimator`);
  const estimate = effects.estimates.find((e) => e.outcome === target.outcome && e.estimator === rule.estimator);
  if (!estimate) throw new ContractDataError(`rule '${rule.id}', period ${period}: effects.json has no ${rule.estimator} estimate for outcome '${target.outcome}'`);
  return { outcome: target.outcome, estimate };
}

export const differential: RuleDefinition<"differential"> = {
  tableOutcomes: () => [],

  persons(rule, period, context) {
    const found = estimateFor(rule, period, context.effects);
    return found ? found.estimate.n_treated + found.estimate.n_control : null;
  },

  lines(rule, period, context): Line[] {
    const found = estimateFor(rule, period, context.effects);
    if (!found) return [];
    const { outcome, estimate } = found;
    const price = rule.pricePerUnit.value;
    const illustrative = context.illustrative;
    if (estimate.estimate === null || estimate.mean_control === null || estimate.mean_treated === null) {
      return [{ rule: rule.id, item: outcome, basis: { n_treated: estimate.n_treated, n_control: estimate.n_control }, formula: `not estimable: ${estimate.notes?.map(noteToken).join("; ") ?? ""}`, amount: 0, suppressed: false, illustrative, amountUnsuppressed: 0 }];
    }
    const figures = { difference: estimate.mean_treated - estimate.mean_control, mean_control: estimate.mean_control, conf_high: estimate.conf_high, p_value: estimate.p_value, n_treated: estimate.n_treated };
    const amount = toOre(differentialAmount(rule, figures));
    const relative = estimate.mean_control === 0 ? 0 : (estimate.mean_control - estimate.mean_treated) / estimate.mean_control;
    const small = estimate.n_treated < MIN_CELL || estimate.n_control < MIN_CELL;
    const conditionText =
      rule.condition.kind === "always" ? "" : rule.condition.kind === "significant" ? `, paid only when p < ${rule.condition.alpha} (p = ${estimate.p_value})` : `, paid only when the reduction is at least ${100 * rule.condition.minimumRelativeReduction} % (it is ${(100 * relative).toFixed(2)} %)`;
    return [
      {
        rule: rule.id,
        item: outcome,
        basis: small
          ? { n_treated: null, n_control: null, mean_treated: null, mean_control: null, price_per_unit: price }
          : { n_treated: estimate.n_treated, n_control: estimate.n_control, mean_treated: estimate.mean_treated, mean_control: estimate.mean_control, conf_high: estimate.conf_high, p_value: estimate.p_value, price_per_unit: price },
        formula:
          (rule.basis === "point" ? "max(0, mean_control − mean_treated)" : "max(0, −conf_high)") +
          ` × price_per_unit (${rule.unit}) × n_treated` +
          conditionText +
          (estimate.randomised === false ? "; NOT RANDOMISED: the comparison group was matched, so this difference is an association, not an effect the programme caused" : ""),
        amount: small ? null : amount,
        suppressed: small,
        illustrative,
        amountUnsuppressed: amount,
      },
    ];
  },

  /**
   * The true difference θ ~ N(estimate, SE²), the difference a trial of the same size would
   * observe d ~ N(θ, SE²), its two-sided p from the normal approximation, its upper bound
   * d + c·SE with the critical value c of the estimate's own interval (the artefact's
   * confidence level); then the ledger's own amount for that draw.
   */
  simulate(rule, period, context, random, draws) {
    const found = estimateFor(rule, period, context.effects);
    if (!found) return null;
    const { estimate } = found;
    if (estimate.estimate === null || estimate.std_error === null || estimate.mean_control === null || !(estimate.std_error > 0)) return null;
    const se = estimate.std_error;
    const critical = estimate.conf_high !== null ? (estimate.conf_high - estimate.estimate) / se : normalQuantile((1 + context.confidence) / 2);
    const amounts: number[] = [];
    for (let b = 0; b < draws; b += 1) {
      const truth = estimate.estimate + se * standardNormal(random);
      const observed = truth + se * standardNormal(random);
      const figures = { difference: observed, mean_control: estimate.mean_control, conf_high: observed + critical * se, p_value: 2 * normalUpperTail(Math.abs(observed / se)), n_treated: estimate.n_treated };
      amounts.push(differentialAmount(rule, figures));
    }
    return { amounts, method: "differential_normal" };
  },
};
