/**
 * What a contract rule kind must say, so that the ledger and the repayment-risk
 * simulation use one and the same arithmetic: the outcome-table columns it counts, the
 * persons a period rests on, its ledger lines, and its amounts under simulated data.
 */
import type { RiskMethod } from "../schema.ts";
import type { EffectsArtefact } from "../../estimate/schema.ts";
import type { RandomSource } from "../../shared/random.ts";
import type { OutcomeRow } from "../outcomeTable.ts";
import type { Line } from "../ruleAmounts.ts";
import type { Rule } from "../schema.ts";

export type RuleKind = Rule["kind"];
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;

export interface RuleContext {
  readonly effects: EffectsArtefact | null;
  /** This period's rows of the outcome table (empty when the contract has none). */
  readonly rows: readonly OutcomeRow[];
  /** The confidence level of effects.json (0.95 when there is none). */
  readonly confidence: number;
  /** Whether the rule's own terms are illustrative (marked on its lines). */
  readonly illustrative: boolean;
}

/** What a rule carries from one period to the next: per-person totals (per-person caps) and its running total (its cap). */
export interface RuleState {
  readonly paidByPerson: Map<string, number>;
  paidSoFar: number;
}

export function newRuleState(): RuleState {
  return { paidByPerson: new Map(), paidSoFar: 0 };
}

export interface RuleDefinition<K extends RuleKind> {
  /** The 0/1 outcome-table columns the rule counts. */
  tableOutcomes(rule: RuleOf<K>): string[];
  /** Persons the period's amount rests on; null when the rule does not pay in this period. */
  persons(rule: RuleOf<K>, period: string, context: RuleContext): number | null;
  /** The period's ledger lines; `state` carries what the rule paid in earlier periods. */
  lines(rule: RuleOf<K>, period: string, context: RuleContext, state: RuleState): Line[];
  /** `draws` simulated amounts for the period (the same arithmetic as `lines`), or null when there is nothing to simulate. */
  simulate(rule: RuleOf<K>, period: string, context: RuleContext, random: RandomSource, draws: number): { amounts: number[]; method: RiskMethod } | null;
}
