/**
 * `cace` / `cace_adjusted`: the effect on those who received the programme (complier
 * average causal effect), by instrumental variables with the randomised arm as the
 * instrument for who received it — 2SLS with HC2 SEs as estimatr's
 * `iv_robust(y ~ d | z)` and, with the covariates, `iv_robust(y ~ d + x | z + x)`.
 * Rests on: the assignment affects the outcome only through receiving the programme, it
 * moves who receives it (first-stage F), and no one does the opposite of their assignment
 * because of it (no defiers).
 */
import { note } from "../shared/note.ts";
import { instrumentalVariables } from "../stats/instrumentalVariables.ts";
import { baseEntry, notEstimable, noteOfModelError, relativeEffect, type ContrastData } from "./contrastData.ts";
import type { EffectEstimate } from "./schema.ts";

export const CACE_ASSUMPTIONS = "the effect on those who received the programme assumes the assignment changed the outcome only by changing who received it, that it did change who received it, and that no one refused because they were offered it or took it because they were refused";

export function caceEstimate(data: ContrastData, estimator: "cace" | "cace_adjusted", received: readonly number[], covariates: readonly { name: string; values: number[] }[]): EffectEstimate {
  const treatedCount = data.z.filter((z) => z === 1).length;
  if (treatedCount < 2 || data.z.length - treatedCount < 2) return notEstimable(data, estimator, note("too_few_per_arm"));
  const share = (arm: number) => {
    const values = received.filter((_, i) => data.z[i] === arm);
    return values.reduce((a, b) => a + b, 0) / values.length;
  };
  if (data.y.every((v) => v === data.y[0])) return notEstimable(data, estimator, note("outcome_constant"));
  if (share(1) === share(0)) return notEstimable(data, estimator, note("no_instrument"));
  let fit;
  try {
    fit = instrumentalVariables(data.y, received, data.z, covariates, data.confidence);
  } catch (error) {
    return notEstimable(data, estimator, noteOfModelError(error));
  }
  if (!Number.isFinite(fit.standardError) || fit.standardError === 0) return notEstimable(data, estimator, note("perfect_fit"));
  const base = baseEntry(data, estimator);
  // Everyone received what they were assigned: the first stage fits exactly (F infinite), and the CACE is the ITT.
  const f = Number.isFinite(fit.firstStage.f) ? fit.firstStage.f : null;
  return {
    ...base,
    estimate: fit.estimate,
    std_error: fit.standardError,
    statistic: fit.statistic,
    df: fit.df,
    p_value: fit.p,
    conf_low: fit.confidenceInterval[0],
    conf_high: fit.confidenceInterval[1],
    relative_effect: relativeEffect(fit.estimate, base.mean_control),
    first_stage_estimate: fit.firstStage.estimate,
    first_stage_std_error: fit.firstStage.standardError,
    first_stage_f: f,
    received_treated: share(1),
    received_control: share(0),
    ...(estimator === "cace_adjusted" ? { dropped_covariates: fit.dropped } : {}),
    notes: [note("cace_received", { receivedTreated: share(1), receivedControl: share(0) }), ...(f === null ? [note("cace_first_stage_exact")] : f < 10 ? [note("weak_instrument", { f })] : [])],
  };
}
