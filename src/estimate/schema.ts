/**
 * What the estimate stage writes: `effects.json`, one entry per outcome × contrast ×
 * estimator (the output contract of issue #4, in snake_case as R's broom/estimatr
 * tidy output), plus subgroup effects and interaction tests.
 */
import { z } from "zod";
import { Label } from "../shared/label.ts";
import { Note } from "../shared/note.ts";
import { ESTIMATOR_IDS } from "./estimators.ts";

const Num = z.number().nullable();

/** Fields of the time-to-event estimates (logrank, cox, cox_adjusted, rmst): see survivalEstimators.ts. */
const SurvivalEstimateFields = {
  log_estimate: Num.optional().describe("Ratio estimators (risk_ratio, logistic, poisson, cox, cox_adjusted): the log of the ratio; std_error and statistic are on this log scale, estimate and its CI on the ratio scale."),
  robust_std_error: Num.optional().describe("cox: the robust (Lin–Wei sandwich) standard error of the log hazard ratio, as coxph(robust = TRUE)."),
  hazard_ratio: Num.optional(),
  ties: z.enum(["efron", "breslow"]).optional(),
  tau: Num.optional().describe("rmst: the restriction time τ, in the outcome's time unit."),
  events_treated: z.number().int().optional(),
  events_control: z.number().int().optional(),
};

/** One point of a Kaplan–Meier curve (survfit): at a requested time (`summary(fit, times = at)`) or at an observed time. */
export const SurvivalPoint = z.object({
  outcome: z.string(),
  arm: z.string(),
  time: z.number(),
  survival: Num,
  std_error: Num,
  conf_low: Num,
  conf_high: Num,
  n_risk: z.number().int(),
  n_event: z.number().int().optional().describe("curve steps only: events at this time"),
});
export type SurvivalPoint = z.infer<typeof SurvivalPoint>;

export const SurvivalMedian = z.object({ outcome: z.string(), arm: z.string(), median: Num, conf_low: Num, conf_high: Num, n: z.number().int(), events: z.number().int() });
export type SurvivalMedian = z.infer<typeof SurvivalMedian>;

export const EffectEstimate = z.object({
  outcome: z.string(),
  contrast: z.string().describe("<arm> vs <control arm>"),
  estimator: z.enum(ESTIMATOR_IDS).describe("One of the estimators of src/estimate/estimators.ts, in their order."),
  estimate: Num.describe("Difference (arm − control) for difference estimators; the ratio itself for ratio estimators (risk_ratio, logistic = odds ratio, poisson = rate ratio, cox = hazard ratio), with conf_low/conf_high on the ratio scale."),
  std_error: Num,
  statistic: Num,
  df: Num,
  p_value: Num,
  conf_low: Num,
  conf_high: Num,
  n_treated: z.number().int(),
  n_control: z.number().int(),
  mean_treated: Num,
  mean_control: Num,
  relative_effect: Num.optional().describe("estimate ÷ mean_control (the published '+45 %')."),
  odds_ratio: Num.optional(),
  risk_ratio: Num.optional(),
  rate_ratio: Num.optional(),
  p_value_fisher: Num.optional(),
  p_value_holm: Num.optional(),
  p_value_bh: Num.optional(),
  permutations: z.number().int().optional(),
  exact: z.boolean().optional().describe("randomization: every possible assignment was enumerated."),
  p_value_mc_se: Num.optional(),
  dropped_covariates: z.array(z.string()).optional(),
  clusters: z.number().int().optional().describe("Cluster-randomised designs: the number of clusters the estimate rests on."),
  first_stage_estimate: Num.optional().describe("cace: the first stage, the arm's effect on receiving the programme (share-point difference, HC2)."),
  first_stage_std_error: Num.optional(),
  first_stage_f: Num.optional().describe("cace: the first stage's robust Wald F for the instrument (below 10: weak)."),
  received_treated: Num.optional().describe("cace: the share who received the programme in the arm."),
  received_control: Num.optional().describe("cace: the share who received the programme in the control arm."),
  notes: z.array(Note).optional().describe("Why the numbers are null, or what to keep in mind: codes with their parameters (words in src/report/words/)."),
  ...SurvivalEstimateFields,
  randomised: z.boolean().optional().describe("false when the comparison group was matched, not randomised: the difference is not a causal effect"),
});
export type EffectEstimate = z.infer<typeof EffectEstimate>;

export const SubgroupEffect = z.object({
  outcome: z.string(),
  contrast: z.string(),
  subgroup: z.string(),
  level: z.string(),
  estimator: z.literal("difference_in_means"),
  estimate: Num,
  std_error: Num,
  df: Num,
  p_value: Num,
  conf_low: Num,
  conf_high: Num,
  n_treated: z.number().int(),
  n_control: z.number().int(),
  notes: z.array(Note).optional(),
});
export type SubgroupEffect = z.infer<typeof SubgroupEffect>;

export const InteractionTest = z.object({
  outcome: z.string(),
  contrast: z.string(),
  subgroup: z.string(),
  method: z.literal("wald_f_interactions_hc2").describe("Wald F test of treatment × subgroup interactions, HC2 covariance"),
  statistic: Num,
  df1: z.number().int(),
  df2: Num,
  p_value: Num,
  notes: z.array(Note).optional(),
});
export type InteractionTest = z.infer<typeof InteractionTest>;

export const JointTest = z.object({
  outcome: z.string(),
  arms: z.array(z.string()).describe("The arms tested together against the control arm"),
  control: z.string(),
  test: z.enum(["wald_f_hc2", "wald_f_hc2_adjusted", "logrank_k"]).describe("wald_f_hc2: F test (HC2) that every arm shares the control's mean, as car::linearHypothesis(lm_robust(y ~ arm)); _adjusted: with the covariates; logrank_k: the k-sample log-rank χ² (survdiff)"),
  statistic: Num,
  df1: z.number().int(),
  df2: Num.describe("The F test's residual df (N − K); null for the χ² test"),
  p_value: Num,
  n: z.number().int().describe("Persons in the test"),
  notes: z.array(Note).optional(),
});
export type JointTest = z.infer<typeof JointTest>;

export const EffectsArtefact = z.object({
  artefact: z.literal("effects"),
  schema_version: z.literal(1),
  evaluation: z.string(),
  source: z.string().describe("The pipeline's artefacts, or the table given to `effekt estimate --table`."),
  confidence: z.number(),
  control: z.string(),
  design: z.string().default("randomised").describe("randomised, or 'not randomised: matched comparison'"),
  adjustment: z.string(),
  estimates: z.array(EffectEstimate),
  subgroups: z.array(SubgroupEffect),
  interactions: z.array(InteractionTest),
  joint_tests: z.array(JointTest).optional().describe("More than two arms: the joint tests across the arms (jointTests.ts)."),
  survival: z.array(SurvivalPoint).optional().describe("Kaplan–Meier per outcome and arm at the requested times (the spec's `at`, `--at`)."),
  survival_curves: z.array(SurvivalPoint).optional().describe("Kaplan–Meier per outcome and arm at every observed time (survfit's steps), for the curves."),
  survival_medians: z.array(SurvivalMedian).optional(),
  kpis: z
    .array(
      z.object({
        id: z.string(),
        label: Label,
        outcome: z.string(),
        arm: z.string().nullable(),
        direction: z.enum(["at_least", "at_most", "below_control", "above_control"]).default("at_least"),
        threshold: z.number().nullable().describe("The fixed threshold; null for a KPI against the comparison group."),
        persons: z.number().int(),
        achieved: z.number().int(),
        share: z.number().nullable(),
        interval: z.tuple([z.number(), z.number()]).nullable(),
        comparison: z
          .object({
            arm: z.string(),
            persons: z.number().int(),
            share: z.number().nullable(),
            difference: z.number().nullable().describe("The arm's share minus the comparison group's"),
            interval: z.tuple([z.number(), z.number()]).nullable().describe("95 % interval of the difference: Kaplan–Meier with both arms' Greenwood variance, or the risk difference (Wald)"),
          })
          .nullable()
          .default(null)
          .describe("Against the comparison group: its share and the difference between arms"),
        verdict: z.enum(["met", "not_met", "not_decided", "better", "not_shown", "not_yet_measurable"]),
        certainty: z.string(),
        source: z.string(),
      }),
    )
    .default([]),
});
export type EffectsArtefact = z.infer<typeof EffectsArtefact>;
