import { amount, unlikeness, type Amount, type AmountKind, type Budget, type Scope } from "./amount.ts";

/**
 * The sum of like amounts: one kind, one budget, one scope and one period (calendar sums run to the same year; the
 * sum starts at the earliest). Unlike amounts do not compile (the type parameters are fixed by the first amount) and,
 * where types were widened, throw: "addAmounts requires like amounts: <why>".
 */
export function addAmounts<K extends AmountKind, B extends Budget, S extends Scope>(first: Amount<K, B, S>, ...rest: NoInfer<Amount<K, B, S>>[]): Amount<K, B, S> {
  let kr = first.kr;
  let period = first.period;
  const sources = new Set(first.sources);
  for (const next of rest) {
    const why = unlikeness(first, next);
    if (why !== null) throw new Error(`addAmounts requires like amounts: ${why}`);
    kr += next.kr;
    if (period.kind === "calendar" && next.period.kind === "calendar") period = { kind: "calendar", from: Math.min(period.from, next.period.from), to: period.to };
    next.sources.forEach((s) => sources.add(s));
  }
  return amount(kr, { kind: first.kind, budget: first.budget, scope: first.scope, period, sources: [...sources] });
}
