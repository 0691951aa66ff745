/**
 * Estimators for a 0/1 outcome:
 * - `risk_difference`: pₐ − p꜀ with the unpooled Wald SE √(pₐ(1−pₐ)/nₐ + p꜀(1−p꜀)/n꜀) and
 *   normal CI; its p-value is Pearson's χ² without continuity correction (R
 *   chisq.test(correct = FALSE)), with Fisher's exact p beside it (R fisher.test).
 * - `risk_ratio`: pₐ/p꜀ with the Katz log-scale CI, SE(log RR) = √(1/aₐ − 1/nₐ + 1/a꜀ − 1/n꜀).
 * - `logistic`: logit(p) on treatment (R glm(binomial)) at the maximum-likelihood estimate;
 *   estimate = odds ratio with CI exp(β ± z₀.₉₇₅·SE); log_estimate = β with its Wald SE, z and p.
 */
import { note } from "../shared/note.ts";
import { normalQuantile } from "../stats/distributions.ts";
import { fisherExactTest } from "../stats/fisherExactTest.ts";
import { generalizedLinearModel, type GlmFit } from "../stats/generalizedLinearModel.ts";
import { glmClusterCovariance } from "../stats/clusteredScores.ts";
import { pearsonChiSquareTest } from "../stats/pearsonChiSquareTest.ts";
import { baseEntry, logRatioFields, notEstimable, relativeEffect, split, type ContrastData } from "./contrastData.ts";
import type { EffectEstimate } from "./schema.ts";

export function binaryEstimates(data: ContrastData, clusters: readonly string[] | null = null): EffectEstimate[] {
  const { treated, control } = split(data);
  if (treated.length < 2 || control.length < 2) {
    return (["risk_difference", "risk_ratio", "logistic"] as const).map((e) => notEstimable(data, e, note("too_few_per_arm")));
  }
  const z = normalQuantile(1 - (1 - data.confidence) / 2);
  const eventsTreated = treated.reduce((a, b) => a + b, 0);
  const eventsControl = control.reduce((a, b) => a + b, 0);
  const pa = eventsTreated / treated.length;
  const pc = eventsControl / control.length;
  const base = (estimator: EffectEstimate["estimator"]) => baseEntry(data, estimator);
  const out: EffectEstimate[] = [];

  const table = [
    [eventsTreated, treated.length - eventsTreated],
    [eventsControl, control.length - eventsControl],
  ];
  const anyVariation = (eventsTreated + eventsControl) > 0 && (eventsTreated + eventsControl) < treated.length + control.length;
  const chi = anyVariation ? pearsonChiSquareTest(table) : null;
  const fisher = fisherExactTest(eventsTreated, treated.length - eventsTreated, eventsControl, control.length - eventsControl);
  const seDifference = Math.sqrt((pa * (1 - pa)) / treated.length + (pc * (1 - pc)) / control.length);
  out.push({
    ...base("risk_difference"),
    estimate: pa - pc,
    std_error: seDifference,
    statistic: chi?.statistic ?? null,
    df: 1,
    p_value: chi?.p ?? null,
    conf_low: pa - pc - z * seDifference,
    conf_high: pa - pc + z * seDifference,
    relative_effect: relativeEffect(pa - pc, pc),
    p_value_fisher: fisher.p,
    ...(chi ? {} : { notes: [note("chi_square_undefined")] }),
    ...(chi && chi.minExpected < 5 ? { notes: [note("expected_count_below_5", { expected: chi.minExpected })] } : {}),
  });

  if (eventsTreated === 0 || eventsControl === 0) {
    out.push(notEstimable(data, "risk_ratio", note("no_events_in_arm_risk")));
  } else if (eventsTreated === treated.length && eventsControl === control.length) {
    out.push(notEstimable(data, "risk_ratio", note("everyone_has_outcome_risk_ratio")));
  } else {
    const se = Math.sqrt(1 / eventsTreated - 1 / treated.length + 1 / eventsControl - 1 / control.length);
    out.push({
      ...base("risk_ratio"),
      ...logRatioFields(Math.log(pa / pc), se, data.confidence),
      estimate: pa / pc,
      risk_ratio: pa / pc,
      notes: [note("risk_ratio_log_scale")],
    });
  }

  const noVariation = (p: number) => p === 0 || p === 1;
  if (noVariation(pa) || noVariation(pc)) {
    out.push(notEstimable(data, "logistic", note("separation")));
  } else {
    const columns = [{ name: "(Intercept)", values: data.y.map(() => 1) }, { name: "z", values: [...data.z] }];
    const fit = generalizedLinearModel("binomial", columns, data.y);
    const j = fit.names.indexOf("z");
    const b = fit.coefficients[j]!;
    const clustered = clusters ? glmClustered(fit, columns, clusters) : null;
    const se = Math.sqrt((clustered?.covariance ?? fit.modelCovariance)[j]![j]!);
    if (fit.boundary) {
      out.push({ ...notEstimable(data, "logistic", note("near_separation")), estimate: Math.exp(b), log_estimate: b });
      return out;
    }
    out.push({
      ...base("logistic"),
      ...logRatioFields(b, se, data.confidence),
      odds_ratio: Math.exp(b),
      ...(clustered ? { clusters: clustered.clusters } : {}),
      notes: [note("odds_ratio_log_scale"), ...(clustered ? [note("cluster_vcovcl", { clusters: clustered.clusters })] : []), ...(fit.converged ? [] : [note("not_converged", { steps: fit.iterations })])],
    });
  }
  return out;
}

/** sandwich::vcovCL's default for a glm (HC0 with G/(G − 1)) over the contrast's clusters (one per unit), and their number. */
export function glmClustered(fit: GlmFit, columns: readonly { name: string; values: ArrayLike<number> }[], clusters: readonly string[]): { covariance: number[][]; clusters: number } {
  return { covariance: glmClusterCovariance(fit, columns, clusters, "HC0"), clusters: new Set(clusters).size };
}
