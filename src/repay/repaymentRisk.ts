/**
 * Repayment risk: how likely the contract pays, and how much, given the uncertainty of
 * the effect at the contract's own sample size (002 warns that small target groups make
 * repayment models fragile). Seeded, so the same seed gives the same figures. Each rule
 * kind simulates with the ledger's own arithmetic (rules/<kind>.ts):
 *
 * - differential: the true difference θ ~ N(estimate, SE²), the difference a trial of the
 *   same size would observe d ~ N(θ, SE²), the rule applied to each draw.
 * - rate card and capped unit price: a nonparametric bootstrap of the persons of each period.
 */
import { seededRandom } from "../shared/random.ts";
import type { EffectsArtefact } from "../estimate/schema.ts";
import type { OutcomeRow } from "./outcomeTable.ts";
import { ruleDefinition } from "./rules/index.ts";
import type { Contract, RepaymentRisk } from "./schema.ts";

export const RISK_SIMULATIONS = 10_000;

function summarise(amounts: readonly number[]): RepaymentRisk["amount"] & { triggered: number } {
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

/** `contract` with its projection figures already resolved (resolveProjectionFigures). */
export function repaymentRisk(contract: Contract, effects: EffectsArtefact | null, rows: readonly OutcomeRow[] | null, seed: number): RepaymentRisk[] {
  const out: RepaymentRisk[] = [];
  contract.rules.forEach((rule, r) => {
    for (const { period } of contract.schedule) {
      const random = seededRandom((seed + 7919 * r) >>> 0);
      const context = { effects, rows: (rows ?? []).filter((row) => row.period === period), confidence: effects?.confidence ?? 0.95, illustrative: false };
      const simulated = ruleDefinition(rule).simulate(rule, period, context, random, RISK_SIMULATIONS);
      if (simulated === null) continue;
      const summary = summarise(simulated.amounts);
      out.push({ rule: rule.id, period, simulations: RISK_SIMULATIONS, seed, probabilityTriggered: summary.triggered, amount: { mean: summary.mean, p05: summary.p05, p50: summary.p50, p95: summary.p95 }, method: simulated.method });
    }
  });
  return out;
}
