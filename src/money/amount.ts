/**
 * An amount of money with its unit and owner: what it is (`kind`), whose budget it falls on (`budget`), how much of
 * the programme it covers (`scope`), the period it covers (`period`) and what it rests on (`sources`). Only like
 * amounts are summed (`addAmounts`): same kind, budget, scope and period; the sources of a sum are the union of its
 * parts' (a total resting on an illustrative term is marked illustrative).
 *
 *   kind    capital · repayment · gross_saving · cost · net
 *   budget  kommune_decentral · kommune_central · kommune (not split) · region · stat · investor · outcome_fund
 *   scope   per_person · per_cohort_year (one yearly cohort over its horizon) · whole_programme
 *   period  calendar years (from–to, "frem til <to>") or years after start (per person or cohort)
 *   sources observed · computed · forecast · illustrative · typed_in
 */
import { z } from "zod";

export const AMOUNT_KINDS = ["capital", "repayment", "gross_saving", "cost", "net"] as const;
export const BUDGETS = ["kommune_decentral", "kommune_central", "kommune", "region", "stat", "investor", "outcome_fund"] as const;
export const SCOPES = ["per_person", "per_cohort_year", "whole_programme"] as const;
export const SOURCES = ["observed", "computed", "forecast", "illustrative", "typed_in"] as const;

export type AmountKind = (typeof AMOUNT_KINDS)[number];
export type Budget = (typeof BUDGETS)[number];
export type Scope = (typeof SCOPES)[number];
export type Source = (typeof SOURCES)[number];

/** Calendar years from–to (a ledger to a horizon), or a number of years after each person's or cohort's start. */
export const AmountPeriod = z.union([
  z.strictObject({ kind: z.literal("calendar"), from: z.number().int(), to: z.number().int() }),
  z.strictObject({ kind: z.literal("relative"), years: z.number().positive() }),
]);
export type AmountPeriod = z.infer<typeof AmountPeriod>;

declare const amountBrand: unique symbol;

/** Built only by `amount()`: the brand keeps an object literal from passing for a checked amount. */
export interface Amount<K extends AmountKind = AmountKind, B extends Budget = Budget, S extends Scope = Scope> {
  readonly [amountBrand]: true;
  readonly kr: number;
  readonly kind: K;
  readonly budget: B;
  readonly scope: S;
  readonly period: AmountPeriod;
  readonly sources: readonly Source[];
}

/** The one way to make an amount: its kroner with every unit named. */
export function amount<K extends AmountKind, B extends Budget, S extends Scope>(kr: number, unit: { kind: K; budget: B; scope: S; period: AmountPeriod; sources: readonly Source[] }): Amount<K, B, S> {
  if (!Number.isFinite(kr)) throw new Error("amount requires a finite number of kroner");
  const sources = SOURCES.filter((s) => unit.sources.includes(s));
  return { kr, kind: unit.kind, budget: unit.budget, scope: unit.scope, period: unit.period, sources } as unknown as Amount<K, B, S>;
}

/** Why two amounts are not alike (kind, budget, scope or period differ), or null when they may be summed. */
export function unlikeness(a: Amount, b: Amount): string | null {
  if (a.kind !== b.kind) return `kind ${a.kind} ≠ ${b.kind}`;
  if (a.budget !== b.budget) return `budget ${a.budget} ≠ ${b.budget}`;
  if (a.scope !== b.scope) return `scope ${a.scope} ≠ ${b.scope}`;
  if (a.period.kind !== b.period.kind) return `period ${a.period.kind} ≠ ${b.period.kind}`;
  if (a.period.kind === "relative" && b.period.kind === "relative" && a.period.years !== b.period.years) return `period ${a.period.years} ≠ ${b.period.years} years`;
  if (a.period.kind === "calendar" && b.period.kind === "calendar" && a.period.to !== b.period.to) return `period to ${a.period.to} ≠ to ${b.period.to}`;
  return null;
}
