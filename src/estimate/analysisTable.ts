/**
 * The one analysis table the estimators read, whichever way it was built — `effekt run` from the
 * pipeline's artefacts (tableFromArtefacts.ts), `effekt estimate --table` from a researcher's CSV
 * (tableFromRows.ts, or bytes/tableFromBytes.ts when the file reads whole from its bytes) — and the
 * plan of what to estimate. Every builder gives its columns to `analysisTable`, which applies the
 * one rule for categorical values (categoricalIndicators.ts: an empty cell or NA is missing — in a
 * categorical covariate's indicators and in a subgroup column alike) and puts the table together.
 *
 * Columns, decided once:
 * - numbers (outcomes, covariates, exposures, indicators) are `Float64Array`s, one value a unit, and a
 *   missing value is NaN — not a separate mask: a column is one array that a worker thread takes as it
 *   is, and a missing value cannot be read as a number by accident (any sum with it is NaN, and
 *   `unitsWith` leaves the unit out of every contrast that needs the column);
 * - texts (arm, design blocks, permutation strata, clusters, subgroup levels) are arrays of strings,
 *   each distinct text one string shared by its units, "" for missing: no object per unit.
 * The cluster and block columns are the table's own fields, not numeric columns, so an estimator can
 * cluster or block at any of them.
 */
import { categoricalIndicators, isMissingCategory } from "./categoricalIndicators.ts";

export type OutcomeKind = "continuous" | "binary" | "count" | "rate" | "time_to_event";

/** A numeric column: one double per unit, NaN = missing. */
export type NumberColumn = Float64Array;

export interface AnalysisTable {
  /** Arm per unit. */
  readonly arm: readonly string[];
  /** Design blocks per unit, for the blocked estimator; null when the design was not blocked. */
  readonly blocks: readonly string[] | null;
  /** Strata to permute within for randomisation inference (the design's randomisation strata). */
  readonly permutationStrata: readonly string[] | null;
  /** Cluster per unit when whole clusters were randomised; null otherwise. */
  readonly clusters: readonly string[] | null;
  /** Cluster per unit for the variance only (`--cluster-se`): any level, clusters may hold both arms. */
  readonly varianceClusters?: readonly string[] | null;
  /** Block per unit absorbed as fixed effects in the regressions (`--fixed-effects`). */
  readonly fixedEffects?: readonly string[] | null;
  /** Numeric columns: outcomes, covariates (categorical ones as their indicators), exposures. NaN = missing. */
  readonly columns: ReadonlyMap<string, NumberColumn>;
  /** Subgroup columns: a level label per unit ("" = missing). */
  readonly subgroups: ReadonlyMap<string, readonly string[]>;
}

/** A categorical covariate as expanded: its reference level and the indicator columns of the other levels. */
export interface ExpandedCategorical {
  readonly column: string;
  readonly reference: string;
  readonly indicators: readonly string[];
}

/** What a builder read, column by column, before the one rule for categorical covariates is applied. */
export interface TableParts {
  readonly arm: readonly string[];
  readonly blocks: readonly string[] | null;
  readonly permutationStrata: readonly string[] | null;
  readonly clusters: readonly string[] | null;
  readonly varianceClusters?: readonly string[] | null;
  readonly fixedEffects?: readonly string[] | null;
  /** Numeric columns in the table's order (NaN = missing). */
  readonly numbers: ReadonlyMap<string, NumberColumn>;
  /** Categorical covariates as read (one text a unit), each with its reference level (null: the first in sorted order). */
  readonly categorical: readonly { readonly column: string; readonly values: readonly string[]; readonly reference: string | null }[];
  readonly subgroups: ReadonlyMap<string, readonly string[]>;
}

/** A categorical covariate whose named reference level is not among its levels (or that has no level at all). */
export interface UnknownReference {
  readonly column: string;
  readonly reference: string | null;
  readonly levels: readonly string[];
}

/**
 * The analysis table from what a builder read: the numeric columns as given, then each categorical
 * covariate's indicators `<column>=<level>` (every level but the reference; a missing value NaN in all).
 */
export function analysisTable(parts: TableParts): { table: AnalysisTable; categorical: ExpandedCategorical[]; unknownReferences: UnknownReference[] } {
  const columns = new Map(parts.numbers);
  const categorical: ExpandedCategorical[] = [];
  const unknownReferences: UnknownReference[] = [];
  for (const { column, values, reference } of parts.categorical) {
    const expanded = categoricalIndicators(column, values, reference);
    if (expanded.reference === null) {
      unknownReferences.push({ column, reference, levels: expanded.levels });
      continue;
    }
    for (const { name, values: indicator } of expanded.indicators) columns.set(name, indicator);
    categorical.push({ column, reference: expanded.reference, indicators: expanded.indicators.map((i) => i.name) });
  }
  // A subgroup is categorical too: an empty cell or NA is its missing level "", whichever way the table was read.
  const subgroups = new Map([...parts.subgroups].map(([name, levels]) => [name, levels.some(isMissingCategory) ? levels.map((l) => (isMissingCategory(l) ? "" : l)) : levels]));
  const { arm, blocks, permutationStrata, clusters } = parts;
  const variance = { varianceClusters: parts.varianceClusters ?? null, fixedEffects: parts.fixedEffects ?? null };
  return { table: { arm, blocks, permutationStrata, clusters, ...variance, columns, subgroups }, categorical, unknownReferences };
}

/** A table of no units (what a builder returns beside the issues that stopped it). */
export function emptyTable(): AnalysisTable {
  return { arm: [], blocks: null, permutationStrata: null, clusters: null, columns: new Map(), subgroups: new Map() };
}

/** Texts as numbers (`Number`), an empty or absent text missing (NaN): the pipeline's own work tables. */
export function numberColumn(texts: readonly (string | undefined)[]): NumberColumn {
  const column = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i += 1) {
    const text = texts[i];
    column[i] = text === undefined || text === "" ? NaN : Number(text);
  }
  return column;
}

/** A column's values with missing as null, for readers that take `number | null` (the KPIs). */
export function withNulls(column: ArrayLike<number>): (number | null)[] {
  return Array.from(column, (v) => (Number.isNaN(v) ? null : v));
}

export interface OutcomePlan {
  readonly id: string;
  readonly kind: OutcomeKind;
  /**
   * The exposure column (e.g. person-years), whose log is the Poisson offset. For a
   * `rate` outcome the value is per unit of exposure and the count is value × exposure;
   * for a `count` outcome the value is the count itself.
   */
  readonly exposure?: string;
  /** time_to_event: the event column (1 = the event at the time, 0 = censored), the times to read the curves at, τ, ties. */
  readonly survival?: { readonly event: string; readonly at: readonly number[]; readonly tau: number | null; readonly ties: "efron" | "breslow" };
}

export interface EstimationPlan {
  readonly control: string;
  /** Arms to compare with the control, in order. */
  readonly arms: readonly string[];
  readonly outcomes: readonly OutcomePlan[];
  /** Numeric covariate columns (categorical ones already expanded to indicators). */
  readonly covariates: readonly string[];
  readonly subgroups: readonly string[];
  /** Cluster-robust SEs for the regressions when the table has clusters: CR2 (default), CR1 (Stata) or CR0. */
  readonly clusterSe?: "CR2" | "CR1" | "CR0";
  /** The 0/1 column of who received the programme, for the CACE estimators; absent when unknown. */
  readonly received?: string;
  readonly permutations: number;
  readonly seed: number;
  readonly confidence: number;
}

/** The units of one contrast with a finite value in every named column, in table order. */
export function unitsWith(table: AnalysisTable, arms: readonly string[], columns: readonly string[]): number[] {
  const data = columns.map((c) => table.columns.get(c));
  if (data.some((column) => column === undefined)) return [];
  const units: number[] = [];
  const n = table.arm.length;
  for (let i = 0; i < n; i += 1) {
    if (!arms.includes(table.arm[i]!)) continue;
    let complete = true;
    for (const column of data) if (!Number.isFinite(column![i]!)) complete = false;
    if (complete) units.push(i);
  }
  return units;
}

/**
 * A column's values at the given units, in their order: the contrast's own working copy (ContrastData), an
 * array of doubles the estimators may map and sort as arrays; a unit here never has a missing value.
 */
export function valuesOf(table: AnalysisTable, column: string, units: readonly number[]): number[] {
  const data = table.columns.get(column);
  if (!data) throw new Error(`valuesOf: no column ${column}`);
  // Filled first, so the array holds doubles without holes (and no object per value) before it is written.
  const values = new Array<number>(units.length).fill(0.5);
  for (let k = 0; k < units.length; k += 1) values[k] = data[units[k]!]!;
  return values;
}
