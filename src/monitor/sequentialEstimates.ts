/**
 * `effekt estimate --table … --looks`: a researcher reproducing a sequential analysis. The earlier
 * looks are taken at their information fractions with the boundaries the spending function gives
 * there; this table is the last look, at its own fraction (given, or persons with the outcome ÷
 * the planned maximum `--information`). For every outcome's difference in means: boundary, nominal
 * p, crossed, repeated CI and (when crossed or final) the stage-wise adjusted p.
 */
import type { EffectEstimate } from "../estimate/schema.ts";
import { lookBoundary, type HeldLook, type SpendingPlan } from "../stats/sequential/lookBoundary.ts";
import { assessLook } from "./assessLook.ts";

export interface SequentialEstimate {
  readonly outcome: string;
  readonly contrast: string;
  readonly estimator: string;
  readonly look: number;
  readonly fraction: number;
  readonly alpha_spent: number;
  readonly boundary_z: number | null;
  readonly nominal_p: number;
  readonly p_value: number;
  readonly crossed: boolean;
  readonly rci_low: number | null;
  readonly rci_high: number | null;
  readonly adjusted_p: number | null;
}

/**
 * @param earlier the information fractions of the looks before this one
 * @param fraction this look's fraction, or null to take it from each estimate's persons ÷ `maximumInformation`
 */
export function sequentialEstimates(estimates: readonly EffectEstimate[], plan: SpendingPlan, earlier: readonly number[], fraction: number | null, maximumInformation: number | null): SequentialEstimate[] {
  // The earlier looks are interim looks: none of them spends all of α, the last listed neither.
  const held: HeldLook[] = [];
  for (const t of earlier) held.push(lookBoundary(plan, held, t, false));
  return estimates
    .filter((e) => e.estimator === "difference_in_means" && e.estimate !== null && e.std_error !== null && e.p_value !== null)
    .flatMap((e) => {
      const t = fraction ?? (e.n_treated + e.n_control) / maximumInformation!;
      if (!(t > (earlier.at(-1) ?? 0))) return [];
      const look = assessLook(plan, held, t, { estimate: e.estimate!, stdError: e.std_error!, p: e.p_value! });
      const finite = (x: number) => (Number.isFinite(x) ? x : null);
      return [{ outcome: e.outcome, contrast: e.contrast, estimator: e.estimator, look: earlier.length + 1, fraction: t, alpha_spent: look.alphaSpent, boundary_z: finite(look.boundary), nominal_p: look.nominalP, p_value: e.p_value!, crossed: look.crossed, rci_low: finite(look.rci.lower), rci_high: finite(look.rci.upper), adjusted_p: look.adjustedP }];
    });
}
