/**
 * Joint tests across the arms of a trial with more than two: for a time-to-event outcome the k-sample log-rank
 * test that every arm shares one survival curve (survival's `survdiff`), for any other the Wald F test with HC2
 * covariance that every arm shares the control arm's mean (`car::linearHypothesis(lm_robust(y ~ arms), …)`), and
 * with covariates the same test adjusted for them. Under clustering the HC2 test would ignore the clusters, so
 * it is left out; the log-rank test assumes independent persons and is left out there too.
 */
import { note } from "../shared/note.ts";
import { jointWaldTest } from "../stats/jointWaldTest.ts";
import { kSampleLogRank } from "../stats/kSampleLogRank.ts";
import { robustRegression } from "../stats/robustRegression.ts";
import { unitsWith, valuesOf, type AnalysisTable, type EstimationPlan, type OutcomePlan } from "./analysisTable.ts";
import { noteOfModelError } from "./contrastData.ts";
import type { JointTest } from "./schema.ts";

export function jointTests(table: AnalysisTable, plan: EstimationPlan): JointTest[] {
  if (plan.arms.length < 2 || table.clusters !== null || (table.varianceClusters ?? null) !== null) return [];
  const arms = [...plan.arms, plan.control];
  return plan.outcomes.flatMap((outcome): JointTest[] => {
    if (outcome.kind === "time_to_event") return [logRankTest(table, plan, outcome, arms)];
    const needed = outcome.exposure ? [outcome.id, outcome.exposure] : [outcome.id];
    const tests = [waldTest(table, plan, outcome.id, unitsWith(table, arms, needed), [], "wald_f_hc2")];
    if (plan.covariates.length > 0) tests.push(waldTest(table, plan, outcome.id, unitsWith(table, arms, [...needed, ...plan.covariates]), plan.covariates, "wald_f_hc2_adjusted"));
    return tests;
  });
}

function logRankTest(table: AnalysisTable, plan: EstimationPlan, outcome: OutcomePlan, arms: readonly string[]): JointTest {
  const units = unitsWith(table, arms, [outcome.id, outcome.survival!.event]);
  const base = { outcome: outcome.id, arms: [...plan.arms], control: plan.control, test: "logrank_k" as const, df2: null, n: units.length };
  const groups = new Set(units.map((i) => table.arm[i]!));
  if (groups.size < arms.length) return { ...base, statistic: null, df1: arms.length - 1, p_value: null, notes: [note("needs_both_arms")] };
  const result = kSampleLogRank(valuesOf(table, outcome.id, units), valuesOf(table, outcome.survival!.event, units), units.map((i) => table.arm[i]!));
  return { ...base, statistic: result.statistic, df1: result.df, p_value: result.pValue, notes: [note("joint_logrank", { df: result.df })] };
}

/** H0: every arm's coefficient in y ~ 1 + arm indicators (+ covariates) is 0, with the HC2 covariance. */
function waldTest(table: AnalysisTable, plan: EstimationPlan, outcome: string, units: readonly number[], covariates: readonly string[], test: "wald_f_hc2" | "wald_f_hc2_adjusted"): JointTest {
  const base = { outcome, arms: [...plan.arms], control: plan.control, test, n: units.length };
  const columns = [
    { name: "(Intercept)", values: units.map(() => 1) },
    ...plan.arms.map((arm) => ({ name: `arm=${arm}`, values: units.map((i) => Number(table.arm[i] === arm)) })),
    ...covariates.map((name) => ({ name, values: valuesOf(table, name, units) })),
  ];
  const undefinedTest = (why: JointTest["notes"]) => ({ ...base, statistic: null, df1: plan.arms.length, df2: null, p_value: null, notes: why });
  let fit;
  try {
    fit = robustRegression(columns, valuesOf(table, outcome, units), plan.confidence);
  } catch (error) {
    return undefinedTest([noteOfModelError(error)]);
  }
  const names = fit.coefficients.map((c) => c.name);
  const at = plan.arms.map((arm) => names.indexOf(`arm=${arm}`));
  if (at.some((j) => j < 0)) return undefinedTest([note("collinear_treatment")]);
  const result = jointWaldTest(at.map((j) => fit.coefficients[j]!.estimate), at.map((a) => at.map((b) => fit.covariance[a]![b]!)), fit.df);
  return { ...base, statistic: result.f, df1: result.df, df2: result.residualDf, p_value: result.pF, notes: [note("joint_wald_hc2", { df1: result.df, df2: fit.df })] };
}
