/**
 * A KPI on a time-to-event outcome ("share re-offended by 24 months"): the share with the event
 * by `atDays`, read as 1 − the Kaplan–Meier survival there, with the interval 1 − the survival's
 * log-scale 95 % limits. Everyone counts from their own follow-up, so the share is readable
 * before everyone has been followed that long; it is not yet measurable while fewer than
 * `minPersons` are still followed (at risk) at `atDays`.
 */
import { kaplanMeier, survivalAt } from "../stats/kaplanMeier.ts";
import type { KpiResult, KpiSpec } from "./evaluateKpis.ts";

export interface SurvivalKpiSpec extends Omit<KpiSpec, "threshold"> {
  readonly atDays: number;
  readonly direction: "at_least" | "at_most" | "below_control" | "above_control";
  /** The share to reach; for below_control and above_control, ignored (the control arm's share is the threshold). */
  readonly threshold?: number;
}

/**
 * @param time days to the event or censoring, per person of the KPI's arm; event 1/0 (null where the person has no value)
 * @param control the control arm's times and events, for direction below_control or above_control
 */
export function evaluateSurvivalKpi(kpi: SurvivalKpiSpec, time: readonly (number | null)[], event: readonly (number | null)[], control?: { time: readonly (number | null)[]; event: readonly (number | null)[] }): KpiResult {
  const { kept, curve, point } = readAt(time, event, kpi.atDays);
  if (kpi.direction === "below_control" || kpi.direction === "above_control") {
    const reference = readAt(control?.time ?? [], control?.event ?? [], kpi.atDays).point;
    if (!reference) return { id: kpi.id, label: kpi.label, outcome: kpi.outcome, arm: kpi.arm ?? null, threshold: 0, persons: kept.length, achieved: 0, share: null, interval: null, verdict: "not_yet_measurable", certainty: `no one in the control arm has been followed ${kpi.atDays} days yet`, source: kpi.source };
    const result = evaluateSurvivalKpi({ ...kpi, direction: kpi.direction === "below_control" ? "at_most" : "at_least", threshold: 1 - reference.survival }, time, event);
    // The interval is the arm's alone: the control arm's uncertainty is in the log-rank, Cox and RMST estimates.
    return result.verdict === "not_yet_measurable" ? result : { ...result, certainty: `${result.certainty}; against the control arm's ${(100 * (1 - reference.survival)).toFixed(1)} % (see the log-rank, Cox and RMST estimates for the comparison's uncertainty)` };
  }
  const achieved = kept.filter((p) => p.e === 1 && p.t <= kpi.atDays).length;
  const threshold = kpi.threshold ?? 0;
  const base = { id: kpi.id, label: kpi.label, outcome: kpi.outcome, arm: kpi.arm ?? null, threshold, persons: kept.length, achieved, source: kpi.source };
  if (!point) return { ...base, share: null, interval: null, verdict: "not_yet_measurable", certainty: `no one has been followed ${kpi.atDays} days yet (longest follow-up: ${curve.steps.at(-1)?.time ?? 0} days)` };
  const share = 1 - point.survival;
  const interval: [number, number] | null = point.confLow === null || point.confHigh === null ? null : [1 - point.confHigh, 1 - point.confLow];
  if (point.nRisk < kpi.minPersons) return { ...base, share, interval, verdict: "not_yet_measurable", certainty: `only ${point.nRisk} persons are still followed at day ${kpi.atDays} (at least ${kpi.minPersons} are needed)` };
  const good = (x: number) => (kpi.direction === "at_most" ? x <= threshold : x >= threshold);
  const met = good(share);
  const certainty =
    interval === null
      ? "1 − Kaplan–Meier; no interval (the curve is at 0)"
      : good(interval[0]) && good(interval[1])
        ? "1 − Kaplan–Meier: the whole 95 % interval is on the right side of the threshold"
        : !good(interval[0]) && !good(interval[1])
          ? "1 − Kaplan–Meier: the whole 95 % interval is on the wrong side of the threshold"
          : "1 − Kaplan–Meier: the 95 % interval includes the threshold: with this many persons the verdict could go either way";
  return { ...base, share, interval, verdict: met ? "met" : "not_met", certainty };
}

function readAt(time: readonly (number | null)[], event: readonly (number | null)[], atDays: number) {
  const kept = time.map((t, i) => ({ t, e: event[i] ?? null })).filter((p): p is { t: number; e: number } => p.t !== null && p.e !== null);
  const curve = kaplanMeier(kept.map((p) => p.t), kept.map((p) => p.e));
  const point = kept.length > 0 ? survivalAt(curve, atDays) : null;
  return { kept, curve, point };
}
