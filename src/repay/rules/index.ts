/**
 * The contract rule kinds, one file each, collected so that the compiler names what a
 * new kind lacks. The ledger (repayContract) and the repayment-risk simulation both go
 * through `ruleDefinition`, so the two never apply different arithmetic.
 */
import type { Rule } from "../schema.ts";
import { capped_unit_price } from "./capped_unit_price.ts";
import type { RuleDefinition, RuleKind } from "./definition.ts";
import { differential } from "./differential.ts";
import { rate_card } from "./rate_card.ts";

export const RULES = { differential, rate_card, capped_unit_price } satisfies { [K in RuleKind]: RuleDefinition<K> };

/** The definition of a rule's kind, typed for that rule. */
export function ruleDefinition<R extends Rule>(rule: R): RuleDefinition<R["kind"]> {
  return RULES[rule.kind] as unknown as RuleDefinition<R["kind"]>;
}

export { newRuleState, type RuleContext, type RuleDefinition, type RuleState } from "./definition.ts";
