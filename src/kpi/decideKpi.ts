/**
 * A KPI verdict from an interval, never from a point estimate alone.
 *
 * Against a fixed threshold (003/004's "at least 60 %"): met only when the whole interval clears it, not met
 * only when the whole interval is on the other side, otherwise not decided yet. Against the comparison group
 * (003/004's "less re-offending than a comparable group"): better only when the whole interval of the
 * difference (arm − comparison) lies on the programme's side of 0, otherwise not shown.
 */
import type { KpiDirection, KpiVerdict } from "./types.ts";

export function decideAgainstThreshold(interval: readonly [number, number], threshold: number, direction: "at_least" | "at_most"): { verdict: KpiVerdict; certainty: string } {
  const [low, high] = interval;
  const clears = direction === "at_least" ? low >= threshold : high <= threshold;
  const fails = direction === "at_least" ? high < threshold : low > threshold;
  if (clears) return { verdict: "met", certainty: "the whole 95 % interval is on the right side of the threshold" };
  if (fails) return { verdict: "not_met", certainty: "the whole 95 % interval is on the wrong side of the threshold" };
  return { verdict: "not_decided", certainty: "the 95 % interval includes the threshold: not decided yet" };
}

export function decideAgainstControl(interval: readonly [number, number] | null, direction: Extract<KpiDirection, "below_control" | "above_control">): { verdict: KpiVerdict; certainty: string } {
  if (interval === null) return { verdict: "not_shown", certainty: "the difference has no interval (a share at 0 or 1 in an arm)" };
  const better = direction === "below_control" ? interval[1] < 0 : interval[0] > 0;
  if (better) return { verdict: "better", certainty: "the whole 95 % interval of the difference is on the programme's side of 0" };
  return { verdict: "not_shown", certainty: "the 95 % interval of the difference includes 0 or lies on the comparison group's side" };
}
