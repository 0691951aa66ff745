/**
 * KPI thresholds as data (003/004: "at least 60 % in activation, work or education at 3, 6 and 12
 * months"): each KPI's count, share and Wilson 95 % interval among the persons whose outcome is observed,
 * and a verdict from the interval (./decideKpi.ts) — met, not met, not decided yet, or not yet measurable
 * when fewer than `minPersons` are past the horizon. Against the comparison group (below_control,
 * above_control) the verdict is read from the risk difference and its interval.
 */
import { wilsonInterval } from "../stats/wilsonInterval.ts";
import { decideAgainstControl, decideAgainstThreshold } from "./decideKpi.ts";
import { binomialStdError, shareDifference } from "./shareDifference.ts";
import { againstControl, type KpiResult, type KpiSpec } from "./types.ts";

export type { KpiResult, KpiSpec } from "./types.ts";

/**
 * @param values 0/1 per person of the KPI's arm, null where not yet observed (censored) or not applicable
 * @param control the comparison group's values, for direction below_control or above_control
 */
export function evaluateKpi(kpi: KpiSpec, values: readonly (number | null)[], control?: { arm: string; values: readonly (number | null)[] }): KpiResult {
  const { persons, achieved } = countOf(values);
  const share = persons > 0 ? achieved / persons : null;
  const interval = persons > 0 ? wilsonInterval(achieved, persons) : null;
  const base = { id: kpi.id, label: kpi.label, outcome: kpi.outcome, arm: kpi.arm ?? null, direction: kpi.direction, persons, achieved, share, interval, source: kpi.source };
  if (againstControl(kpi.direction)) {
    const other = countOf(control?.values ?? []);
    const otherShare = other.persons > 0 ? other.achieved / other.persons : null;
    const unmeasured = { ...base, threshold: null, comparison: { arm: control?.arm ?? "", persons: other.persons, share: otherShare, difference: null, interval: null }, verdict: "not_yet_measurable" as const };
    if (persons < kpi.minPersons || other.persons < kpi.minPersons) return { ...unmeasured, certainty: `only ${Math.min(persons, other.persons)} persons are past the horizon in an arm (at least ${kpi.minPersons} are needed in each)` };
    const d = shareDifference({ share: share!, stdError: binomialStdError(achieved, persons) }, { share: otherShare!, stdError: binomialStdError(other.achieved, other.persons) });
    return { ...base, threshold: null, comparison: { ...unmeasured.comparison, difference: d.difference, interval: d.interval }, ...decideAgainstControl(d.interval, kpi.direction) };
  }
  if (kpi.threshold === undefined) throw new Error("evaluateKpi requires a threshold unless the KPI is against the control arm");
  if (persons < kpi.minPersons) return { ...base, threshold: kpi.threshold, comparison: null, verdict: "not_yet_measurable", certainty: `only ${persons} persons are past the horizon (at least ${kpi.minPersons} are needed)` };
  return { ...base, threshold: kpi.threshold, comparison: null, ...decideAgainstThreshold(interval!, kpi.threshold, kpi.direction) };
}

function countOf(values: readonly (number | null)[]): { persons: number; achieved: number } {
  const observed = values.filter((v): v is number => v !== null);
  return { persons: observed.length, achieved: observed.filter((v) => v === 1).length };
}
