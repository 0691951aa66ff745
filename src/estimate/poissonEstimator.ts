/**
 * Rate ratio for a count outcome: Poisson regression of the count on treatment, with
 * log(exposure) as offset for outcomes per person-year (R glm(poisson) +
 * offset(log(exposure))), and the robust sandwich SE (sandwich::vcovHC(type = "HC0")),
 * which stays valid when counts are over-dispersed. estimate = rate ratio exp(β), CI =
 * exp(β ± z₀.₉₇₅·SE); log_estimate = β and std_error on the log scale.
 */
import { note } from "../shared/note.ts";
import { generalizedLinearModel } from "../stats/generalizedLinearModel.ts";
import { glmClustered } from "./binaryEstimators.ts";
import { baseEntry, logRatioFields, notEstimable, split, type ContrastData } from "./contrastData.ts";
import type { EffectEstimate } from "./schema.ts";

/** @param counts the count per unit; @param exposure person-years per unit, or null */
export function poissonEstimate(data: ContrastData, counts: readonly number[], exposure: readonly number[] | null, clusters: readonly string[] | null = null): EffectEstimate {
  const { treated, control } = split(data);
  if (treated.length < 2 || control.length < 2) return notEstimable(data, "poisson", note("too_few_per_arm"));
  const total = (arm: number) => counts.reduce((sum, c, i) => sum + (data.z[i] === arm ? c : 0), 0);
  if (total(1) === 0 || total(0) === 0) return notEstimable(data, "poisson", note("no_events_in_arm_rate"));
  if (counts.some((c) => c < 0 || !Number.isInteger(c))) return notEstimable(data, "poisson", note("counts_not_whole"));
  const offset = exposure ? exposure.map((e) => Math.log(e)) : null;
  const columns = [{ name: "(Intercept)", values: data.y.map(() => 1) }, { name: "z", values: [...data.z] }];
  const fit = generalizedLinearModel("poisson", columns, counts, offset);
  const j = fit.names.indexOf("z");
  const b = fit.coefficients[j]!;
  // With --cluster-se: vcovCL (its default: HC0 with G/(G − 1)) over the clusters instead of the persons' HC0 sandwich.
  const clustered = clusters ? glmClustered(fit, columns, clusters) : null;
  const se = Math.sqrt((clustered?.covariance ?? fit.robustCovariance)[j]![j]!);
  if (fit.boundary) return { ...notEstimable(data, "poisson", note("fitted_rates_reach_zero")), estimate: Math.exp(b), log_estimate: b };
  return {
    ...baseEntry(data, "poisson"),
    ...logRatioFields(b, se, data.confidence),
    rate_ratio: Math.exp(b),
    ...(clustered ? { clusters: clustered.clusters } : {}),
    notes: [note(exposure ? "rate_ratio_offset_log_scale" : "rate_ratio_log_scale"), ...(clustered ? [note("cluster_vcovcl", { clusters: clustered.clusters })] : []), ...(fit.converged ? [] : [note("not_converged", { steps: fit.iterations })])],
  };
}
