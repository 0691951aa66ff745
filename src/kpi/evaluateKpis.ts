/**
 * KPI thresholds as data (003/004: "at least 60 % in activation, work or education at 3,
 * 6 and 12 months"): each KPI's count, share and Wilson 95 % interval among the persons
 * whose outcome is observed, and a verdict — met, not met, or not yet measurable when
 * fewer than `minPersons` are past the horizon — with the interval's position against the
 * threshold said plainly when n is small.
 */
import type { Label } from "../shared/label.ts";
import { wilsonInterval } from "../stats/wilsonInterval.ts";

export interface KpiSpec {
  readonly id: string;
  readonly label: Label;
  readonly outcome: string;
  readonly threshold: number;
  readonly arm?: string;
  readonly minPersons: number;
  readonly source: string;
}

export interface KpiResult {
  readonly id: string;
  readonly label: Label;
  readonly outcome: string;
  readonly arm: string | null;
  readonly threshold: number;
  readonly persons: number;
  readonly achieved: number;
  readonly share: number | null;
  readonly interval: [number, number] | null;
  readonly verdict: "met" | "not_met" | "not_yet_measurable";
  readonly certainty: string;
  readonly source: string;
}

/** @param values 0/1 per person, null where not yet observed (censored) or not applicable */
export function evaluateKpi(kpi: KpiSpec, values: readonly (number | null)[]): KpiResult {
  const observed = values.filter((v): v is number => v !== null);
  const achieved = observed.filter((v) => v === 1).length;
  const base = { id: kpi.id, label: kpi.label, outcome: kpi.outcome, arm: kpi.arm ?? null, threshold: kpi.threshold, persons: observed.length, achieved, source: kpi.source };
  if (observed.length < kpi.minPersons) {
    return { ...base, share: observed.length > 0 ? achieved / observed.length : null, interval: observed.length > 0 ? wilsonInterval(achieved, observed.length) : null, verdict: "not_yet_measurable", certainty: `only ${observed.length} persons are past the horizon (at least ${kpi.minPersons} are needed)` };
  }
  const share = achieved / observed.length;
  const interval = wilsonInterval(achieved, observed.length);
  const certainty =
    interval[0] >= kpi.threshold
      ? "the whole 95 % interval is at or above the threshold"
      : interval[1] < kpi.threshold
        ? "the whole 95 % interval is below the threshold"
        : "the 95 % interval includes the threshold: with this many persons the verdict could go either way";
  return { ...base, share, interval, verdict: share >= kpi.threshold ? "met" : "not_met", certainty };
}
