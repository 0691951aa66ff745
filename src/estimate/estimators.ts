/**
 * The one list of estimators: for each id, which outcomes and designs it applies to, how it
 * estimates one contrast, and how a reader reports it. The estimate schema's enum, the
 * estimation loop (estimateEffects.ts), its not-estimable rows, the ratio check of projections
 * and repayments (ratioScale.ts) and the report read this list; its order is the order of the
 * estimates in effects.json. A new estimator is one entry here (the compiler names what it lacks).
 */
import { note } from "../shared/note.ts";
import type { OutcomeKind } from "./analysisTable.ts";
import type { EffectEstimate } from "./schema.ts";
import type { ContrastData } from "./contrastData.ts";
import { caceEstimate } from "./caceEstimator.ts";
import { blockedClusteredDifferenceInMeans, clusteredRegressionEstimate, type Clustering } from "./clusterEstimators.ts";
import { clusterRandomizationInference } from "./clusterRandomizationInference.ts";
import { blockedDifferenceInMeans, differenceInMeans } from "./differenceInMeans.ts";
import { poissonEstimate } from "./poissonEstimator.ts";
import { randomizationInference } from "./randomizationInference.ts";
import { regressionEstimate } from "./regressionEstimators.ts";
import type { SurvivalResult } from "./survivalEstimators.ts";

type Column = { name: string; values: number[] };

/** What decides whether an estimator applies to one outcome of one plan. */
export interface Applicability {
  readonly kind: OutcomeKind;
  readonly blocked: boolean;
  readonly covariates: boolean;
  readonly received: boolean;
  readonly permutations: boolean;
}

/** One contrast of one outcome as the estimators read it; the derived data sets are computed once, when first asked for. */
export interface EstimatorContext {
  readonly data: ContrastData;
  readonly blocks: readonly string[] | null;
  readonly permutationStrata: readonly string[] | null;
  readonly clustering: Clustering | null;
  readonly permutations: number;
  readonly seed: number;
  /** Persons with the outcome and every covariate, the covariates, and how many were left out. */
  readonly adjusted: () => { data: ContrastData; covariates: Column[]; left: number };
  /** Persons with the outcome and the received column (and, adjusted, every covariate). */
  readonly received: (adjusted: boolean) => { data: ContrastData; received: number[]; covariates: Column[] };
  /** Counts (and the exposure) of a count or rate outcome. */
  readonly counts: () => { counts: number[]; exposure: number[] | null };
  readonly binary: () => EffectEstimate[];
  readonly survival: () => SurvivalResult;
}

export interface ReportAs {
  /** difference: arm − control; ratio: estimate and CI on the ratio scale, log_estimate and SE on the log scale; test: a p-value (and statistic) only. */
  readonly scale: "difference" | "ratio" | "test";
  /** Shown in the report's effects table (the others are in effects.json and effects.csv). */
  readonly effectsTable: boolean;
  /** The estimate is the effect on those who received the programme, not the intention-to-treat effect. */
  readonly onReceived?: boolean;
}

export interface EstimatorDefinition {
  readonly appliesTo: (a: Applicability) => boolean;
  readonly estimate: (c: EstimatorContext) => EffectEstimate;
  readonly reportAs: ReportAs;
}

const notTimeToEvent = (a: Applicability) => a.kind !== "time_to_event";
const counted = (e: EffectEstimate, left: number): EffectEstimate => (left === 0 ? e : { ...e, notes: [...(e.notes ?? []), note("covariate_missing_left_out", { persons: left })] });
const regression = (c: EstimatorContext, estimator: "ols" | "ols_adjusted" | "lin", data: ContrastData, covariates: Column[]) =>
  c.clustering ? clusteredRegressionEstimate(data, estimator, covariates, c.clustering) : regressionEstimate(data, estimator, covariates);
/** An estimator whose variance treats persons as independent says so when the table has clusters (cluster assignment or --cluster-se). */
const unclustered = (c: EstimatorContext, e: EffectEstimate): EffectEstimate => (c.clustering && e.clusters === undefined && (e.std_error !== null || e.p_value !== null) ? { ...e, notes: [...(e.notes ?? []), note("interval_ignores_clusters")] } : e);
/** The contrast's clusters (one per unit) for the GLMs' vcovCL: with --cluster-se only; cluster assignment keeps the note. */
const varianceClustersOf = (c: Pick<EstimatorContext, "clustering" | "data">): string[] | null =>
  c.clustering && c.clustering.assignment === false ? c.data.units.map((u) => c.clustering!.clusters[u]!) : null;
const pick = (estimates: readonly EffectEstimate[], estimator: EffectEstimate["estimator"]): EffectEstimate => {
  const found = estimates.find((e) => e.estimator === estimator);
  if (!found) throw new Error(`estimators: ${estimator} was not computed`);
  return found;
};

/** The estimator ids in output order (the schema's enum); each has its entry in ESTIMATORS below. */
export const ESTIMATOR_IDS = [
  "difference_in_means",
  "difference_in_means_blocked",
  "ols",
  "ols_adjusted",
  "lin",
  "cace",
  "cace_adjusted",
  "risk_difference",
  "risk_ratio",
  "logistic",
  "poisson",
  "randomization",
  "logrank",
  "cox",
  "cox_adjusted",
  "rmst",
] as const;

export type EstimatorId = (typeof ESTIMATOR_IDS)[number];

export const ESTIMATORS: { readonly [K in EstimatorId]: EstimatorDefinition } = {
  difference_in_means: {
    appliesTo: notTimeToEvent,
    estimate: (c) => (c.clustering ? clusteredRegressionEstimate(c.data, "difference_in_means", [], c.clustering) : differenceInMeans(c.data)),
    reportAs: { scale: "difference", effectsTable: true },
  },
  difference_in_means_blocked: {
    appliesTo: (a) => notTimeToEvent(a) && a.blocked,
    estimate: (c) => (c.clustering?.assignmentClusters ? blockedClusteredDifferenceInMeans(c.data, c.blocks!, c.clustering.assignmentClusters) : blockedDifferenceInMeans(c.data, c.blocks!)),
    reportAs: { scale: "difference", effectsTable: true },
  },
  ols: { appliesTo: notTimeToEvent, estimate: (c) => regression(c, "ols", c.data, []), reportAs: { scale: "difference", effectsTable: false } },
  ols_adjusted: {
    appliesTo: (a) => notTimeToEvent(a) && a.covariates,
    estimate: (c) => {
      const adjusted = c.adjusted();
      return counted(regression(c, "ols_adjusted", adjusted.data, adjusted.covariates), adjusted.left);
    },
    reportAs: { scale: "difference", effectsTable: true },
  },
  lin: {
    appliesTo: (a) => notTimeToEvent(a) && a.covariates,
    estimate: (c) => {
      const adjusted = c.adjusted();
      return counted(regression(c, "lin", adjusted.data, adjusted.covariates), adjusted.left);
    },
    reportAs: { scale: "difference", effectsTable: true },
  },
  cace: {
    appliesTo: (a) => notTimeToEvent(a) && a.received,
    estimate: (c) => {
      const r = c.received(false);
      return caceEstimate(r.data, "cace", r.received, []);
    },
    reportAs: { scale: "difference", effectsTable: true, onReceived: true },
  },
  cace_adjusted: {
    appliesTo: (a) => notTimeToEvent(a) && a.received && a.covariates,
    estimate: (c) => {
      const r = c.received(true);
      return caceEstimate(r.data, "cace_adjusted", r.received, r.covariates);
    },
    reportAs: { scale: "difference", effectsTable: true, onReceived: true },
  },
  risk_difference: {
    appliesTo: (a) => a.kind === "binary",
    // With clusters, the regression of the 0/1 outcome on treatment with the cluster-robust SE (as ols).
    estimate: (c) => (c.clustering ? clusteredRegressionEstimate(c.data, "risk_difference", [], c.clustering) : pick(c.binary(), "risk_difference")),
    reportAs: { scale: "difference", effectsTable: false },
  },
  risk_ratio: { appliesTo: (a) => a.kind === "binary", estimate: (c) => unclustered(c, pick(c.binary(), "risk_ratio")), reportAs: { scale: "ratio", effectsTable: false } },
  logistic: { appliesTo: (a) => a.kind === "binary", estimate: (c) => unclustered(c, pick(c.binary(), "logistic")), reportAs: { scale: "ratio", effectsTable: true } },
  poisson: {
    appliesTo: (a) => a.kind === "count" || a.kind === "rate",
    estimate: (c) => {
      const { counts, exposure } = c.counts();
      return unclustered(c, poissonEstimate(c.data, counts, exposure, varianceClustersOf(c)));
    },
    reportAs: { scale: "ratio", effectsTable: true },
  },
  randomization: {
    appliesTo: (a) => notTimeToEvent(a) && a.permutations,
    estimate: (c) =>
      c.clustering?.assignmentClusters
        ? clusterRandomizationInference(c.data, c.clustering.assignmentClusters, c.permutationStrata, c.blocks, c.permutations, c.seed)
        : randomizationInference(c.data, c.permutationStrata, c.blocks, c.permutations, c.seed),
    reportAs: { scale: "test", effectsTable: true },
  },
  logrank: { appliesTo: (a) => a.kind === "time_to_event", estimate: (c) => unclustered(c, pick(c.survival().estimates, "logrank")), reportAs: { scale: "test", effectsTable: false } },
  cox: { appliesTo: (a) => a.kind === "time_to_event", estimate: (c) => unclustered(c, pick(c.survival().estimates, "cox")), reportAs: { scale: "ratio", effectsTable: false } },
  cox_adjusted: { appliesTo: (a) => a.kind === "time_to_event" && a.covariates, estimate: (c) => unclustered(c, pick(c.survival().estimates, "cox_adjusted")), reportAs: { scale: "ratio", effectsTable: false } },
  rmst: { appliesTo: (a) => a.kind === "time_to_event", estimate: (c) => unclustered(c, pick(c.survival().estimates, "rmst")), reportAs: { scale: "difference", effectsTable: false } },
};

/** The estimators one outcome gets, in output order. */
export function applicableEstimators(a: Applicability): EstimatorId[] {
  return ESTIMATOR_IDS.filter((id) => ESTIMATORS[id].appliesTo(a));
}

/** How the report shows an estimator (reportAs of its entry). */
export function reportAs(estimator: string): ReportAs | null {
  return (ESTIMATORS as Record<string, EstimatorDefinition>)[estimator]?.reportAs ?? null;
}
