/**
 * Restricted mean survival time up to τ — the area under the Kaplan–Meier curve on [0, τ] —
 * with its standard error, as R's `print(survfit(...), rmean = tau)` (`survival:::survmean`):
 * SE² = Σ_{t_i ≤ τ} A_i² · d_i / (n_i (n_i − d_i)), A_i the area under the curve from t_i to τ.
 *
 * Reference: Royston & Parmar (2013); Uno et al., survRM2.
 */
import type { SurvivalCurve } from "./kaplanMeier.ts";

export function restrictedMean(curve: SurvivalCurve, tau: number): { rmst: number; stdError: number } {
  if (!(tau > 0)) throw new Error("restrictedMean requires tau > 0");
  const kept = curve.steps.filter((s) => s.time <= tau);
  const times = [...kept.map((s) => s.time), tau];
  const survival = [1, ...kept.map((s) => s.survival)];
  const hazardTerm = [...kept.map((s) => (s.nRisk - s.nEvent === 0 ? 0 : s.nEvent / (s.nRisk * (s.nRisk - s.nEvent)))), 0];
  const rectangles = times.map((t, i) => (t - (i === 0 ? 0 : times[i - 1]!)) * survival[i]!);
  const rmst = rectangles.reduce((a, b) => a + b, 0);
  // Area after the i-th time: the rectangles to its right.
  let after = 0;
  let variance = 0;
  for (let i = times.length - 1; i >= 1; i -= 1) {
    after += rectangles[i]!;
    variance += after * after * hazardTerm[i - 1]!;
  }
  return { rmst, stdError: Math.sqrt(variance) };
}
