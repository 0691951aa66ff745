/**
 * The person-level table the estimators read, whichever way it was built (from the
 * pipeline's artefacts, or a researcher's own CSV), and the plan of what to estimate.
 */

export type OutcomeKind = "continuous" | "binary" | "count" | "rate" | "time_to_event";

export interface AnalysisTable {
  /** Arm per unit. */
  readonly arm: readonly string[];
  /** Design blocks per unit, for the blocked estimator; null when the design was not blocked. */
  readonly blocks: readonly string[] | null;
  /** Strata to permute within for randomisation inference (the design's randomisation strata). */
  readonly permutationStrata: readonly string[] | null;
  /** Numeric columns: outcomes, covariates, exposures. null = missing. */
  readonly columns: ReadonlyMap<string, readonly (number | null)[]>;
  /** Cluster per unit when whole clusters were randomised; absent or null otherwise. */
  readonly clusters?: readonly string[] | null;
  /** Subgroup columns: a level label per unit ("" = missing). */
  readonly subgroups: ReadonlyMap<string, readonly string[]>;
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
  /** Cluster-robust SEs for the regressions when the table has clusters: CR2 (default) or CR1 (Stata). */
  readonly clusterSe?: "CR2" | "CR1";
  /** The 0/1 column of who received the programme, for the CACE estimators; absent when unknown. */
  readonly received?: string;
  readonly permutations: number;
  readonly seed: number;
  readonly confidence: number;
}

/** The units of one contrast with a value for every named column, in table order. */
export function unitsWith(table: AnalysisTable, arms: readonly string[], columns: readonly string[]): number[] {
  const data = columns.map((c) => table.columns.get(c));
  const units: number[] = [];
  for (let i = 0; i < table.arm.length; i += 1) {
    if (!arms.includes(table.arm[i]!)) continue;
    if (data.every((column) => column !== undefined && column[i] !== null && Number.isFinite(column[i]!))) units.push(i);
  }
  return units;
}

export function valuesOf(table: AnalysisTable, column: string, units: readonly number[]): number[] {
  const data = table.columns.get(column);
  if (!data) throw new Error(`valuesOf: no column ${column}`);
  return units.map((i) => data[i] as number);
}
