/**
 * Capped unit price: persons (families) that count × the unit price, with the rule's
 * running total held at its cap — the computed isolated municipal saving, typed in or
 * read from projection.json (resolved before the ledger is drawn up).
 */
import { MIN_CELL, type Line } from "../ruleAmounts.ts";
import type { OutcomeRow } from "../outcomeTable.ts";
import type { Rule } from "../schema.ts";
import { bootstrapAmounts } from "./bootstrap.ts";
import type { RuleDefinition } from "./definition.ts";

type CappedUnitPrice = Extract<Rule, { kind: "capped_unit_price" }>;

function capOf(rule: CappedUnitPrice): number {
  if (!("value" in rule.cap)) throw new Error("cappedUnitPriceLines requires the cap read from projection.json first (resolveProjectionFigures)");
  return rule.cap.value;
}

/** Capped-unit-price lines for one period's rows; `paidSoFar` is the rule's running total before this period. */
export function cappedUnitPriceLines(rule: CappedUnitPrice, rows: readonly OutcomeRow[], paidSoFar: number, illustrative = false): Line[] {
  const cap = capOf(rule);
  const count = rows.filter((r) => r.outcomes[rule.outcome] === 1).length;
  const raw = count * rule.unitPrice.value;
  const allowed = Math.max(0, Math.min(raw, cap - paidSoFar));
  const small = count > 0 && count < MIN_CELL;
  const lines: Line[] = [
    { rule: rule.id, item: rule.outcome, basis: { persons: small ? null : count, unit_price: rule.unitPrice.value }, formula: "persons × unit price", amount: small ? null : raw, suppressed: small, illustrative: illustrative || rule.unitPrice.illustrative, amountUnsuppressed: raw },
  ];
  if (allowed < raw) {
    lines.push({ rule: rule.id, item: "cap_computed_saving", basis: { cap, paid_before: paidSoFar }, formula: `− what exceeds the cap (${rule.cap.source})`, amount: allowed - raw, suppressed: false, illustrative: illustrative || rule.cap.illustrative, amountUnsuppressed: allowed - raw });
  }
  return lines;
}

export const capped_unit_price: RuleDefinition<"capped_unit_price"> = {
  tableOutcomes: (rule) => [rule.outcome],
  persons: (_rule, _period, context) => context.rows.length,
  lines(rule, _period, context, state) {
    const lines = cappedUnitPriceLines(rule, context.rows, state.paidSoFar, context.illustrative);
    state.paidSoFar += lines.reduce((sum, l) => sum + l.amountUnsuppressed, 0);
    return lines;
  },
  simulate(rule, _period, context, random, draws) {
    if (context.rows.length === 0) return null;
    const amounts = bootstrapAmounts(context.rows, random, draws, (sample) => cappedUnitPriceLines(rule, sample, 0).reduce((sum, l) => sum + l.amountUnsuppressed, 0));
    return { amounts, method: "bootstrap_persons" };
  },
};
