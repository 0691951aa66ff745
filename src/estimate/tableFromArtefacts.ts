/**
 * `effekt run`'s analysis table: one unit per assigned person, in person-id order, from the
 * pipeline's work tables (persons.csv, outcomes.csv, assignments.csv) — the outcomes ingest derived
 * (with a time-to-event outcome's event column, a rate's exposure), the spec's covariates (a
 * categorical one by the one rule of analysisTable.ts), who received the programme, the subgroups, and
 * the design: blocks and permutation strata as randomised (batch × block), clusters when whole clusters
 * were randomised. Values are effekt's own (written by ingest), so a number is read by `Number`.
 */
import type { EvaluationSpec } from "../spec/schema.ts";
import type { IngestArtefact } from "../ingest/schema.ts";
import type { PersonRow } from "../assign/schema.ts";
import { blockPart } from "../assign/blockAndBatch.ts";
import { seClusterColumn } from "../spec/clusterColumns.ts";
import { analysisTable, numberColumn, type AnalysisTable, type NumberColumn, type OutcomeKind, type OutcomePlan, type TableParts } from "./analysisTable.ts";

/** The analysis table's column of who received the programme. */
export const RECEIVED_COLUMN = "received programme";

export interface ArtefactTables {
  readonly spec: EvaluationSpec;
  readonly ingest: IngestArtefact;
  readonly persons: readonly PersonRow[];
  readonly outcomes: readonly Record<string, string>[];
  readonly assignments: readonly { personId: string; arm: string; batch: string; block: string }[];
}

type Assignment = ArtefactTables["assignments"][number];

/** The table and what the plan needs to know of it: the outcomes, the covariate columns, the received column. */
export function tableFromArtefacts(input: ArtefactTables): { table: AnalysisTable; outcomes: OutcomePlan[]; covariates: string[]; received: string | null } {
  const design = input.spec.assignment;
  if (!design) throw new Error("estimate requires the spec's assignment (the runner checks this first)");
  // 1. The units: every assigned person, in person-id order.
  const units = [...input.assignments].sort((a, b) => (a.personId < b.personId ? -1 : 1));
  const personOf = new Map(input.persons.map((p) => [p.personId, p]));
  const personValues = (field: string) => units.map((u) => personOf.get(u.personId)?.[field as keyof PersonRow] ?? "");
  // 2. The outcomes' columns, and each outcome's kind.
  const outcomes = outcomeColumns(input, units);
  // 3. The covariates: numeric ones as numbers, categorical ones by the one rule (analysisTable).
  const numbers = new Map(outcomes.numbers);
  const categorical: { column: string; values: string[]; reference: null }[] = [];
  const covariateIds = input.spec.estimation.covariates ?? input.spec.covariates.map((c) => c.id);
  const covariateTypes = covariateIds.flatMap((id) => {
    const type = input.ingest.covariates.find((c) => c.id === id)?.type;
    return type ? [{ id, type }] : [];
  });
  for (const { id, type } of covariateTypes) {
    if (type === "categorical") categorical.push({ column: id, values: personValues(id), reference: null });
    else numbers.set(id, numberColumn(personValues(id)));
  }
  // 4. Who received the programme (the programme_participation extract), when every person has it: the CACE estimators.
  const received = personValues("receivedProgramme");
  const hasReceived = design.mode !== "matched" && units.length > 0 && received.every((r) => r === "0" || r === "1");
  if (hasReceived) numbers.set(RECEIVED_COLUMN, numberColumn(received));
  // 5. The design: the strata as randomised, and clusters when whole clusters were randomised.
  const parts: TableParts = { ...designColumns(input, units, personValues), numbers, categorical, subgroups: subgroupColumns(input.spec, personValues) };
  // 6. The table: the categorical covariates expanded to their indicators, in the order the spec names the covariates.
  const { table, categorical: expanded } = analysisTable(parts);
  const indicatorsOf = new Map(expanded.map((c) => [c.column, c.indicators]));
  const covariates = covariateTypes.flatMap(({ id, type }) => (type === "categorical" ? (indicatorsOf.get(id) ?? []) : [id]));
  return { table, outcomes: outcomes.plans, covariates, received: hasReceived ? RECEIVED_COLUMN : null };
}

/** Each derived outcome's column (with a time-to-event outcome's `<id>_event`, a rate's `<id>_exposure_years`) and plan. */
function outcomeColumns(input: ArtefactTables, units: readonly Assignment[]): { numbers: Map<string, NumberColumn>; plans: OutcomePlan[] } {
  const outcomeOf = new Map(input.outcomes.map((o) => [o.personId!, o]));
  const column = (name: string) => numberColumn(units.map((u) => outcomeOf.get(u.personId)?.[name]));
  const numbers = new Map<string, NumberColumn>();
  const plans: OutcomePlan[] = [];
  for (const outcome of input.ingest.outcomes.filter((o) => !o.skipped)) {
    const kind: OutcomeKind = outcome.type === "binary" || outcome.type === "count" || outcome.type === "rate" || outcome.type === "time_to_event" ? outcome.type : "continuous";
    numbers.set(outcome.id, column(outcome.id));
    const specified = input.spec.outcomes.find((o) => o.id === outcome.id);
    if (specified?.kind === "time_to_event") {
      const event = `${outcome.id}_event`;
      numbers.set(event, column(event));
      plans.push({ id: outcome.id, kind, survival: { event, at: specified.at, tau: specified.tau ?? null, ties: specified.ties } });
    } else if (kind === "rate") {
      const exposure = `${outcome.id}_exposure_years`;
      numbers.set(exposure, column(exposure));
      plans.push({ id: outcome.id, kind, exposure });
    } else {
      plans.push({ id: outcome.id, kind });
    }
  }
  return { numbers, plans };
}

/**
 * Arm, blocks, permutation strata and clusters. Each batch was randomised on its own, within its blocks, so
 * the blocked estimator conditions on batch × block (not on the design's blocks alone), as re-randomisation
 * does; a matched comparison has no blocks. With cluster randomisation the estimators take the cluster-robust
 * path of `estimate --table --clusters`, and randomisation inference re-randomises whole clusters.
 */
function designColumns(input: ArtefactTables, units: readonly Assignment[], personValues: (field: string) => string[]): Pick<TableParts, "arm" | "blocks" | "permutationStrata" | "clusters" | "varianceClusters" | "fixedEffects"> {
  const design = input.spec.assignment!;
  const strata = units.map((u) => `${u.batch} | ${u.block}`);
  const blocked = design.mode !== "matched" && new Set(strata).size > 1;
  const clustered = design.mode !== "matched" && design.cluster !== undefined;
  return { arm: units.map((u) => u.arm), blocks: blocked ? strata : null, permutationStrata: strata, clusters: clustered ? personValues("cluster") : null, ...varianceColumns(input.spec, personValues) };
}

/**
 * estimation.clusterSe.column and estimation.fixedEffects, as `estimate --table --cluster-se COL --fixed-effects COL`:
 * a covariate's values, or the population's cluster column (work/persons.csv's `cluster`).
 */
function varianceColumns(spec: EvaluationSpec, personValues: (field: string) => string[]): Pick<TableParts, "varianceClusters" | "fixedEffects"> {
  const column = seClusterColumn(spec);
  const fromCovariate = column !== undefined && spec.covariates.some((c) => c.id === column);
  const varianceClusters = column === undefined ? null : personValues(fromCovariate ? column : "cluster");
  const fixedEffects = spec.estimation.fixedEffects === undefined ? null : personValues(spec.estimation.fixedEffects);
  return { varianceClusters, fixedEffects };
}

/** The spec's subgroups: a covariate's values, or the bands its breaks cut it into ("" = missing). */
function subgroupColumns(spec: EvaluationSpec, personValues: (field: string) => string[]): Map<string, string[]> {
  return new Map(
    spec.estimation.subgroups.map((s) => [
      s.breaks ? `${s.covariate} cut at ${s.breaks.join(", ")}` : s.covariate,
      personValues(s.covariate).map((value) => (value === "" ? "" : blockPart(s, value).replace(`${s.covariate}=`, ""))),
    ]),
  );
}
