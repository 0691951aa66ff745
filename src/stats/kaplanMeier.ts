/**
 * The Kaplan–Meier estimate of a survival curve, as R's `survival::survfit(Surv(time, event) ~ 1)`
 * with its defaults: Greenwood variance, confidence interval on the log scale
 * (`conf.type = "log"`: S · exp(± z · √Σ d / (n (n − d)))), and the median as `print.survfit`
 * reads it (the first time S ≤ ½; the midpoint to the next step where S is exactly ½).
 *
 * Reference: Kaplan & Meier (1958); Greenwood (1926); Therneau, `survfit.formula`.
 */
import { normalQuantile } from "./distributions.ts";

export interface SurvivalStep {
  /** A distinct observed time (event or censoring), ascending. */
  readonly time: number;
  readonly nRisk: number;
  readonly nEvent: number;
  readonly nCensor: number;
  readonly survival: number;
  /** Standard error of the survival (Greenwood), as `summary.survfit`'s `std.err`; null once the curve is 0 (R: NaN). */
  readonly stdError: number | null;
  /** Greenwood's Σ d / (n (n − d)): the variance of log S. */
  readonly greenwood: number;
  readonly confLow: number | null;
  readonly confHigh: number | null;
}

export interface SurvivalCurve {
  readonly steps: readonly SurvivalStep[];
  readonly n: number;
  readonly events: number;
  readonly confidence: number;
}

/**
 * The Kaplan–Meier curve of one group.
 * @param time follow-up time per person (≥ 0)
 * @param event 1 = the event happened at `time`, 0 = censored at `time`
 * @example kaplanMeier([1, 2, 2, 3], [1, 1, 0, 1]).steps[1].survival // 0.5
 */
export function kaplanMeier(time: readonly number[], event: readonly number[], confidence = 0.95): SurvivalCurve {
  if (time.length !== event.length) throw new Error("kaplanMeier requires one event indicator per time");
  const order = time.map((_, i) => i).sort((a, b) => time[a]! - time[b]!);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const steps: SurvivalStep[] = [];
  let atRisk = time.length;
  let survival = 1;
  let greenwood = 0;
  let events = 0;
  for (let k = 0; k < order.length; ) {
    const t = time[order[k]!]!;
    let d = 0;
    let c = 0;
    while (k < order.length && time[order[k]!] === t) {
      if (event[order[k]!] === 1) d += 1;
      else c += 1;
      k += 1;
    }
    if (d > 0) {
      survival *= 1 - d / atRisk;
      // survfit adds nothing to the variance when everyone at risk has the event.
      if (atRisk > d) greenwood += d / (atRisk * (atRisk - d));
    }
    events += d;
    const width = z * Math.sqrt(greenwood);
    const positive = survival > 0;
    steps.push({
      time: t,
      nRisk: atRisk,
      nEvent: d,
      nCensor: c,
      survival,
      stdError: positive ? survival * Math.sqrt(greenwood) : null,
      greenwood,
      confLow: positive ? survival * Math.exp(-width) : null,
      confHigh: positive ? Math.min(1, survival * Math.exp(width)) : null,
    });
    atRisk -= d + c;
  }
  return { steps, n: time.length, events, confidence };
}

/** The curve at a time, as `summary(fit, times = t)`: null past the last observed time. */
export function survivalAt(curve: SurvivalCurve, t: number): { survival: number; stdError: number | null; confLow: number | null; confHigh: number | null; nRisk: number } | null {
  const last = curve.steps[curve.steps.length - 1];
  if (!last || t > last.time) return null;
  let index = -1;
  while (index + 1 < curve.steps.length && curve.steps[index + 1]!.time <= t) index += 1;
  // Number at risk just before t: those whose time is ≥ t.
  const nRisk = curve.steps.filter((s) => s.time >= t).reduce((sum, s) => sum + s.nEvent + s.nCensor, 0);
  if (index < 0) return { survival: 1, stdError: 0, confLow: 1, confHigh: 1, nRisk };
  const step = curve.steps[index]!;
  return { survival: step.survival, stdError: step.stdError, confLow: step.confLow, confHigh: step.confHigh, nRisk };
}

/** The median survival time and its confidence interval, as `print.survfit` (null when the curve does not reach ½). */
export function medianSurvival(curve: SurvivalCurve): { median: number | null; confLow: number | null; confHigh: number | null } {
  const times = curve.steps.map((s) => s.time);
  return {
    median: firstBelowHalf(times, curve.steps.map((s) => s.survival)),
    // The lower limit of the median is where the lower curve crosses ½, and so on.
    confLow: firstBelowHalf(times, curve.steps.map((s) => s.confLow)),
    confHigh: firstBelowHalf(times, curve.steps.map((s) => s.confHigh)),
  };
}

/** survmean's `minmin`: the first time y < ½ + √ε; the midpoint when y is ½ there and drops later. */
function firstBelowHalf(times: readonly number[], values: readonly (number | null)[]): number | null {
  const tolerance = Math.sqrt(Number.EPSILON);
  const kept = times.map((t, i) => ({ t, y: values[i] })).filter((p): p is { t: number; y: number } => typeof p.y === "number" && p.y < 0.5 + tolerance);
  const first = kept[0];
  if (!first) return null;
  if (Math.abs(first.y - 0.5) < tolerance) {
    const lower = kept.find((p) => p.y < first.y);
    if (lower) return (first.t + lower.t) / 2;
  }
  return first.t;
}
