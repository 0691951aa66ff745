/** The spending-function kinds: one file per kind, collected in ./index.ts. */
export type Spending =
  | { readonly kind: "obf" }
  | { readonly kind: "pocock" }
  | { readonly kind: "hsd"; readonly gamma: number }
  /** Cumulative shares of α (0–1, non-decreasing) spent by the given information fractions (0–1, increasing). */
  | { readonly kind: "table"; readonly fractions: readonly number[]; readonly shares: readonly number[] };

export type SpendingKind = Spending["kind"];

export interface SpendingDefinition<K extends SpendingKind> {
  /** The function's name in words. */
  readonly describe: (spending: Extract<Spending, { kind: K }>) => string;
  /** α spent by information fraction t, 0 < t < 1 (the caller handles t ≤ 0 and t ≥ 1). */
  readonly cumulative: (spending: Extract<Spending, { kind: K }>, alpha: number, sides: 1 | 2, fraction: number) => number;
}
