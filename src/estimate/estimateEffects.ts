/**
 * Every estimator that applies, for every outcome and every arm against the control
 * arm (each contrast uses the units of its two arms, as estimatr's condition1 /
 * condition2). Units missing the outcome (censored) are left out of that outcome, and every estimate of it counts
 * them per arm (note outcome_missing_left_out);
 * units missing a covariate are left out of the adjusted estimators (as lm's na.omit), and
 * those estimates say how many.
 * Holm and Benjamini–Hochberg adjust the p-values of each contrast × estimator across
 * the outcomes.
 */
import { note, type Note } from "../shared/note.ts";
import { benjaminiHochberg, holm } from "../stats/adjustPValues.ts";
import { pushTo } from "../shared/collections.ts";
import { unitsWith, valuesOf, type AnalysisTable, type EstimationPlan, type OutcomePlan } from "./analysisTable.ts";
import { binaryEstimates } from "./binaryEstimators.ts";
import { notEstimable, type ContrastData } from "./contrastData.ts";
import { applicableEstimators, ESTIMATORS, type EstimatorContext } from "./estimators.ts";
import type { EffectEstimate, InteractionTest, JointTest, SubgroupEffect } from "./schema.ts";
import { subgroupEffects } from "./subgroupEffects.ts";
import { jointTests } from "./jointTests.ts";
import { survivalEstimates, type SurvivalResult } from "./survivalEstimators.ts";

export function estimateEffects(table: AnalysisTable, plan: EstimationPlan): { estimates: EffectEstimate[]; subgroups: SubgroupEffect[]; interactions: InteractionTest[]; joint_tests?: JointTest[]; survival?: SurvivalResult["survival"]; survival_curves?: SurvivalResult["curves"]; survival_medians?: SurvivalResult["medians"] } {
  const estimates: EffectEstimate[] = [];
  const survival: SurvivalResult[] = [];
  const subgroups: SubgroupEffect[] = [];
  const interactions: InteractionTest[] = [];
  for (const arm of plan.arms) {
    const contrast = `${arm} vs ${plan.control}`;
    const pair = [arm, plan.control];
    for (const outcome of plan.outcomes) {
      const applicable = applicableEstimators({ kind: outcome.kind, blocked: table.blocks !== null, covariates: plan.covariates.length > 0, received: plan.received !== undefined, permutations: plan.permutations > 0 });
      if (outcome.kind === "time_to_event") {
        const result = timeToEvent(table, plan, outcome, arm);
        const dropped = missingOutcomeNote(table, plan, [outcome.id, outcome.survival!.event], arm);
        survival.push({ ...result, estimates: applicable.map((id) => withNote(ESTIMATORS[id].estimate(contextOf(table, plan, outcome, arm, null, () => result)), dropped)) });
        continue;
      }
      const needed = outcome.exposure ? [outcome.id, outcome.exposure] : [outcome.id];
      const units = unitsWith(table, pair, needed);
      const dropped = missingOutcomeNote(table, plan, needed, arm);
      const data: ContrastData = {
        outcome: outcome.id,
        contrast,
        units,
        z: units.map((i) => Number(table.arm[i] === arm)),
        y: valuesOf(table, outcome.id, units),
        confidence: plan.confidence,
      };
      const treatedCount = data.z.filter((z) => z === 1).length;
      if (treatedCount < 2 || units.length - treatedCount < 2) {
        const why = note("too_few_observed_per_arm", { treated: treatedCount, control: units.length - treatedCount });
        for (const estimator of applicable) estimates.push(withNote(notEstimable(data, estimator, why), dropped));
        continue;
      }
      const context = contextOf(table, plan, outcome, arm, data, () => {
        throw new Error("estimateEffects: survival asked for on an outcome that is not time to event");
      });
      for (const id of applicable) estimates.push(withNote(ESTIMATORS[id].estimate(context), dropped));
      for (const subgroup of plan.subgroups) {
        const result = subgroupEffects(data, subgroup, table.subgroups.get(subgroup)!);
        subgroups.push(...result.effects);
        interactions.push(result.interaction);
      }
    }
  }
  const timeToEventEstimates = survival.flatMap((s) => s.estimates);
  const survivalLists = survival.length > 0 ? { survival: survival.flatMap((s) => s.survival), survival_curves: survival.flatMap((s) => s.curves), survival_medians: survival.flatMap((s) => s.medians) } : {};
  const joint = jointTests(table, plan);
  return { estimates: adjustAcrossOutcomes([...estimates, ...timeToEventEstimates]), subgroups, interactions, ...(joint.length > 0 ? { joint_tests: joint } : {}), ...survivalLists };
}

/**
 * Persons of the contrast's two arms without a value in one of the outcome's columns (the outcome, its exposure, or
 * time and event), counted per arm; null when no one was left out.
 */
function missingOutcomeNote(table: AnalysisTable, plan: EstimationPlan, needed: readonly string[], arm: string): Note | null {
  const columns = needed.map((c) => table.columns.get(c));
  let treated = 0;
  let control = 0;
  for (let i = 0; i < table.arm.length; i += 1) {
    const a = table.arm[i];
    if (a !== arm && a !== plan.control) continue;
    if (columns.every((column) => column !== undefined && Number.isFinite(column[i]!))) continue;
    if (a === arm) treated += 1;
    else control += 1;
  }
  return treated + control === 0 ? null : note("outcome_missing_left_out", { treated, control });
}

function withNote(estimate: EffectEstimate, extra: Note | null): EffectEstimate {
  return extra === null ? estimate : { ...estimate, notes: [...(estimate.notes ?? []), extra] };
}

/** A time-to-event outcome in one contrast: Kaplan–Meier, log-rank, Cox, RMST (survivalEstimators.ts). */
function timeToEvent(table: AnalysisTable, plan: EstimationPlan, outcome: OutcomePlan, arm: string): SurvivalResult {
  const settings = outcome.survival!;
  const pair = [arm, plan.control];
  const needed = [outcome.id, settings.event];
  const units = unitsWith(table, pair, plan.covariates.length > 0 ? [...needed, ...plan.covariates] : needed);
  const all = unitsWith(table, pair, needed);
  // Cox with covariates needs them all; the unadjusted estimators use everyone with a time.
  const data = (chosen: number[]): ContrastData => ({ outcome: outcome.id, contrast: `${arm} vs ${plan.control}`, units: chosen, z: chosen.map((i) => Number(table.arm[i] === arm)), y: valuesOf(table, outcome.id, chosen), confidence: plan.confidence });
  const base = { arm, control: plan.control, at: settings.at, tau: settings.tau, ties: settings.ties, includeControl: arm === plan.arms[0] };
  // With --cluster-se, Cox's variance is clustered (cluster assignment alone keeps the note that it is not).
  const clustersOf = (chosen: number[]) => (table.varianceClusters ? chosen.map((i) => table.varianceClusters![i]!) : null);
  const result = survivalEstimates(data(all), valuesOf(table, settings.event, all), { ...base, covariates: null, clusters: clustersOf(all) });
  if (plan.covariates.length === 0) return result;
  const adjusted = survivalEstimates(data(units), valuesOf(table, settings.event, units), { ...base, covariates: plan.covariates.map((name) => ({ name, values: valuesOf(table, name, units) })), clusters: clustersOf(units) });
  const coxAdjusted = adjusted.estimates.filter((e) => e.estimator === "cox_adjusted");
  const at = result.estimates.findIndex((e) => e.estimator === "rmst");
  return { ...result, estimates: [...result.estimates.slice(0, at), ...coxAdjusted, ...result.estimates.slice(at)] };
}

/** The unit of assignment wins for the variance when both are given; fixed effects ride with either. */
function clusteringOf(table: AnalysisTable, plan: EstimationPlan): EstimatorContext["clustering"] {
  const type = plan.clusterSe ?? "CR2";
  const fixedEffects = table.fixedEffects ?? null;
  const assignmentClusters = table.clusters;
  if (table.varianceClusters) return { clusters: table.varianceClusters, type, assignment: false, fixedEffects, assignmentClusters };
  if (table.clusters) return { clusters: table.clusters, type, assignment: true, fixedEffects, assignmentClusters };
  return null;
}

/** One contrast as the estimators read it (estimators.ts); each derived data set is computed once, when first asked for. */
function contextOf(table: AnalysisTable, plan: EstimationPlan, outcome: OutcomePlan, arm: string, given: ContrastData | null, survival: () => SurvivalResult): EstimatorContext {
  const pair = [arm, plan.control];
  const needed = outcome.exposure ? [outcome.id, outcome.exposure] : [outcome.id];
  const subset = (units: number[]): ContrastData => ({ outcome: outcome.id, contrast: `${arm} vs ${plan.control}`, units, z: units.map((i) => Number(table.arm[i] === arm)), y: valuesOf(table, outcome.id, units), confidence: plan.confidence });
  const data = given ?? subset(unitsWith(table, pair, needed));
  const covariatesOf = (units: number[]) => plan.covariates.map((name) => ({ name, values: valuesOf(table, name, units) }));
  const once = <T>(make: () => T): (() => T) => {
    let value: { v: T } | null = null;
    return () => (value ??= { v: make() }).v;
  };
  const clustering = clusteringOf(table, plan);
  return {
    data,
    blocks: table.blocks,
    permutationStrata: table.permutationStrata,
    // A cluster-randomised table, or SEs clustered at another level (--cluster-se): the regressions with cluster-robust SEs (clusterEstimators.ts).
    clustering,
    permutations: plan.permutations,
    seed: plan.seed,
    // Persons without a covariate value are left out of the adjusted estimators, and said so (never silently).
    adjusted: once(() => {
      const units = unitsWith(table, pair, [...needed, ...plan.covariates]);
      return { data: subset(units), covariates: covariatesOf(units), left: data.units.length - units.length };
    }),
    // The effect on those who received the programme: the arm instruments receiving it.
    received: (adjusted) => {
      const units = unitsWith(table, pair, [...needed, plan.received!, ...(adjusted ? plan.covariates : [])]);
      return { data: subset(units), received: valuesOf(table, plan.received!, units), covariates: adjusted ? covariatesOf(units) : [] };
    },
    counts: once(() => {
      const exposure = outcome.exposure ? valuesOf(table, outcome.exposure, data.units) : null;
      // A rate per person-year times its exposure is the count; rounding removes the binary noise of the division.
      const counts = outcome.kind === "rate" && exposure ? data.y.map((rate, i) => Math.round(rate * exposure[i]!)) : [...data.y];
      return { counts, exposure };
    }),
    binary: once(() => binaryEstimates(data, clustering && clustering.assignment === false ? data.units.map((u) => clustering.clusters[u]!) : null)),
    survival,
  };
}

function adjustAcrossOutcomes(estimates: EffectEstimate[]): EffectEstimate[] {
  const families = new Map<string, number[]>();
  estimates.forEach((e, i) => {
    if (e.p_value === null) return;
    const key = `${e.contrast}\u0000${e.estimator}`;
    pushTo(families, key, i);
  });
  const out = estimates.map((e) => ({ ...e, p_value_holm: null as number | null, p_value_bh: null as number | null }));
  for (const members of families.values()) {
    const p = members.map((i) => estimates[i]!.p_value!);
    const h = holm(p);
    const bh = benjaminiHochberg(p);
    members.forEach((i, k) => {
      out[i]!.p_value_holm = h[k]!;
      out[i]!.p_value_bh = bh[k]!;
    });
  }
  return out;
}
