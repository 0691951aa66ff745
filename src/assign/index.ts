/**
 * Stage 2 — assign: randomise (or read an allocation made elsewhere), then verify it.
 *
 *   reads:  ingest.json, work/persons.csv, work/outcome-status.csv, and the spec's
 *           assignment (an allocation file, or an existing allocation log to append to)
 *   writes: assignment.json, work/allocation-log.csv (randomise), work/assignments.csv,
 *           work/roster.csv, work/assignment-issues.csv
 *
 * Steps: 1. the roster — every enrolled person's batch and block; 2. the allocation
 * (allocate/<mode>.ts) — randomise every batch whose period has ended (appending to an
 * existing log), match, or read the given one; 3. checks (checks.ts) — exactly once,
 * timing, ratio, cross-overs, clusters; 4. baseline balance per covariate and the omnibus
 * test (balance.ts); 5. the CONSORT flow (consort.ts); then assignment.json and the tables.
 */
import { isoDate, type DayNumber } from "../shared/dates.ts";
import { toCsv } from "../shared/csv.ts";
import { parseDate } from "../ingest/parseValue.ts";
import { issue, type Issue } from "../shared/issues.ts";
import { messages } from "../messages.ts";
import { ingestExtract } from "../ingest/ingestExtract.ts";
import { quarantineCsv } from "../ingest/quarantineCsv.ts";
import { defineStage } from "../stage.ts";
import type { AssignmentSpec, EvaluationSpec } from "../spec/schema.ts";
import type { IngestArtefact } from "../ingest/schema.ts";
import type { ExtractResult } from "../ingest/ingestExtract.ts";
import { headerHash, parseLog } from "./allocationLog.ts";
import { batchOf, blockOf } from "./blockAndBatch.ts";
import { freeTextCovariates } from "./freeTextCovariates.ts";
import { allocate } from "./allocate/index.ts";
import { byPersonId, type Allocation, type Arm } from "./allocate/allocation.ts";
import { randomisationAlgorithm } from "./allocate/randomise.ts";
import { checkAllocation, type Checked } from "./checks.ts";
import { balanceOfAllocation, type Balance } from "./balance.ts";
import { consortFlow } from "./consort.ts";
import { AssignmentArtefact, type PersonRow, type RosterEntry } from "./schema.ts";


/** Checks whose failure makes the allocation unfit to estimate from: the run stops after writing the artefact. */
export const INTEGRITY_CHECKS = ["assigned_exactly_once", "no_one_missing", "no_one_twice", "only_enrolled_assigned", "known_arm", "not_before_referral", "not_after_enrolment_closed"];
/** Integrity checks only a cluster-randomised design (assignment.cluster) carries: they stop the run as the others do. */
export const CLUSTER_INTEGRITY_CHECKS = ["cluster_in_one_arm"];
/** Whether a failed check makes the allocation unfit to estimate from. */
export const isIntegrityCheck = (id: string): boolean => INTEGRITY_CHECKS.includes(id) || CLUSTER_INTEGRITY_CHECKS.includes(id);

export interface AssignInput {
  readonly spec: EvaluationSpec;
  readonly asOf: DayNumber;
  readonly ingest: IngestArtefact;
  readonly persons: readonly PersonRow[];
  /** Person → status of the primary outcome (observed, censored:<reason>, not_applicable). */
  readonly primaryStatus: ReadonlyMap<string, string>;
  /** Person → outcome id → status (work/outcome-status.csv), for the status counts per arm; absent: primary outcome only. */
  readonly outcomeStatus?: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Mode "existing": the allocation file, read and validated like an extract. */
  readonly existingAllocation: ExtractResult<"allocation"> | null;
  /** Mode "randomise" with a persistent log that already exists: its text. */
  readonly existingLog: string | null;
  /** How the log is named in messages and the artefact. */
  readonly logLabel: string;
  /** The person-level tables as the artefact names them (from the catalogue). */
  readonly files: { readonly assignments: string; readonly roster: string; readonly issues: string };
}

export interface AssignOutput {
  readonly artefact: AssignmentArtefact;
  readonly logText: string | null;
  readonly assignmentsCsv: string;
  readonly rosterCsv: string;
  readonly issuesCsv: string;
}

export function run(input: AssignInput): AssignOutput {
  const { spec, persons } = input;
  const design = spec.assignment;
  if (!design) throw new Error("assign requires the spec's assignment (the runner checks this first)");
  const totalRatio = design.arms.reduce((sum, a) => sum + a.ratio, 0);
  const arms = design.arms.map((a) => ({ name: a.name, ratio: a.ratio, probability: a.ratio / totalRatio, control: a.control }));
  // Cluster randomisation: the population column the clusters come from (work/persons.csv's cluster column).
  const clusterOf = new Map(persons.map((p) => [p.personId, p.cluster ?? ""]));

  // 1. The roster.
  const roster = rosterOf(design, persons);
  const enrolled = new Set(roster.map((r) => r.personId));
  // 2. The allocation.
  const allocation = allocate(design, { ...input, roster, arms, clusterOf });
  // 3. Checks.
  const checked = checkAllocation({ design, enrolmentClosed: spec.enrolment.to, roster, arms, persons, clusterOf, allocation });
  // 4. Balance.
  const typeOf = new Map(input.ingest.covariates.map((c) => [c.id, c.type]));
  const balance = balanceOfAllocation({ design, arms, persons, covariateIds: spec.covariates.map((c) => c.id), typeOf, enrolled, assigned: allocation.assigned, clusterOf });
  // 5. CONSORT.
  const consort = consortFlow({ ...input, arms, enrolled, assigned: allocation.assigned });

  const artefact = assignmentArtefact(input, arms, enrolled, allocation, checked, balance, consort);
  const issues = [...allocation.issues, ...checked.issues];
  const sortedAssigned = [...allocation.assigned].filter(([id]) => enrolled.has(id)).sort(([a], [b]) => byPersonId(a, b));
  return {
    artefact,
    logText: allocation.log?.text ?? null,
    assignmentsCsv: toCsv(["personId", "arm", "batch", "block"], sortedAssigned.map(([id, a]) => [id, a.arm, a.batch, a.block])),
    rosterCsv: toCsv(["person_id", "batch", "block", "referred"], roster.map((r) => [r.personId, allocation.lateBatches.get(r.personId) ?? r.batch, r.block, r.referred])),
    issuesCsv: toCsv(["personId", "check", "detail"], issues.sort((a, b) => (a[1] + a[0] < b[1] + b[0] ? -1 : 1))),
  };
}

/** Every enrolled person's batch (by referral date, start date when none) and block. */
function rosterOf(design: AssignmentSpec, persons: readonly PersonRow[]): RosterEntry[] {
  const period = design.mode === "randomise" ? design.batches : "none";
  return persons.map((p) => {
    const referred = p.referralDate || p.startDate;
    return { personId: p.personId, batch: batchOf(period, referred), block: blockOf(design.blocks, (id) => p[id] ?? ""), referred };
  });
}

/** assignment.json from the steps' results, validated on the way out. */
function assignmentArtefact(input: AssignInput, arms: readonly Arm[], enrolled: ReadonlySet<string>, allocation: Allocation, checked: Checked, balance: Balance, consort: AssignmentArtefact["consort"]): AssignmentArtefact {
  const design = input.spec.assignment!;
  const clusterColumn = design.mode === "matched" ? undefined : design.cluster;
  const assignedEnrolled = [...allocation.assigned.keys()].filter((id) => enrolled.has(id)).length;
  return AssignmentArtefact.parse({
    artefact: "assignment",
    schema_version: 1,
    evaluation: input.spec.name,
    asOf: isoDate(input.asOf),
    design: {
      mode: design.mode,
      algorithm: design.mode === "randomise" ? randomisationAlgorithm(clusterColumn) : null,
      seed: design.mode === "existing" ? null : design.seed,
      arms,
      blocks: design.blocks.map((b) => (b.breaks ? `${b.covariate} cut at ${b.breaks.join(", ")}` : b.covariate)),
      batches: design.mode === "randomise" ? design.batches : null,
      randomised: design.mode !== "matched",
      ...(clusterColumn === undefined ? {} : { cluster: clusterColumn }),
    },
    matching: allocation.matching === null ? null : { ...allocation.matching, balanceBefore: balance.beforeMatching },
    log: allocation.log === null ? null : logSummary(allocation.log.text, input.logLabel, allocation.log.appendedLines),
    persons: { enrolled: enrolled.size, assigned: assignedEnrolled, awaitingRandomisation: allocation.awaiting + allocation.lateWaiting },
    checks: checked.checks,
    ratio: checked.ratio,
    crossovers: checked.crossovers,
    balance: { threshold: design.balance.smdThreshold, rows: balance.rows, omnibus: balance.omnibus, flagged: balance.rows.filter((r) => r.flagged).map((r) => `${r.comparison}: ${r.covariate}${r.level === null ? "" : `=${r.level}`}`) },
    ...(clusterColumn === undefined ? {} : { clusterBalance: { unit: `cluster (column '${clusterColumn}'): each cluster's mean of the covariate (share for binary and per level)`, comparisons: balance.clusters } }),
    consort,
    files: input.files,
  });
}

/** No one assigned yet, or an arm without anyone: no group can be compared with another (an issue, said in words). */
export function emptyGroups(artefact: AssignmentArtefact, asOf: DayNumber): Issue[] {
  if (artefact.persons.assigned === 0) return [issue("no_one_assigned", messages.noOneAssigned(isoDate(asOf), artefact.persons.enrolled, artefact.persons.awaitingRandomisation), { path: ["assignment"] })];
  const empty = artefact.consort.arms.filter((a) => a.randomised === 0).map((a) => a.arm);
  if (empty.length === 0) return [];
  return [issue("arm_empty", messages.armEmpty(isoDate(asOf), empty, artefact.consort.arms.map((a) => `${a.arm} ${a.randomised}`).join(", ")), { path: ["assignment"] })];
}

function logSummary(logText: string, file: string, appendedLines: number) {
  const parsed = parseLog(logText);
  return { file, lines: parsed.lines.length, chainHead: parsed.lines.at(-1)?.sha256 ?? headerHash(parsed.headerText), appendedLines };
}

/** Stage 2 as the runner sees it: ingest's artefacts (and an allocation file or a persistent log) → assignment.json and the allocation tables. */
export const stage = defineStage({
  name: "assign",
  folder: "src/assign/",
  does: "randomises (or reads an allocation), checks it, baseline balance and the CONSORT flow",
  reads: ["ingest", "persons", "outcomeStatus"],
  readsOptional: [],
  inputs: (spec) => {
    const design = spec.assignment;
    if (design?.mode === "existing") return [{ role: "allocation", format: "rows", name: "allocation", file: design.file, required: true, dialect: design.dialect }];
    if (design?.mode === "randomise" && design.log) return [{ role: "allocationLog", format: "text", name: "allocation log", file: design.log, required: false }];
    return [];
  },
  writes: ["assignment", "allocationLog", "assignments", "roster", "assignmentIssues", "allocationQuarantine"],
  skip: (spec) => (spec.assignment ? null : { reason: messages.noAssignment(), path: ["assignment"] }),
  async run({ artefacts, files }, context) {
    const { spec } = context;
    const design = spec.assignment!;
    const primary = spec.primaryOutcome ?? spec.outcomes[0]!.id;
    const primaryStatus = new Map(artefacts.outcomeStatus.map((row) => [row.personId!, row[primary] ?? ""]));
    const allocationFile = files.find((f) => f.role === "allocation");
    let existingAllocation: ExtractResult<"allocation"> | null = null;
    const summary: string[] = [];
    if (design.mode === "existing" && allocationFile?.format === "rows" && allocationFile.content) {
      existingAllocation = await ingestExtract("allocation", allocationFile.content.rows, {
        name: "allocation",
        file: allocationFile.file,
        spec: { kind: "allocation", file: design.file, required: true, dialect: design.dialect, dateFormat: design.dateFormat, monthFormat: "yyyy-mm", weekFormat: "iso", weekColumnPattern: "", columns: design.columns },
        decimal: allocationFile.content.dialect.decimal,
        delimiter: allocationFile.content.dialect.delimiter,
        enrolment: { from: parseDate(spec.enrolment.from, "iso")!, to: parseDate(spec.enrolment.to, "iso")! },
        benefitCodes: null,
        population: new Set(artefacts.persons.map((p) => p.personId)),
      });
      const r = existingAllocation;
      summary.push(`assign: allocation ← ${allocationFile.file}: ${r.rowsRead} rows read = ${r.rowsAccepted} accepted + ${r.rowsQuarantined} quarantined`);
    }
    const logFile = files.find((f) => f.role === "allocationLog");
    const output = run({
      spec,
      asOf: context.asOf,
      ingest: artefacts.ingest,
      persons: artefacts.persons,
      primaryStatus,
      outcomeStatus: new Map(artefacts.outcomeStatus.map((row) => [row.personId!, row])),
      existingAllocation,
      existingLog: logFile?.format === "text" ? logFile.content : null,
      logLabel: design.mode === "randomise" && design.log ? design.log : context.runPath("allocationLog"),
      files: { assignments: context.runPath("assignments"), roster: context.runPath("roster"), issues: context.runPath("assignmentIssues") },
    });
    const failed = output.artefact.checks.filter((c) => c.passed === false);
    for (const c of failed) summary.push(`assign: check failed: ${c.id} (${c.count}): ${c.detail}`);
    // A flagged level is named only when minCell persons hold it (a value of a few persons may be a name).
    const minCell = spec.report?.minCell ?? 5;
    for (const r of output.artefact.balance.rows.filter((row) => row.flagged)) {
      const held = r.arms.reduce((sum, a) => sum + (a.mean === null ? 0 : Math.round(a.mean * a.n)), 0);
      const level = r.level === null ? "" : r.type !== "categorical" || held >= minCell ? `=${r.level}` : ` (a value fewer than ${minCell} persons hold)`;
      summary.push(`assign: balance flag |SMD| > ${output.artefact.balance.threshold}: ${r.comparison}: ${r.covariate}${level}`);
    }
    const integrity = failed
      .filter((c) => isIntegrityCheck(c.id))
      .map((c) => issue(`check_${c.id}`, messages.assignmentCheckFailed(c.id, c.count, c.detail, context.shownPath("assignmentIssues")), { file: context.shownPath("assignment"), path: [] }));
    // An allocation that holds, but no one to compare yet by this as-of date: the artefacts are written, then the run stops in words.
    const issues = integrity.length > 0 ? integrity : emptyGroups(output.artefact, context.asOf);
    if (issues.length === 0) {
      const counts = output.artefact.consort.arms.map((a) => `${a.arm} ${a.randomised}`).join(", ");
      summary.push(`assign: ${output.artefact.persons.assigned} assigned (${counts}) → ${context.shownPath("assignment")}`);
    }
    return {
      outputs: {
        assignment: output.artefact,
        // The log is rewritten only when it grows: an unchanged log is left untouched on disk.
        ...(output.logText !== null && output.logText !== (logFile?.format === "text" ? logFile.content : null) ? { allocationLog: output.logText } : {}),
        assignments: output.assignmentsCsv,
        roster: output.rosterCsv,
        assignmentIssues: output.issuesCsv,
        ...(existingAllocation ? { allocationQuarantine: quarantineCsv(existingAllocation.quarantine) } : {}),
      },
      issues,
      // Values of a category column a few persons hold are not published by name (src/report/levelsShown.ts): say so, naming the covariate.
      warnings: freeTextCovariates(output.artefact.balance.rows, spec.report?.minCell ?? 5).map((found) =>
        issue("category_values_not_shown", messages.categoryValuesNotShown(found.covariate, found, spec.report?.minCell ?? 5), { path: ["covariates", spec.covariates.findIndex((c) => c.id === found.covariate)] }),
      ),
      summary,
    };
  },
});
