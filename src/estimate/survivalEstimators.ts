/**
 * The time-to-event estimators of one outcome in one contrast (arm vs control), each as R's
 * survival package computes it:
 *
 *   survival     Kaplan–Meier per arm at the requested times     survfit + summary(times = at)
 *   logrank      χ² on 1 df, its p                               survdiff
 *   cox          hazard ratio arm vs control (Efron; Breslow)    coxph(Surv(time, event) ~ arm, robust = TRUE)
 *   cox_adjusted the same with the covariates                    coxph(Surv(time, event) ~ arm + covariates)
 *   rmst         RMST(arm) − RMST(control) up to τ, SE √(SE₁² + SE₀²), normal CI and p
 *                                                                 print(survfit, rmean = tau), per arm
 *
 * Persons are censored at their own time when the event indicator is 0 — so no one is dropped
 * for not having had the event yet, and the curves can be read before everyone has the full follow-up.
 */
import { note } from "../shared/note.ts";
import { coxRegression, type CoxTies } from "../stats/coxRegression.ts";
import { coxClusterVariance } from "../stats/clusteredScores.ts";
import { normalQuantile, normalUpperTail } from "../stats/distributions.ts";
import { kaplanMeier, medianSurvival, survivalAt, type SurvivalCurve } from "../stats/kaplanMeier.ts";
import { logRank } from "../stats/logRank.ts";
import { restrictedMean } from "../stats/restrictedMean.ts";
import type { ContrastData } from "./contrastData.ts";
import type { EffectEstimate, SurvivalMedian, SurvivalPoint } from "./schema.ts";

export interface SurvivalPlan {
  readonly arm: string;
  readonly control: string;
  /** Times at which to read the curves. */
  readonly at: readonly number[];
  /** The RMST restriction; null = the shorter of the two arms' longest follow-up. */
  readonly tau: number | null;
  readonly ties: CoxTies;
  /** Covariates for cox_adjusted (the units of `data` all have them), or null for none. */
  readonly covariates: readonly { name: string; values: readonly number[] }[] | null;
  /** Whether to include the control arm's curve (once per outcome, not once per contrast). */
  readonly includeControl: boolean;
  /** With --cluster-se: each unit's cluster, for Cox's clustered variance (coxph(cluster =)). */
  readonly clusters?: readonly string[] | null;
}

export interface SurvivalResult {
  readonly estimates: EffectEstimate[];
  readonly survival: SurvivalPoint[];
  readonly curves: SurvivalPoint[];
  readonly medians: SurvivalMedian[];
}

/** @param data y = the time, z = 1 for the arm; `event` 1 = the event at y, 0 = censored at y */
export function survivalEstimates(data: ContrastData, event: readonly number[], plan: SurvivalPlan): SurvivalResult {
  const pick = (flag: number) => data.z.map((z, i) => (z === flag ? i : -1)).filter((i) => i >= 0);
  const arms = [
    { name: plan.arm, units: pick(1) },
    { name: plan.control, units: pick(0) },
  ].map((a) => ({ ...a, curve: kaplanMeier(a.units.map((i) => data.y[i]!), a.units.map((i) => event[i]!), data.confidence) }));
  const [treated, control] = arms as [(typeof arms)[0], (typeof arms)[0]];
  const shown = plan.includeControl ? arms : [treated];
  const survival = shown.flatMap((a) => pointsAt(data.outcome, a.name, a.curve, plan.at));
  const curves = shown.flatMap((a) => a.curve.steps.map((s) => ({ outcome: data.outcome, arm: a.name, time: s.time, survival: s.survival, std_error: s.stdError, conf_low: s.confLow, conf_high: s.confHigh, n_risk: s.nRisk, n_event: s.nEvent })));
  const medians = shown.map((a) => ({ outcome: data.outcome, arm: a.name, ...renameMedian(medianSurvival(a.curve)), n: a.curve.n, events: a.curve.events }));

  const base = {
    outcome: data.outcome,
    contrast: data.contrast,
    n_treated: treated.units.length,
    n_control: control.units.length,
    mean_treated: null,
    mean_control: null,
    events_treated: treated.curve.events,
    events_control: control.curve.events,
  };
  const z = normalQuantile(1 - (1 - data.confidence) / 2);
  const estimates: EffectEstimate[] = [];
  if (treated.curve.events + control.curve.events === 0) {
    const why = [note("no_events_yet")];
    for (const estimator of ["logrank", "cox", ...(plan.covariates ? ["cox_adjusted" as const] : []), "rmst"] as const) estimates.push({ ...base, estimator, estimate: null, std_error: null, statistic: null, df: null, p_value: null, conf_low: null, conf_high: null, notes: why });
    return { estimates, survival, curves, medians };
  }

  const test = logRank(data.y, event, data.z);
  estimates.push({ ...base, estimator: "logrank", estimate: null, std_error: null, statistic: finite(test.statistic), df: 1, p_value: finite(test.pValue), conf_low: null, conf_high: null, notes: [note("logrank_events", { observed: test.observed[1]!, expected: round(test.expected[1]!), arm: plan.arm })] });

  estimates.push(coxEntry(base, "cox", data.y, event, [data.z], plan.ties, z, plan.clusters ?? null));
  if (plan.covariates) {
    // A covariate constant among these persons has no coefficient (coxph gives NA): left out and named.
    const constant = plan.covariates.filter((c) => c.values.every((v) => v === c.values[0]));
    const used = plan.covariates.filter((c) => !constant.includes(c));
    const entry = coxEntry(base, "cox_adjusted", data.y, event, [data.z, ...used.map((c) => c.values)], plan.ties, z, plan.clusters ?? null);
    estimates.push(constant.length > 0 ? { ...entry, dropped_covariates: constant.map((c) => c.name) } : entry);
  }

  const tau = plan.tau ?? Math.min(lastTime(treated.curve), lastTime(control.curve));
  const [r1, r0] = [restrictedMean(treated.curve, tau), restrictedMean(control.curve, tau)];
  const difference = r1.rmst - r0.rmst;
  const se = Math.sqrt(r1.stdError ** 2 + r0.stdError ** 2);
  estimates.push({
    ...base,
    estimator: "rmst",
    estimate: difference,
    std_error: se,
    statistic: se > 0 ? difference / se : null,
    df: null,
    p_value: se > 0 ? 2 * normalUpperTail(Math.abs(difference / se)) : null,
    conf_low: difference - z * se,
    conf_high: difference + z * se,
    mean_treated: r1.rmst,
    mean_control: r0.rmst,
    tau,
    ...(plan.tau === null ? { notes: [note("rmst_tau_shorter_follow_up")] } : {}),
  });
  return { estimates, survival, curves, medians };
}

function coxEntry(base: Omit<EffectEstimate, "estimator" | "estimate" | "std_error" | "statistic" | "df" | "p_value" | "conf_low" | "conf_high">, estimator: "cox" | "cox_adjusted", time: readonly number[], event: readonly number[], x: readonly (readonly number[])[], ties: CoxTies, z: number, clusters: readonly string[] | null): EffectEstimate {
  const empty = { ...base, estimator, estimate: null, std_error: null, statistic: null, df: null, p_value: null, conf_low: null, conf_high: null, ties };
  let fit;
  try {
    fit = coxRegression(time, event, x, ties);
  } catch {
    return { ...empty, notes: [note("no_finite_maximum")] };
  }
  const b = fit.coefficients[0]!;
  // coxph(cluster =): the SE (and its test and interval) from the clusters' summed dfbeta.
  const se = Math.sqrt((clusters ? coxClusterVariance(fit, clusters) : fit.variance)[0]![0]!);
  if (!fit.converged || !Number.isFinite(b) || !Number.isFinite(se) || Math.abs(b) > 20) return { ...empty, notes: [note("no_finite_maximum")] };
  return {
    ...empty,
    estimate: Math.exp(b),
    hazard_ratio: Math.exp(b),
    log_estimate: b,
    std_error: se,
    robust_std_error: Math.sqrt(fit.robustVariance[0]![0]!),
    statistic: b / se,
    p_value: 2 * normalUpperTail(Math.abs(b / se)),
    conf_low: Math.exp(b - z * se),
    conf_high: Math.exp(b + z * se),
    ...(clusters ? { clusters: new Set(clusters).size, notes: [note("cluster_dfbeta", { clusters: new Set(clusters).size })] } : {}),
  };
}

function pointsAt(outcome: string, arm: string, curve: SurvivalCurve, at: readonly number[]): SurvivalPoint[] {
  return at.map((time) => {
    const point = survivalAt(curve, time);
    // Past the longest follow-up the curve is unknown (summary.survfit drops the time).
    if (!point) return { outcome, arm, time, survival: null, std_error: null, conf_low: null, conf_high: null, n_risk: 0 };
    return { outcome, arm, time, survival: point.survival, std_error: point.stdError, conf_low: point.confLow, conf_high: point.confHigh, n_risk: point.nRisk };
  });
}

const renameMedian = (m: { median: number | null; confLow: number | null; confHigh: number | null }) => ({ median: m.median, conf_low: m.confLow, conf_high: m.confHigh });
const lastTime = (curve: SurvivalCurve) => curve.steps[curve.steps.length - 1]?.time ?? 0;
const finite = (x: number) => (Number.isFinite(x) ? x : null);
const round = (x: number) => Math.round(x * 100) / 100;
