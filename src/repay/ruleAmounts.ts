/**
 * The amount each rule gives in a follow-up period, as ledger lines that carry the
 * aggregate figures they rest on, so an investor can re-derive every kroner.
 *
 * - differential: saving per person s = mean_control − mean_treated (or, on the lower
 *   confidence bound, −conf_high); paid = max(0, s) × price × n_treated when the
 *   condition holds (always; p < α; or s / mean_control ≥ the threshold).
 * - rate card: count of persons achieving each outcome × its price; a per-person cap
 *   then trims what one person can earn over the whole contract.
 * - capped unit price: count × unit price, with the cumulative total held at the cap.
 * Lines that describe fewer than 5 persons are suppressed (counts and amount null);
 * the period total still counts them. Amounts are rounded to øre.
 */
import type { EffectsArtefact } from "../estimate/schema.ts";
import type { OutcomeRow } from "./outcomeTable.ts";
import type { LedgerLine, Rule } from "./schema.ts";

export const MIN_CELL = 5;

/** Kroner to whole øre: what a payment can be, and free of binary noise (635250.0000000013). */
export function toOre(kroner: number): number {
  return Math.round(kroner * 100) / 100;
}

export class ContractDataError extends Error {}

type Line = Omit<LedgerLine, "period" | "paymentYear"> & { amountUnsuppressed: number };

export function differentialLines(rule: Extract<Rule, { kind: "differential" }>, period: string, effects: EffectsArtefact | null): Line[] {
  const target = rule.periods.find((p) => p.period === period);
  if (!target) return [];
  if (!effects) throw new ContractDataError(`rule '${rule.id}' pays on effects.json, and there is none: run 'effekt estimate' first`);
  const estimate = effects.estimates.find((e) => e.outcome === target.outcome && e.estimator === rule.estimator);
  if (!estimate) throw new ContractDataError(`rule '${rule.id}', period ${period}: effects.json has no ${rule.estimator} estimate for outcome '${target.outcome}'`);
  const price = rule.pricePerUnit.value;
  if (estimate.estimate === null || estimate.mean_control === null || estimate.mean_treated === null) {
    return [{ rule: rule.id, item: target.outcome, basis: { n_treated: estimate.n_treated, n_control: estimate.n_control }, formula: `not estimable: ${estimate.note ?? ""}`, amount: 0, suppressed: false, amountUnsuppressed: 0 }];
  }
  const saving = rule.basis === "point" ? estimate.mean_control - estimate.mean_treated : -(estimate.conf_high ?? NaN);
  const relative = estimate.mean_control === 0 ? 0 : (estimate.mean_control - estimate.mean_treated) / estimate.mean_control;
  const conditionMet =
    rule.condition.kind === "always" ||
    (rule.condition.kind === "significant" && estimate.p_value !== null && estimate.p_value < rule.condition.alpha) ||
    (rule.condition.kind === "threshold" && relative >= rule.condition.minimumRelativeReduction);
  const amount = conditionMet && saving > 0 ? toOre(saving * price * estimate.n_treated) : 0;
  const small = estimate.n_treated < MIN_CELL || estimate.n_control < MIN_CELL;
  const conditionText =
    rule.condition.kind === "always" ? "" : rule.condition.kind === "significant" ? `, paid only when p < ${rule.condition.alpha} (p = ${estimate.p_value})` : `, paid only when the reduction is at least ${100 * rule.condition.minimumRelativeReduction} % (it is ${(100 * relative).toFixed(2)} %)`;
  return [
    {
      rule: rule.id,
      item: target.outcome,
      basis: small
        ? { n_treated: null, n_control: null, mean_treated: null, mean_control: null, price_per_unit: price }
        : {
            n_treated: estimate.n_treated,
            n_control: estimate.n_control,
            mean_treated: estimate.mean_treated,
            mean_control: estimate.mean_control,
            conf_high: estimate.conf_high,
            p_value: estimate.p_value,
            price_per_unit: price,
          },
      formula:
        (rule.basis === "point" ? "max(0, mean_control − mean_treated)" : "max(0, −conf_high)") + ` × price_per_unit (${rule.unit}) × n_treated` + conditionText + (estimate.randomised === false ? "; NOT RANDOMISED: the comparison group was matched, so this difference is an association, not an effect the programme caused" : ""),
      amount: small ? null : amount,
      suppressed: small,
      amountUnsuppressed: amount,
    },
  ];
}

/** Rate-card lines for one period; `paidSoFar` (person → kroner) carries the per-person cap across periods. */
export function rateCardLines(rule: Extract<Rule, { kind: "rate_card" }>, rows: readonly OutcomeRow[], paidSoFar: Map<string, number>): Line[] {
  const lines: Line[] = [];
  const earned = new Map<string, number>();
  for (const price of rule.prices) {
    const achievers = rows.filter((r) => r.outcomes[price.outcome] === 1);
    for (const r of achievers) earned.set(r.personId, (earned.get(r.personId) ?? 0) + price.price.value);
    const amount = achievers.length * price.price.value;
    const small = achievers.length > 0 && achievers.length < MIN_CELL;
    lines.push({
      rule: rule.id,
      item: price.label,
      basis: { persons: small ? null : achievers.length, price: price.price.value },
      formula: "persons achieving it × price",
      amount: small ? null : amount,
      suppressed: small,
      amountUnsuppressed: amount,
    });
  }
  if (rule.perPersonCap) {
    const cap = rule.perPersonCap.value;
    let trimmed = 0;
    let capped = 0;
    for (const [person, amount] of earned) {
      const before = paidSoFar.get(person) ?? 0;
      const allowed = Math.max(0, Math.min(amount, cap - before));
      if (allowed < amount) {
        trimmed += amount - allowed;
        capped += 1;
      }
      paidSoFar.set(person, before + allowed);
    }
    const small = capped > 0 && capped < MIN_CELL;
    lines.push({
      rule: rule.id,
      item: "per-person cap",
      basis: { persons_at_cap: small ? null : capped, cap_per_person: cap },
      formula: "− what persons earned beyond the cap over the contract",
      amount: small ? null : -trimmed,
      suppressed: small,
      amountUnsuppressed: -trimmed,
    });
  }
  return lines;
}

/** Capped-unit-price lines for one period; `paidSoFar` is the rule's cumulative total before this period. */
export function cappedUnitPriceLines(rule: Extract<Rule, { kind: "capped_unit_price" }>, rows: readonly OutcomeRow[], paidSoFar: number): Line[] {
  const count = rows.filter((r) => r.outcomes[rule.outcome] === 1).length;
  const raw = count * rule.unitPrice.value;
  const allowed = Math.max(0, Math.min(raw, rule.cap.value - paidSoFar));
  const small = count > 0 && count < MIN_CELL;
  const lines: Line[] = [
    { rule: rule.id, item: rule.outcome, basis: { persons: small ? null : count, unit_price: rule.unitPrice.value }, formula: "persons × unit price", amount: small ? null : raw, suppressed: small, amountUnsuppressed: raw },
  ];
  if (allowed < raw) {
    lines.push({ rule: rule.id, item: "cap: computed municipal saving", basis: { cap: rule.cap.value, paid_before: paidSoFar }, formula: "− what exceeds the cap", amount: allowed - raw, suppressed: false, amountUnsuppressed: allowed - raw });
  }
  return lines;
}
