/**
 * Rate card: the count of persons achieving each outcome × its price; a per-person cap
 * then trims what one person can earn over the whole contract.
 */
import { MIN_CELL, type Line } from "../ruleAmounts.ts";
import type { OutcomeRow } from "../outcomeTable.ts";
import type { Rule } from "../schema.ts";
import { bootstrapAmounts } from "./bootstrap.ts";
import { newRuleState, type RuleDefinition } from "./definition.ts";

type RateCard = Extract<Rule, { kind: "rate_card" }>;

/** Rate-card lines for one period's rows; `paidByPerson` (person → kroner) carries the per-person cap across periods. */
export function rateCardLines(rule: RateCard, rows: readonly OutcomeRow[], paidByPerson: Map<string, number>, illustrative = false): Line[] {
  const lines: Line[] = [];
  const earned = new Map<string, number>();
  for (const price of rule.prices) {
    const minimum = price.minimum?.value ?? 1;
    const achievers = rows.filter((r) => {
      const value = r.outcomes[price.outcome];
      return value !== null && value !== undefined && value >= minimum;
    });
    for (const r of achievers) earned.set(r.personId, (earned.get(r.personId) ?? 0) + price.price.value);
    const amount = achievers.length * price.price.value;
    const small = achievers.length > 0 && achievers.length < MIN_CELL;
    lines.push({ rule: rule.id, item: price.label, basis: { persons: small ? null : achievers.length, price: price.price.value }, formula: price.minimum ? `persons with ${price.outcome} at least ${minimum} × price` : "persons achieving it × price", amount: small ? null : amount, suppressed: small, illustrative: illustrative || price.price.illustrative || (price.minimum?.illustrative ?? false), amountUnsuppressed: amount });
  }
  if (rule.perPersonCap) {
    const cap = rule.perPersonCap.value;
    let trimmed = 0;
    let capped = 0;
    for (const [person, amount] of earned) {
      const before = paidByPerson.get(person) ?? 0;
      const allowed = Math.max(0, Math.min(amount, cap - before));
      if (allowed < amount) {
        trimmed += amount - allowed;
        capped += 1;
      }
      paidByPerson.set(person, before + allowed);
    }
    const small = capped > 0 && capped < MIN_CELL;
    lines.push({ rule: rule.id, item: "per_person_cap", basis: { persons_at_cap: small ? null : capped, cap_per_person: cap }, formula: "− what persons earned beyond the cap over the contract", amount: small ? null : -trimmed, suppressed: small, illustrative: illustrative || rule.perPersonCap.illustrative, amountUnsuppressed: -trimmed });
  }
  return lines;
}

export const rate_card: RuleDefinition<"rate_card"> = {
  tableOutcomes: (rule) => rule.prices.map((p) => p.outcome),
  persons: (_rule, _period, context) => context.rows.length,
  lines: (rule, _period, context, state) => rateCardLines(rule, context.rows, state.paidByPerson, context.illustrative),
  simulate(rule, _period, context, random, draws) {
    if (context.rows.length === 0) return null;
    const amounts = bootstrapAmounts(context.rows, random, draws, (sample) => rateCardLines(rule, sample, newRuleState().paidByPerson).reduce((sum, l) => sum + l.amountUnsuppressed, 0));
    return { amounts, method: "bootstrap_persons" };
  },
};
