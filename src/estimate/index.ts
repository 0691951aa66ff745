/**
 * Stage 3 — estimate: intention-to-treat effects of every arm against the control arm,
 * for every outcome, by every estimator that applies.
 *
 *   reads:  ingest.json, assignment.json, work/persons.csv, work/outcomes.csv, work/assignments.csv
 *   writes: effects.json, effects.csv
 *
 * Steps: 1. the analysis table (tableFromArtefacts: arm, design blocks, outcomes, covariates — categorical
 * ones by the one rule of analysisTable.ts — subgroups); 2. the plan from the spec's `estimation`;
 * 3. estimateEffects; 4. the KPIs; 5. effects.json.
 */
import type { EvaluationSpec } from "../spec/schema.ts";
import type { IngestArtefact } from "../ingest/schema.ts";
import type { PersonRow } from "../assign/schema.ts";
import { withNulls, type AnalysisTable, type EstimationPlan } from "./analysisTable.ts";
import { estimateEffects } from "./estimateEffects.ts";
import { tableFromArtefacts } from "./tableFromArtefacts.ts";
import { EffectsArtefact } from "./schema.ts";
import { evaluateKpi } from "../kpi/evaluateKpis.ts";
import { evaluateSurvivalKpi } from "../kpi/evaluateSurvivalKpi.ts";
import { isIntegrityCheck } from "../assign/index.ts";
import { messages } from "../messages.ts";
import { issue } from "../shared/issues.ts";
import { defineStage, stopped } from "../stage.ts";
import { tidyEffects } from "./tidyEffects.ts";
import { clusterSeType } from "../spec/clusterColumns.ts";

export const ADJUSTMENT = "Holm and Benjamini–Hochberg across the outcomes, within each contrast × estimator";

export interface EstimateInput {
  readonly spec: EvaluationSpec;
  readonly ingest: IngestArtefact;
  readonly persons: readonly PersonRow[];
  readonly outcomes: readonly Record<string, string>[];
  readonly assignments: readonly { personId: string; arm: string; batch: string; block: string }[];
  /** The seed of the randomisation-inference draws (the spec's estimation.seed, through the runner). */
  readonly seed: number;
}

export function run(input: EstimateInput): EffectsArtefact {
  const { spec } = input;
  const design = spec.assignment;
  if (!design) throw new Error("estimate requires the spec's assignment (the runner checks this first)");
  const control = design.arms.find((a) => a.control)!.name;
  const settings = spec.estimation;
  // 1. The analysis table: one row per assigned person, in person-id order.
  const { table, outcomes, covariates, received } = tableFromArtefacts(input);
  // 2. The plan.
  const clustered = table.clusters !== null || table.varianceClusters != null;
  const clusterSe = clusterSeType(spec);
  const plan: EstimationPlan = {
    control,
    arms: design.arms.filter((a) => !a.control).map((a) => a.name),
    outcomes,
    covariates,
    subgroups: [...table.subgroups.keys()],
    ...(received === null ? {} : { received }),
    ...(clustered && clusterSe ? { clusterSe } : {}),
    permutations: settings.permutations,
    seed: input.seed,
    confidence: settings.confidence,
  };
  // 3. The estimates; a matched comparison's are associations, not randomised effects.
  const estimated = estimateEffects(table, plan);
  const randomised = design.mode !== "matched";
  const result = randomised ? estimated : { ...estimated, estimates: estimated.estimates.map((e) => ({ ...e, randomised: false })) };
  // 4–5. The KPIs, and the artefact.
  return EffectsArtefact.parse({
    artefact: "effects",
    schema_version: 1,
    evaluation: spec.name,
    source: "pipeline: ingest.json, assignment.json and their work/ tables",
    confidence: settings.confidence,
    control,
    adjustment: ADJUSTMENT,
    design: randomised ? "randomised" : "not randomised: matched comparison (differences are associations, not causal effects)",
    ...result,
    kpis: kpiResults(spec, table, control),
  });
}

/** Each KPI on its outcome's column: a share against a threshold, or (time to event) 1 − Kaplan–Meier at a day; against the control arm, the difference between arms. */
function kpiResults(spec: EvaluationSpec, table: AnalysisTable, control: string) {
  return spec.kpis.map((kpi) => {
    const values = withNulls(table.columns.get(kpi.outcome) ?? []);
    const inArm = (_: unknown, i: number) => kpi.arm === undefined || table.arm[i] === kpi.arm;
    const inControl = (_: unknown, i: number) => table.arm[i] === control;
    if (kpi.atDays !== undefined) {
      const events = withNulls(table.columns.get(`${kpi.outcome}_event`) ?? []);
      return evaluateSurvivalKpi({ ...kpi, atDays: kpi.atDays }, { time: values.filter(inArm), event: events.filter(inArm) }, { arm: control, time: values.filter(inControl), event: events.filter(inControl) });
    }
    return evaluateKpi(kpi, values.filter(inArm), { arm: control, values: values.filter(inControl) });
  });
}

/** Stage 3 as the runner sees it: the ingest and assign artefacts → effects.json, effects.csv. */
export const stage = defineStage({
  name: "estimate",
  folder: "src/estimate/",
  does: "intention-to-treat effects of every arm against control, for every outcome, by every estimator that applies",
  reads: ["ingest", "assignment", "persons", "outcomes", "assignments"],
  readsOptional: [],
  inputs: () => [],
  writes: ["effects", "effectsCsv"],
  skip: (spec) => (spec.assignment ? null : { reason: messages.noGroups(), path: ["assignment"] }),
  run({ artefacts }, context) {
    const failed = artefacts.assignment.checks.filter((c) => c.passed === false && isIntegrityCheck(c.id)).map((c) => c.id);
    if (failed.length > 0) return stopped([issue("assignment_failed", messages.assignmentFailed(failed), { file: context.shownPath("assignment"), path: [] })]);
    const artefact = run({ spec: context.spec, ingest: artefacts.ingest, persons: artefacts.persons, outcomes: artefacts.outcomes, assignments: artefacts.assignments, seed: context.seeds.estimation });
    const notEstimable = artefact.estimates.filter((e) => e.estimate === null).length;
    return {
      outputs: { effects: artefact, effectsCsv: tidyEffects(artefact) },
      issues: [],
      warnings: [],
      summary: [`estimate: ${artefact.estimates.length} estimates (${notEstimable} not estimable) → ${context.shownPath("effects")}`],
    };
  },
});
