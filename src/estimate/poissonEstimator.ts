/**
 * Rate ratio for a count outcome: Poisson regression of the count on treatment, with
 * log(exposure) as offset for outcomes per person-year (R glm(poisson) +
 * offset(log(exposure))), and the robust sandwich SE (sandwich::vcovHC(type = "HC0")),
 * which stays valid when counts are over-dispersed. estimate = rate ratio exp(β), CI =
 * exp(β ± z₀.₉₇₅·SE); log_estimate = β and std_error on the log scale.
 */
import { generalizedLinearModel } from "../stats/generalizedLinearModel.ts";
import { baseEntry, logRatioFields, notEstimable, split, type ContrastData } from "./contrastData.ts";
import type { EffectEstimate } from "./schema.ts";

/** @param counts the count per unit; @param exposure person-years per unit, or null */
export function poissonEstimate(data: ContrastData, counts: readonly number[], exposure: readonly number[] | null): EffectEstimate {
  const { treated, control } = split(data);
  if (treated.length < 2 || control.length < 2) return notEstimable(data, "poisson", "needs at least two persons in each arm");
  const total = (arm: number) => counts.reduce((sum, c, i) => sum + (data.z[i] === arm ? c : 0), 0);
  if (total(1) === 0 || total(0) === 0) return notEstimable(data, "poisson", "no events in one arm: the log rate ratio is infinite");
  if (counts.some((c) => c < 0 || !Number.isInteger(c))) return notEstimable(data, "poisson", "counts must be non-negative whole numbers");
  const offset = exposure ? exposure.map((e) => Math.log(e)) : null;
  const fit = generalizedLinearModel("poisson", [{ name: "(Intercept)", values: data.y.map(() => 1) }, { name: "z", values: [...data.z] }], counts, offset);
  const j = fit.names.indexOf("z");
  const b = fit.coefficients[j]!;
  const se = Math.sqrt(fit.robustCovariance[j]![j]!);
  if (fit.boundary) return { ...notEstimable(data, "poisson", "fitted rates reach 0 (a near-perfect fit): no p-value"), estimate: Math.exp(b), log_estimate: b };
  return {
    ...baseEntry(data, "poisson"),
    ...logRatioFields(b, se, data.confidence),
    rate_ratio: Math.exp(b),
    note: `rate ratio${exposure ? " with log(exposure years) as offset" : ""}; log_estimate and robust (HC0) std_error on the log scale${fit.converged ? "" : `; the maximum-likelihood iteration did not converge in ${fit.iterations} steps`}`,
  };
}
