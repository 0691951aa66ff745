/**
 * The disclosure engine's model: every person count a report publishes, anywhere, is a
 * *fact* with its true value; a fact is shown in one or more table cells. Facts are tied by
 * *equations* (a total = the weighted sum of its parts) that hold on the true values: the
 * margins a reader could difference. A fact is either published or suppressed.
 */

/** Where a fact is shown: a table cell, or `name = value` inside a text cell (a ledger basis). */
export interface CellRef {
  readonly table: string;
  readonly row: number;
  readonly key: string;
  /** Inside a text cell: the `name` of `name = value`. */
  readonly inText?: string;
}

export interface Fact {
  readonly key: string;
  /** True value: persons (or kroner for a ledger total). */
  readonly value: number;
  /** Counts of persons are suppressed when small; kroner totals are not counts. */
  readonly persons: boolean;
  /** Must be published (n randomised, the intake, a ledger total): never chosen for secondary suppression. */
  readonly forced: boolean;
  /** Cells that show the number itself. */
  readonly cells: CellRef[];
  /** Cells that reveal it with other published figures (an estimate, a share): blanked with it. */
  readonly reveals: CellRef[];
  /** Facts that are published or suppressed together (both arms' events behind one estimate). */
  readonly group: string | null;
  /** Published unless the builder already suppressed it (a cell shows `x` or `<n`) or it is never shown. */
  published: boolean;
  /** Why it was suppressed: "primary" (a small count) or "secondary" (it would reveal one). */
  reason: "primary" | "secondary" | null;
}

export interface Equation {
  readonly total: string;
  readonly parts: readonly { readonly key: string; readonly weight: number }[];
  /** The rule it stands for, for the README and the tests: "consort arm", "n analysed of n randomised", … */
  readonly rule: string;
}

/** A mean or share printed beside a count of persons that may be hidden: what a reader can learn of that count. */
export interface Quantity {
  /** For messages and tests: which figure. */
  readonly what: string;
  /** Where it is printed (all suppressed together when it gives the count away). */
  readonly cells: readonly CellRef[];
  /** The fact key of the n it is a mean over, and of the published total that n is part of (n randomised). */
  readonly n: string;
  readonly total: string;
  /** The unit every value is a whole multiple of (the outcome's quantum); null: no common unit. */
  readonly unit: number | null;
  /** The true values that print as it is printed. */
  readonly interval: readonly [number, number];
}
