/**
 * Stage 3 — estimate: intention-to-treat effects of every arm against the control arm,
 * for every outcome, by every estimator that applies.
 *
 *   reads:  ingest.json, assignment.json, work/persons.csv, work/outcomes.csv, work/assignments.csv
 *   writes: effects.json, effects.csv
 *
 * Steps: 1. the analysis table — arm, design blocks, outcomes, covariates (categorical
 * ones as indicators of every level but the first, a missing value missing in all of them:
 * categoricalIndicators), subgroups; 2. the plan from the spec's `estimation`; 3. estimateEffects.
 */
import type { EvaluationSpec } from "../spec/schema.ts";
import type { IngestArtefact } from "../ingest/schema.ts";
import type { PersonRow } from "../assign/schema.ts";
import { blockPart } from "../assign/blockAndBatch.ts";
import type { AnalysisTable, EstimationPlan, OutcomeKind, OutcomePlan } from "./analysisTable.ts";
import { estimateEffects } from "./estimateEffects.ts";
import { categoricalIndicators } from "./categoricalIndicators.ts";
import { EffectsArtefact } from "./schema.ts";
import { evaluateKpi } from "../kpi/evaluateKpis.ts";
import { evaluateSurvivalKpi } from "../kpi/evaluateSurvivalKpi.ts";
import { isIntegrityCheck } from "../assign/index.ts";
import { messages } from "../messages.ts";
import { issue } from "../shared/issues.ts";
import { defineStage, stopped } from "../stage.ts";
import { tidyEffects } from "./tidyEffects.ts";


/** The analysis table's column of who received the programme. */
const RECEIVED_COLUMN = "received programme";

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
  const personOf = new Map(input.persons.map((p) => [p.personId, p]));
  const outcomeOf = new Map(input.outcomes.map((o) => [o.personId!, o]));
  const units = [...input.assignments].sort((a, b) => (a.personId < b.personId ? -1 : 1));
  const number = (text: string | undefined) => (text === undefined || text === "" ? null : Number(text));
  const columns = new Map<string, (number | null)[]>();
  const kinds: OutcomePlan[] = [];
  for (const outcome of input.ingest.outcomes.filter((o) => !o.skipped)) {
    const kind: OutcomeKind = outcome.type === "binary" ? "binary" : outcome.type === "count" ? "count" : outcome.type === "rate" ? "rate" : outcome.type === "time_to_event" ? "time_to_event" : "continuous";
    columns.set(outcome.id, units.map((u) => number(outcomeOf.get(u.personId)?.[outcome.id])));
    const timeToEvent = spec.outcomes.find((o) => o.id === outcome.id);
    if (timeToEvent?.kind === "time_to_event") {
      const event = `${outcome.id}_event`;
      columns.set(event, units.map((u) => number(outcomeOf.get(u.personId)?.[event])));
      kinds.push({ id: outcome.id, kind, survival: { event, at: timeToEvent.at, tau: timeToEvent.tau ?? null, ties: timeToEvent.ties } });
    } else if (kind === "rate") {
      const exposure = `${outcome.id}_exposure_years`;
      columns.set(exposure, units.map((u) => number(outcomeOf.get(u.personId)?.[exposure])));
      kinds.push({ id: outcome.id, kind, exposure });
    } else {
      kinds.push({ id: outcome.id, kind });
    }
  }
  const covariateIds = settings.covariates ?? spec.covariates.map((c) => c.id);
  const covariateColumns: string[] = [];
  for (const id of covariateIds) {
    const type = input.ingest.covariates.find((c) => c.id === id)?.type;
    if (!type) continue;
    const values = units.map((u) => personOf.get(u.personId)?.[id] ?? "");
    if (type === "categorical") {
      // Missing is missing (null), as in `estimate --table`: the person is left out of the adjusted estimators.
      for (const { name, values: indicator } of categoricalIndicators(id, values, null).indicators) {
        columns.set(name, indicator);
        covariateColumns.push(name);
      }
    } else {
      columns.set(id, values.map((v) => number(v)));
      covariateColumns.push(id);
    }
  }
  // Who received the programme (the programme_participation extract), when every person has it: the CACE estimators.
  const received = units.map((u) => personOf.get(u.personId)?.receivedProgramme ?? "");
  const hasReceived = design.mode !== "matched" && units.length > 0 && received.every((r) => r === "0" || r === "1");
  if (hasReceived) columns.set(RECEIVED_COLUMN, received.map(Number));
  const subgroups = new Map(
    settings.subgroups.map((s) => [
      s.breaks ? `${s.covariate} cut at ${s.breaks.join(", ")}` : s.covariate,
      units.map((u) => {
        const value = personOf.get(u.personId)?.[s.covariate] ?? "";
        return value === "" ? "" : blockPart(s, value).replace(`${s.covariate}=`, "");
      }),
    ]),
  );
  // The strata as randomised: each batch was randomised on its own, within its blocks, so the blocked estimator
  // conditions on batch × block (not on the design's blocks alone), as re-randomisation does.
  const strata = units.map((u) => `${u.batch} | ${u.block}`);
  const blocked = design.mode !== "matched" && new Set(strata).size > 1;
  // Cluster randomisation: the estimators take the cluster-robust path of `estimate --table --clusters`, and
  // randomisation inference re-randomises whole clusters.
  const clusterColumn = design.mode === "matched" ? undefined : design.cluster;
  const table: AnalysisTable = {
    arm: units.map((u) => u.arm),
    blocks: blocked ? strata : null,
    // Re-randomise as the design randomised: within batch × block.
    permutationStrata: strata,
    ...(clusterColumn === undefined ? {} : { clusters: units.map((u) => personOf.get(u.personId)?.cluster ?? "") }),
    columns,
    subgroups,
  };

  // 2–3. The plan, and the estimates.
  const plan: EstimationPlan = {
    control,
    arms: design.arms.filter((a) => !a.control).map((a) => a.name),
    outcomes: kinds,
    covariates: covariateColumns,
    subgroups: [...subgroups.keys()],
    ...(hasReceived ? { received: RECEIVED_COLUMN } : {}),
    ...(clusterColumn !== undefined && settings.clusterSe ? { clusterSe: settings.clusterSe } : {}),
    permutations: settings.permutations,
    seed: input.seed,
    confidence: settings.confidence,
  };
  const estimated = estimateEffects(table, plan);
  const randomised = design.mode !== "matched";
  const result = randomised ? estimated : { ...estimated, estimates: estimated.estimates.map((e) => ({ ...e, randomised: false })) };
  const kpis = spec.kpis.map((kpi) => {
    const values = table.columns.get(kpi.outcome) ?? [];
    const inArm = (_: unknown, i: number) => kpi.arm === undefined || table.arm[i] === kpi.arm;
    const inControl = (_: unknown, i: number) => table.arm[i] === control;
    if (kpi.atDays !== undefined) {
      const events = table.columns.get(`${kpi.outcome}_event`) ?? [];
      return evaluateSurvivalKpi({ ...kpi, atDays: kpi.atDays }, { time: values.filter(inArm), event: events.filter(inArm) }, { arm: control, time: values.filter(inControl), event: events.filter(inControl) });
    }
    return evaluateKpi(kpi, values.filter(inArm), { arm: control, values: values.filter(inControl) });
  });
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
    kpis,
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
