/**
 * A KPI on a time-to-event outcome ("share re-offended by 24 months"): the share with the event by
 * `atDays`, read as 1 − the Kaplan–Meier survival there, with the interval 1 − the survival's log-scale 95 %
 * limits. Everyone counts from their own follow-up, so the share is readable before everyone has been
 * followed that long; it is not yet measurable while fewer than `minPersons` are still followed (at risk)
 * at `atDays` — in either arm, when the KPI is against the comparison group. Against the comparison group
 * the verdict is read from the difference of the two arms' shares at `atDays` and its interval, each arm
 * with its Greenwood variance (./shareDifference.ts), never from the comparison arm's point estimate alone.
 */
import { kaplanMeier, survivalAt } from "../stats/kaplanMeier.ts";
import { decideAgainstControl, decideAgainstThreshold } from "./decideKpi.ts";
import { shareDifference } from "./shareDifference.ts";
import { againstControl, type KpiResult, type KpiSpec } from "./types.ts";

export interface SurvivalKpiSpec extends KpiSpec {
  readonly atDays: number;
}

interface Arm {
  readonly time: readonly (number | null)[];
  readonly event: readonly (number | null)[];
}

/**
 * @param arm days to the event or censoring, per person of the KPI's arm; event 1/0 (null where the person has no value)
 * @param control the comparison group's times and events, for direction below_control or above_control
 */
export function evaluateSurvivalKpi(kpi: SurvivalKpiSpec, arm: Arm, control?: Arm & { readonly arm: string }): KpiResult {
  const own = readAt(arm, kpi.atDays);
  const share = own.point ? 1 - own.point.survival : null;
  const interval: [number, number] | null = own.point === null ? null : own.point.confLow === null || own.point.confHigh === null ? [share!, share!] : [1 - own.point.confHigh, 1 - own.point.confLow];
  const base = { id: kpi.id, label: kpi.label, outcome: kpi.outcome, arm: kpi.arm ?? null, direction: kpi.direction, persons: own.persons, achieved: own.achieved, share, interval, source: kpi.source };
  const tooFew = (reading: ReturnType<typeof readAt>, who: string) =>
    reading.point === null ? `no one ${who}has been followed ${kpi.atDays} days yet` : reading.point.nRisk < kpi.minPersons ? `only ${reading.point.nRisk} persons ${who}are still followed at day ${kpi.atDays} (at least ${kpi.minPersons} are needed)` : null;
  if (againstControl(kpi.direction)) {
    const other = readAt(control ?? { time: [], event: [] }, kpi.atDays);
    const otherShare = other.point ? 1 - other.point.survival : null;
    const comparison = { arm: control?.arm ?? "", persons: other.persons, share: otherShare, difference: null, interval: null };
    const few = tooFew(own, "in the arm ") ?? tooFew(other, "in the comparison group ");
    if (few !== null) return { ...base, threshold: null, comparison, verdict: "not_yet_measurable", certainty: few };
    if (own.point!.stdError === null || other.point!.stdError === null) return { ...base, threshold: null, comparison: { ...comparison, difference: share! - otherShare! }, ...decideAgainstControl(null, kpi.direction) };
    const d = shareDifference({ share: share!, stdError: own.point!.stdError }, { share: otherShare!, stdError: other.point!.stdError });
    return { ...base, threshold: null, comparison: { ...comparison, difference: d.difference, interval: d.interval }, ...decideAgainstControl(d.interval, kpi.direction) };
  }
  if (kpi.threshold === undefined) throw new Error("evaluateSurvivalKpi requires a threshold unless the KPI is against the control arm");
  const few = tooFew(own, "");
  if (few !== null) return { ...base, threshold: kpi.threshold, comparison: null, verdict: "not_yet_measurable", certainty: few };
  return { ...base, threshold: kpi.threshold, comparison: null, ...decideAgainstThreshold(interval!, kpi.threshold, kpi.direction) };
}

function readAt(arm: Arm, atDays: number) {
  const kept = arm.time.map((t, i) => ({ t, e: arm.event[i] ?? null })).filter((p): p is { t: number; e: number } => p.t !== null && p.e !== null);
  const curve = kaplanMeier(kept.map((p) => p.t), kept.map((p) => p.e));
  const point = kept.length > 0 ? survivalAt(curve, atDays) : null;
  return { persons: kept.length, achieved: kept.filter((p) => p.e === 1 && p.t <= atDays).length, point };
}
