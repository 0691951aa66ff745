/**
 * Repayment risk: how likely the contract pays, and how much, given the uncertainty of
 * the effect at the contract's own sample size (002 warns that small target groups make
 * repayment models fragile). Seeded, so the same seed gives the same figures.
 *
 * - differential: the true difference θ ~ N(estimate, SE²) (the estimate's uncertainty),
 *   the difference a trial of the same size would observe d ~ N(θ, SE²), its p-value from
 *   the normal approximation; the rule is applied to each draw.
 * - rate card and capped unit price: a nonparametric bootstrap of the persons of each period.
 */
import { normalUpperTail } from "../stats/distributions.ts";
import { randomInteger, seededRandom, type RandomSource } from "../shared/random.ts";
import type { EffectsArtefact } from "../estimate/schema.ts";
import type { OutcomeRow } from "./outcomeTable.ts";
import type { Contract, RepaymentRisk } from "./schema.ts";

export const RISK_SIMULATIONS = 10_000;

function standardNormal(random: RandomSource): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function summarise(amounts: number[]): RepaymentRisk["amount"] & { triggered: number } {
  const sorted = [...amounts].sort((a, b) => a - b);
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    mean: amounts.reduce((a, b) => a + b, 0) / amounts.length,
    p05: quantile(0.05),
    p50: quantile(0.5),
    p95: quantile(0.95),
    triggered: amounts.filter((a) => a > 0).length / amounts.length,
  };
}

export function repaymentRisk(contract: Contract, effects: EffectsArtefact | null, rows: readonly OutcomeRow[] | null, seed: number): RepaymentRisk[] {
  const out: RepaymentRisk[] = [];
  contract.rules.forEach((rule, r) => {
    for (const { period } of contract.schedule) {
      const random = seededRandom((seed + 7919 * r) >>> 0);
      const amounts: number[] = [];
      let method: string;
      if (rule.kind === "differential") {
        const target = rule.periods.find((p) => p.period === period);
        const estimate = target && effects?.estimates.find((e) => e.outcome === target.outcome && e.estimator === rule.estimator);
        if (!estimate || estimate.estimate === null || estimate.std_error === null || estimate.mean_control === null) continue;
        const se = estimate.std_error;
        for (let b = 0; b < RISK_SIMULATIONS; b += 1) {
          const truth = estimate.estimate + se * standardNormal(random);
          const observed = truth + se * standardNormal(random);
          const saving = rule.basis === "point" ? -observed : -(observed + 1.959963984540054 * se);
          const p = 2 * normalUpperTail(Math.abs(observed / se));
          const ok =
            rule.condition.kind === "always" ||
            (rule.condition.kind === "significant" && p < rule.condition.alpha) ||
            (rule.condition.kind === "threshold" && estimate.mean_control !== 0 && -observed / estimate.mean_control >= rule.condition.minimumRelativeReduction);
          amounts.push(ok && saving > 0 ? saving * rule.pricePerUnit.value * estimate.n_treated : 0);
        }
        method = "θ ~ N(estimate, SE²), observed ~ N(θ, SE²), the rule applied to each draw";
      } else {
        const periodRows = (rows ?? []).filter((row) => row.period === period);
        if (periodRows.length === 0) continue;
        for (let b = 0; b < RISK_SIMULATIONS; b += 1) {
          let amount = 0;
          for (let i = 0; i < periodRows.length; i += 1) {
            const row = periodRows[randomInteger(random, periodRows.length)]!;
            if (rule.kind === "rate_card") {
              let earned = 0;
              for (const price of rule.prices) if (row.outcomes[price.outcome] === 1) earned += price.price.value;
              amount += rule.perPersonCap ? Math.min(earned, rule.perPersonCap.value) : earned;
            } else if (row.outcomes[rule.outcome] === 1) amount += rule.unitPrice.value;
          }
          amounts.push(rule.kind === "capped_unit_price" ? Math.min(amount, rule.cap.value) : amount);
        }
        method = "bootstrap of the period's persons; per-person caps applied within the period only";
      }
      const summary = summarise(amounts);
      out.push({ rule: rule.id, period, simulations: RISK_SIMULATIONS, seed, probabilityTriggered: summary.triggered, amount: { mean: summary.mean, p05: summary.p05, p50: summary.p50, p95: summary.p95 }, method });
    }
  });
  return out;
}
