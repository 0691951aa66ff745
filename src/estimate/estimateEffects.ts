/**
 * Every estimator that applies, for every outcome and every arm against the control
 * arm (each contrast uses the units of its two arms, as estimatr's condition1 /
 * condition2). Units missing the outcome (censored) are left out of that outcome;
 * units missing a covariate are left out of the adjusted estimators (as lm's na.omit), and
 * those estimates say how many.
 * Holm and Benjamini–Hochberg adjust the p-values of each contrast × estimator across
 * the outcomes.
 */
import { benjaminiHochberg, holm } from "../stats/adjustPValues.ts";
import { pushTo } from "../shared/collections.ts";
import { unitsWith, valuesOf, type AnalysisTable, type EstimationPlan, type OutcomePlan } from "./analysisTable.ts";
import { binaryEstimates } from "./binaryEstimators.ts";
import { caceEstimate } from "./caceEstimator.ts";
import { clusterRandomizationInference } from "./clusterRandomizationInference.ts";
import { blockedClusteredDifferenceInMeans, clusteredRegressionEstimate } from "./clusterEstimators.ts";
import { notEstimable, type ContrastData } from "./contrastData.ts";
import { blockedDifferenceInMeans, differenceInMeans } from "./differenceInMeans.ts";
import { poissonEstimate } from "./poissonEstimator.ts";
import { randomizationInference } from "./randomizationInference.ts";
import { regressionEstimate } from "./regressionEstimators.ts";
import type { EffectEstimate, InteractionTest, SubgroupEffect } from "./schema.ts";
import { subgroupEffects } from "./subgroupEffects.ts";
import { survivalEstimates, type SurvivalResult } from "./survivalEstimators.ts";

export function estimateEffects(table: AnalysisTable, plan: EstimationPlan): { estimates: EffectEstimate[]; subgroups: SubgroupEffect[]; interactions: InteractionTest[]; survival?: SurvivalResult["survival"]; survival_curves?: SurvivalResult["curves"]; survival_medians?: SurvivalResult["medians"] } {
  const estimates: EffectEstimate[] = [];
  const survival: SurvivalResult[] = [];
  const subgroups: SubgroupEffect[] = [];
  const interactions: InteractionTest[] = [];
  for (const arm of plan.arms) {
    const contrast = `${arm} vs ${plan.control}`;
    const pair = [arm, plan.control];
    for (const outcome of plan.outcomes) {
      if (outcome.kind === "time_to_event") {
        survival.push(timeToEvent(table, plan, outcome, arm));
        continue;
      }
      const needed = outcome.exposure ? [outcome.id, outcome.exposure] : [outcome.id];
      const units = unitsWith(table, pair, needed);
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
        const note = `needs at least two persons with the outcome observed in each arm; there are ${treatedCount} and ${units.length - treatedCount}`;
        for (const estimator of applicableEstimators(outcome.kind, table.blocks !== null, plan)) estimates.push(notEstimable(data, estimator, note));
        continue;
      }
      // A cluster-randomised table: every estimator with cluster-robust SEs (clusterEstimators.ts).
      const clustering = table.clusters ? { clusters: table.clusters, type: plan.clusterSe ?? ("CR2" as const) } : null;
      const regression = (d: ContrastData, estimator: "ols" | "ols_adjusted" | "lin", covariates: { name: string; values: number[] }[]) =>
        clustering ? clusteredRegressionEstimate(d, estimator, covariates, clustering) : regressionEstimate(d, estimator, covariates);
      estimates.push(clustering ? clusteredRegressionEstimate(data, "difference_in_means", [], clustering) : differenceInMeans(data));
      if (table.blocks) estimates.push(clustering ? blockedClusteredDifferenceInMeans(data, table.blocks, clustering.clusters) : blockedDifferenceInMeans(data, table.blocks));
      estimates.push(regression(data, "ols", []));
      if (plan.covariates.length > 0) {
        const adjustedUnits = unitsWith(table, pair, [...needed, ...plan.covariates]);
        const adjusted: ContrastData = { ...data, units: adjustedUnits, z: adjustedUnits.map((i) => Number(table.arm[i] === arm)), y: valuesOf(table, outcome.id, adjustedUnits) };
        const covariates = plan.covariates.map((name) => ({ name, values: valuesOf(table, name, adjustedUnits) }));
        // Persons without a covariate value are left out of these two, and said so (never silently).
        const left = units.length - adjustedUnits.length;
        const counted = (e: EffectEstimate): EffectEstimate => (left === 0 ? e : { ...e, note: [e.note, `${left} person(s) without a covariate value left out`].filter(Boolean).join("; ") });
        estimates.push(counted(regression(adjusted, "ols_adjusted", covariates)));
        estimates.push(counted(regression(adjusted, "lin", covariates)));
      }
      if (plan.received) {
        // The effect on those who received the programme: the arm instruments receiving it.
        const withReceived = unitsWith(table, pair, [...needed, plan.received]);
        const caceData: ContrastData = { ...data, units: withReceived, z: withReceived.map((i) => Number(table.arm[i] === arm)), y: valuesOf(table, outcome.id, withReceived) };
        estimates.push(caceEstimate(caceData, "cace", valuesOf(table, plan.received, withReceived), []));
        if (plan.covariates.length > 0) {
          const caceUnits = unitsWith(table, pair, [...needed, plan.received, ...plan.covariates]);
          const adjusted: ContrastData = { ...data, units: caceUnits, z: caceUnits.map((i) => Number(table.arm[i] === arm)), y: valuesOf(table, outcome.id, caceUnits) };
          estimates.push(caceEstimate(adjusted, "cace_adjusted", valuesOf(table, plan.received, caceUnits), plan.covariates.map((name) => ({ name, values: valuesOf(table, name, caceUnits) }))));
        }
      }
      if (outcome.kind === "binary") estimates.push(...binaryEstimates(data));
      if (outcome.kind === "count" || outcome.kind === "rate") {
        const exposure = outcome.exposure ? valuesOf(table, outcome.exposure, units) : null;
        // A rate per person-year times its exposure is the count; rounding removes the binary noise of the division.
        const counts = outcome.kind === "rate" && exposure ? data.y.map((rate, i) => Math.round(rate * exposure[i]!)) : [...data.y];
        estimates.push(poissonEstimate(data, counts, exposure));
      }
      if (plan.permutations > 0) {
        estimates.push(
          clustering
            ? clusterRandomizationInference(data, clustering.clusters, table.permutationStrata, table.blocks, plan.permutations, plan.seed)
            : randomizationInference(data, table.permutationStrata, table.blocks, plan.permutations, plan.seed),
        );
      }
      for (const subgroup of plan.subgroups) {
        const result = subgroupEffects(data, subgroup, table.subgroups.get(subgroup)!);
        subgroups.push(...result.effects);
        interactions.push(result.interaction);
      }
    }
  }
  const timeToEventEstimates = survival.flatMap((s) => s.estimates);
  const survivalLists = survival.length > 0 ? { survival: survival.flatMap((s) => s.survival), survival_curves: survival.flatMap((s) => s.curves), survival_medians: survival.flatMap((s) => s.medians) } : {};
  return { estimates: adjustAcrossOutcomes([...estimates, ...timeToEventEstimates]), subgroups, interactions, ...survivalLists };
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
  const result = survivalEstimates(data(all), valuesOf(table, settings.event, all), { ...base, covariates: null });
  if (plan.covariates.length === 0) return result;
  const adjusted = survivalEstimates(data(units), valuesOf(table, settings.event, units), { ...base, covariates: plan.covariates.map((name) => ({ name, values: valuesOf(table, name, units) })) });
  const coxAdjusted = adjusted.estimates.filter((e) => e.estimator === "cox_adjusted");
  const at = result.estimates.findIndex((e) => e.estimator === "rmst");
  return { ...result, estimates: [...result.estimates.slice(0, at), ...coxAdjusted, ...result.estimates.slice(at)] };
}

/** The estimators an outcome gets, in output order. */
function applicableEstimators(kind: OutcomePlan["kind"], blocked: boolean, plan: EstimationPlan): EffectEstimate["estimator"][] {
  return [
    "difference_in_means",
    ...(blocked ? ["difference_in_means_blocked" as const] : []),
    "ols",
    ...(plan.covariates.length > 0 ? ["ols_adjusted" as const, "lin" as const] : []),
    ...(plan.received ? ["cace" as const, ...(plan.covariates.length > 0 ? ["cace_adjusted" as const] : [])] : []),
    ...(kind === "binary" ? ["risk_difference" as const, "risk_ratio" as const, "logistic" as const] : []),
    ...(kind === "count" || kind === "rate" ? ["poisson" as const] : []),
    ...(plan.permutations > 0 ? ["randomization" as const] : []),
  ];
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
