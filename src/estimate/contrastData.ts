/**
 * One outcome in one contrast: the units that count, their treatment indicator and
 * outcome, and the fields every estimate entry repeats.
 */
import { mean } from "../stats/describe.ts";
import { normalQuantile, normalUpperTail, studentTQuantile, studentTTwoSidedP } from "../stats/distributions.ts";
import { note, type Note } from "../shared/note.ts";
import type { EffectEstimate } from "./schema.ts";

export interface ContrastData {
  readonly outcome: string;
  readonly contrast: string;
  /** Table row of each unit. */
  readonly units: readonly number[];
  /** 1 for the arm, 0 for the control arm. */
  readonly z: readonly number[];
  readonly y: readonly number[];
  readonly confidence: number;
}

type Base = Pick<EffectEstimate, "outcome" | "contrast" | "estimator" | "n_treated" | "n_control" | "mean_treated" | "mean_control">;

export function baseEntry(data: ContrastData, estimator: EffectEstimate["estimator"]): Base {
  const { treated, control } = split(data);
  return {
    outcome: data.outcome,
    contrast: data.contrast,
    estimator,
    n_treated: treated.length,
    n_control: control.length,
    mean_treated: treated.length > 0 ? mean(treated) : null,
    mean_control: control.length > 0 ? mean(control) : null,
  };
}

/** An entry whose numbers cannot be computed, saying why. */
export function notEstimable(data: ContrastData, estimator: EffectEstimate["estimator"], why: Note): EffectEstimate {
  return { ...baseEntry(data, estimator), estimate: null, std_error: null, statistic: null, df: null, p_value: null, conf_low: null, conf_high: null, notes: [why] };
}

/**
 * The note for a model src/stats could not fit: its preconditions fail in fixed phrasings (robustRegression,
 * instrumentalVariables, clusterRobustRegression); any other error is a bug and is thrown on.
 */
export function noteOfModelError(error: unknown): Note {
  const message = error instanceof Error ? error.message : String(error);
  const tooFew = /too few persons \((\d+)\) for the (\d+) coefficients/.exec(message);
  if (tooFew) return note("too_few_for_model", { persons: Number(tooFew[1]), coefficients: Number(tooFew[2]) });
  if (message.includes("leverage 1")) return note("leverage_one");
  if (message.includes("collinear")) return note("collinear_treatment");
  if (message.includes("at least two clusters")) return note("too_few_clusters");
  throw error;
}

/** estimate ÷ control mean, or null when the control mean is 0. */
export function relativeEffect(estimate: number | null, controlMean: number | null): number | null {
  return estimate === null || controlMean === null || controlMean === 0 ? null : estimate / controlMean;
}

export function split(data: ContrastData): { treated: number[]; control: number[] } {
  const treated: number[] = [];
  const control: number[] = [];
  for (let i = 0; i < data.y.length; i += 1) {
    if (data.z[i] === 1) treated.push(data.y[i]!);
    else if (data.z[i] === 0) control.push(data.y[i]!);
  }
  return { treated, control };
}

/**
 * The fields of a log-scale Wald estimate (risk ratio, logistic, Poisson): the ratio exp(β)
 * as `estimate` with its CI exp(β ± z·SE), and on the log scale `log_estimate` = β, its SE,
 * z = β/SE and the two-sided normal p.
 */
export function logRatioFields(b: number, se: number, confidence: number) {
  const z = normalQuantile(1 - (1 - confidence) / 2);
  return {
    estimate: Math.exp(b),
    log_estimate: b,
    std_error: se,
    statistic: b / se,
    df: null,
    p_value: 2 * normalUpperTail(Math.abs(b / se)),
    conf_low: Math.exp(b - z * se),
    conf_high: Math.exp(b + z * se),
  };
}

/** An estimate with its SE on `df` degrees of freedom: t, two-sided p, the CI at the data's confidence, the relative effect. */
export function tEntry(data: ContrastData, estimator: EffectEstimate["estimator"], estimate: number, standardError: number, df: number): EffectEstimate {
  const statistic = estimate / standardError;
  const margin = studentTQuantile(1 - (1 - data.confidence) / 2, df) * standardError;
  const base = baseEntry(data, estimator);
  return {
    ...base,
    estimate,
    std_error: standardError,
    statistic,
    df,
    p_value: studentTTwoSidedP(statistic, df),
    conf_low: estimate - margin,
    conf_high: estimate + margin,
    relative_effect: relativeEffect(estimate, base.mean_control),
  };
}
