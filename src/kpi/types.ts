/** What a KPI is (the spec's `kpis[]`, parsed) and what its evaluation says. */
import type { Label } from "../shared/label.ts";

/** at_least/at_most: against a fixed threshold; below_control/above_control: against the comparison group. */
export type KpiDirection = "at_least" | "at_most" | "below_control" | "above_control";

/**
 * Against a threshold: met (the whole interval clears it), not_met (the whole interval is on the other side),
 * not_decided (the interval includes it). Against the comparison group: better (the whole interval of the
 * difference is on the programme's side), not_shown (it includes no difference, or the other side).
 * not_yet_measurable: too few persons followed to the horizon (in either arm).
 */
export type KpiVerdict = "met" | "not_met" | "not_decided" | "better" | "not_shown" | "not_yet_measurable";

export interface KpiSpec {
  readonly id: string;
  readonly label: Label;
  readonly outcome: string;
  readonly direction: KpiDirection;
  /** The share to reach; absent for below_control and above_control. */
  readonly threshold?: number | undefined;
  readonly arm?: string | undefined;
  readonly minPersons: number;
  readonly source: string;
}

/** The comparison group's share and the difference between arms (arm − comparison) with its interval. */
export interface KpiComparison {
  readonly arm: string;
  readonly persons: number;
  readonly share: number | null;
  readonly difference: number | null;
  readonly interval: [number, number] | null;
}

export interface KpiResult {
  readonly id: string;
  readonly label: Label;
  readonly outcome: string;
  readonly arm: string | null;
  readonly direction: KpiDirection;
  /** The fixed threshold; null against the comparison group. */
  readonly threshold: number | null;
  readonly persons: number;
  readonly achieved: number;
  readonly share: number | null;
  readonly interval: [number, number] | null;
  readonly comparison: KpiComparison | null;
  readonly verdict: KpiVerdict;
  readonly certainty: string;
  readonly source: string;
}

export const againstControl = (direction: KpiDirection): direction is "below_control" | "above_control" => direction === "below_control" || direction === "above_control";
