/**
 * Stage 2 — assign: randomise (or read an allocation made elsewhere), then verify it.
 *
 *   reads:  ingest.json, work/persons.csv, work/outcome-status.csv, and the spec's
 *           assignment (an allocation file, or an existing allocation log to append to)
 *   writes: assignment.json, work/allocation-log.csv (randomise), work/assignments.csv,
 *           work/roster.csv, work/assignment-issues.csv
 *
 * Steps: 1. the roster — every enrolled person's batch and block; 2. the allocation —
 * randomise every batch whose period has ended (appending to an existing log) or read
 * the given one; 3. checks — exactly once, timing, ratio; 4. baseline balance per
 * covariate and the omnibus test; 5. the CONSORT flow.
 */
import { isoDate, type DayNumber } from "../shared/dates.ts";
import { toCsv } from "../shared/csv.ts";
import { pushTo } from "../shared/collections.ts";
import { parseDate } from "../ingest/parseValue.ts";
import { issue, stopRun, type Issue } from "../shared/issues.ts";
import { messages } from "../messages.ts";
import { ingestExtract } from "../ingest/ingestExtract.ts";
import { quarantineCsv } from "../ingest/quarantineCsv.ts";
import { defineStage } from "../stage.ts";
import type { EvaluationSpec } from "../spec/schema.ts";
import type { IngestArtefact, AllocationRecord } from "../ingest/schema.ts";
import type { ExtractResult } from "../ingest/ingestExtract.ts";
import { omnibusBalance } from "../stats/omnibusBalance.ts";
import { chainLines, firstBrokenLine, formatLog, headerHash, headerText, parseLog } from "./allocationLog.ts";
import { balanceRows, MISSING_LEVEL, type CovariateValues } from "./balanceTable.ts";
import { batchOf, blockOf } from "./blockAndBatch.ts";
import { ALLOCATION_ALGORITHM, randomiseBatch } from "./randomiseBatch.ts";
import { CLUSTER_ALLOCATION_ALGORITHM, randomiseClusters } from "./randomiseClusters.ts";
import { clusterBalance } from "./clusterBalance.ts";
import { seededRandom, shuffle } from "../shared/random.ts";
import { freeTextCovariates } from "./freeTextCovariates.ts";
import { ratioTest } from "./ratioTest.ts";
import { verifyAllocation } from "./verifyAllocation.ts";
import { AssignmentArtefact, type AllocationLine, type BalanceRow, type Check, type CheckId, type ConsortArm, type OmnibusTest, type PersonRow, type RosterEntry } from "./schema.ts";


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

interface Assigned {
  readonly arm: string;
  readonly batch: string;
  readonly block: string;
  readonly time: string | null;
}

export function run(input: AssignInput): AssignOutput {
  const { spec, persons } = input;
  const design = spec.assignment;
  if (!design) throw new Error("assign requires the spec's assignment (the runner checks this first)");
  const totalRatio = design.arms.reduce((sum, a) => sum + a.ratio, 0);
  const arms = design.arms.map((a) => ({ name: a.name, ratio: a.ratio, probability: a.ratio / totalRatio, control: a.control }));
  const control = arms.find((a) => a.control)!;
  const issues: [string, string, string][] = [];
  // Cluster randomisation: the population column the clusters come from (work/persons.csv's cluster column).
  const clusterColumn = design.mode === "matched" ? undefined : design.cluster;
  const clusterOf = new Map(persons.map((p) => [p.personId, p.cluster ?? ""]));
  const algorithm = clusterColumn === undefined ? ALLOCATION_ALGORITHM : CLUSTER_ALLOCATION_ALGORITHM;

  // 1. The roster.
  const period = design.mode === "randomise" ? design.batches : "none";
  const roster: RosterEntry[] = persons.map((p) => {
    const referred = p.referralDate || p.startDate;
    return { personId: p.personId, batch: batchOf(period, referred), block: blockOf(design.blocks, (id) => p[id] ?? ""), referred };
  });
  const enrolled = new Set(roster.map((r) => r.personId));

  // 2. The allocation.
  const assigned = new Map<string, Assigned>();
  let logText: string | null = null;
  let appendedLines = 0;
  let awaiting = 0;
  let lateWaiting = 0;
  const lateBatches = new Map<string, string>();
  const duplicates: string[] = [];
  const unmatched: string[] = [];
  let matching: { description: string; variables: string[]; ratio: number; seed: number; programme: number; matched: number; unmatched: number; pool: number; drawn: number } | null = null;
  const notEnrolled: string[] = [];
  const unknownArm: string[] = [];
  if (design.mode === "randomise") {
    const header = headerText({
      algorithm,
      seed: design.seed,
      arms: design.arms.map((a) => `${a.name}:${a.ratio}`).join(", "),
      blocks: design.blocks.length === 0 ? "none" : design.blocks.map((b) => (b.breaks ? `${b.covariate}[${b.breaks.join(";")}]` : b.covariate)).join(" × "),
      ...(clusterColumn === undefined ? {} : { clusters: clusterColumn }),
    });
    let previous: AllocationLine[] = [];
    if (input.existingLog !== null) {
      const parsed = parseLog(input.existingLog);
      // A changed design would re-draw everyone already on the log: stop, naming them.
      if (parsed.headerText !== header) stopRun(issue("log_header_differs", messages.allocationWouldMove(messages.logHeaderDiffers(), parsed.lines.map((l) => l.personId)), { file: input.logLabel, path: [], line: 1 }));
      const broken = firstBrokenLine(parsed);
      if (broken) stopRun(issue("log_tampered", broken.reason, { file: input.logLabel, path: [], line: broken.line }));
      const verified = verifyAllocation(input.existingLog, null);
      if (!verified.allocation.ok) stopRun(issue("log_tampered", verified.allocation.reason ?? "the allocation differs", { file: input.logLabel, path: [] }));
      previous = parsed.lines;
    }
    const enrolmentClosed = input.asOf > parseDate(spec.enrolment.to, "iso")!;
    const ended = (batch: string) => enrolmentClosed || batchHasEnded(period, baseBatch(batch), input.asOf);
    // A person on the log keeps the arm for good. Lines of a batch not yet ended at this as-of (a run back
    // in time) count as not yet randomised; lines of persons not enrolled by then are left out of this run.
    const logged = new Map(previous.map((line) => [line.personId, line]));
    for (const line of previous) {
      if (enrolled.has(line.personId) && ended(line.batch)) assigned.set(line.personId, { arm: line.arm, batch: line.batch, block: line.block, time: line.time });
    }
    const loggedBatches = new Set(previous.map((l) => l.batch));
    const byBatch = new Map<string, RosterEntry[]>();
    for (const entry of roster) {
      if (assigned.has(entry.personId)) continue;
      if (logged.has(entry.personId) || !ended(entry.batch)) {
        awaiting += 1;
        continue;
      }
      if (loggedBatches.has(entry.batch)) {
        // Registered late into a batch already randomised: the old batch is never re-drawn.
        if (design.lateRegistration === "wait") {
          lateWaiting += 1;
          issues.push([entry.personId, "late_registration", `referred in batch ${entry.batch}, already randomised: waits unallocated (assignment.lateRegistration "wait")`]);
          continue;
        }
        const late = lateBatchOf(entry.batch, loggedBatches);
        lateBatches.set(entry.personId, late);
        pushTo(byBatch, late, { ...entry, batch: late });
        continue;
      }
      pushTo(byBatch, entry.batch, entry);
    }
    if (clusterColumn !== undefined) {
      // A cluster is randomised once, as a whole: its persons must all fall in one batch (on the log or new).
      const batchesOf = new Map<string, Set<string>>();
      for (const line of previous) (batchesOf.get(line.cluster ?? "") ?? batchesOf.set(line.cluster ?? "", new Set()).get(line.cluster ?? "")!).add(line.batch);
      for (const [batch, members] of byBatch) for (const m of members) (batchesOf.get(clusterOf.get(m.personId)!) ?? batchesOf.set(clusterOf.get(m.personId)!, new Set()).get(clusterOf.get(m.personId)!)!).add(batch);
      const across = [...batchesOf].filter(([, b]) => b.size > 1).map(([c]) => c).sort();
      if (across.length > 0) stopRun(issue("clusters_across_batches", messages.clustersAcrossBatches(clusterColumn, across), { path: ["assignment", "cluster"] }));
    }
    const newLines: Omit<AllocationLine, "sha256">[] = [];
    for (const batch of [...byBatch.keys()].sort()) {
      const members = byBatch.get(batch)!.sort((a, b) => (a.personId < b.personId ? -1 : 1));
      let allocation: ReadonlyMap<string, string>;
      if (clusterColumn === undefined) allocation = randomiseBatch(members, design.arms, design.seed, batch);
      else {
        const clustered = randomiseClusters(members.map((m) => ({ personId: m.personId, block: m.block, cluster: clusterOf.get(m.personId)! })), design.arms, design.seed, batch);
        if (clustered.clustersAcrossBlocks.length > 0) stopRun(issue("clusters_across_blocks", messages.clustersAcrossBlocks(clusterColumn, clustered.clustersAcrossBlocks), { path: ["assignment", "cluster"] }));
        allocation = clustered.persons;
      }
      const time = members.reduce((latest, m) => (m.referred > latest ? m.referred : latest), "");
      for (const m of members) {
        newLines.push({ line: previous.length + newLines.length + 1, personId: m.personId, batch, block: m.block, ...(clusterColumn === undefined ? {} : { cluster: clusterOf.get(m.personId)! }), arm: allocation.get(m.personId)!, time });
        assigned.set(m.personId, { arm: allocation.get(m.personId)!, batch, block: m.block, time });
      }
    }
    const chained = chainLines(previous.at(-1)?.sha256 ?? headerHash(header), newLines);
    appendedLines = chained.length;
    logText = formatLog(header, [...previous, ...chained]);
  } else if (design.mode === "matched") {
    // Coarsened exact matching: in each stratum of the matching variables, `ratio` comparison persons per programme person, drawn at random (seeded).
    const strata = new Map<string, { programme: string[]; pool: string[] }>();
    for (const p of [...persons].sort((a, b) => (a.personId < b.personId ? -1 : 1))) {
      const key = blockOf(design.matchOn, (id) => p[id] ?? "");
      const stratum = strata.get(key) ?? { programme: [], pool: [] };
      (p.receivedProgramme === "1" ? stratum.programme : stratum.pool).push(p.personId);
      strata.set(key, stratum);
    }
    const random = seededRandom(design.seed);
    const treatmentArm = arms.find((a) => !a.control)!.name;
    let programmeCount = 0;
    for (const key of [...strata.keys()].sort()) {
      const { programme, pool } = strata.get(key)!;
      programmeCount += programme.length;
      if (programme.length === 0) continue;
      // Every matched programme person gets exactly `ratio` comparison persons, so each stratum has the same
      // programme : comparison ratio and unweighted differences compare like with like. When the pool is short,
      // the programme persons left without a full set (drawn at random) are unmatched, never reused.
      const matchable = Math.min(programme.length, Math.floor(pool.length / design.ratio));
      const shuffled = shuffle(random, programme);
      for (const id of shuffled.slice(0, matchable)) assigned.set(id, { arm: treatmentArm, batch: "matched", block: key, time: null });
      for (const id of shuffled.slice(matchable)) {
        unmatched.push(id);
        issues.push([id, "unmatched", `stratum ${key}: ${pool.length} comparison person(s) for ${programme.length} programme person(s) at ${design.ratio} each`]);
      }
      for (const id of shuffle(random, pool).slice(0, design.ratio * matchable)) assigned.set(id, { arm: control.name, batch: "matched", block: key, time: null });
    }
    const variables = design.matchOn.map((b) => (b.breaks ? `${b.covariate} (bands at ${b.breaks.join(", ")})` : b.covariate));
    matching = {
      description: `coarsened exact matching on ${variables.join(", ")}; exactly ${design.ratio} comparison person(s) per matched programme person in each stratum, drawn at random without replacement (seed ${design.seed}); programme persons for whom the stratum has too few are unmatched and left out. Not randomised: differences are associations, not causal effects.`,
      variables,
      ratio: design.ratio,
      seed: design.seed,
      programme: programmeCount,
      matched: programmeCount - unmatched.length,
      unmatched: unmatched.length,
      pool: persons.length - programmeCount,
      drawn: [...assigned.values()].filter((a) => a.arm === control.name).length,
    };
  } else {
    const records = input.existingAllocation?.records ?? [];
    const rosterOf = new Map(roster.map((r) => [r.personId, r]));
    for (const record of records as AllocationRecord[]) {
      if (!arms.some((a) => a.name === record.arm)) {
        unknownArm.push(record.personId);
        issues.push([record.personId, "known_arm", `arm '${record.arm}' is not one of ${arms.map((a) => a.name).join(", ")}`]);
        continue;
      }
      if (!enrolled.has(record.personId)) {
        notEnrolled.push(record.personId);
        issues.push([record.personId, "only_enrolled_assigned", "assigned but not in the population"]);
        continue;
      }
      const entry = rosterOf.get(record.personId)!;
      assigned.set(record.personId, {
        arm: record.arm,
        batch: record.batch ?? entry.batch,
        block: design.blocks.length > 0 ? entry.block : (record.block ?? "all"),
        time: record.time === null ? null : isoDate(record.time),
      });
    }
    for (const entry of input.existingAllocation?.quarantine ?? []) {
      if (entry.rule === "duplicate_person") {
        duplicates.push(entry.value);
        issues.push([entry.value, "no_one_twice", `listed again on line ${entry.line} of the allocation file`]);
      }
    }
  }

  // 3. Checks.
  const missing = roster.filter((r) => !assigned.has(r.personId)).map((r) => r.personId);
  if (design.mode === "existing") for (const id of missing) issues.push([id, "no_one_missing", "enrolled but without a valid line in the allocation file"]);
  const referralOf = new Map(roster.map((r) => [r.personId, r.referred]));
  const timed = [...assigned].filter(([, a]) => a.time !== null);
  const beforeReferral = timed.filter(([id, a]) => a.time! < referralOf.get(id)!);
  const afterClose = timed.filter(([, a]) => a.time! > spec.enrolment.to);
  for (const [id, a] of beforeReferral) issues.push([id, "not_before_referral", `assigned ${a.time}, referred ${referralOf.get(id)}`]);
  for (const [id, a] of afterClose) issues.push([id, "not_after_enrolment_closed", `assigned ${a.time}, enrolment closed ${spec.enrolment.to}`]);
  // In a matched comparison, persons not drawn are simply not compared: nothing is missing.
  const trulyMissing = design.mode === "matched" ? 0 : missing.length - awaiting - lateWaiting;

  const armsOf = (filter: (a: Assigned) => boolean) => [...assigned.values()].filter(filter).map((a) => a.arm);
  const overall = ratioTest("overall", arms, armsOf(() => true));
  const perBlock = [...new Set([...assigned.values()].map((a) => a.block))].sort().map((block) => ratioTest(block, arms, armsOf((a) => a.block === block)));
  const perBatch = [...new Set([...assigned.values()].map((a) => a.batch))].sort().map((batch) => ratioTest(batch, arms, armsOf((a) => a.batch === batch)));

  const received = new Map(persons.map((p) => [p.personId, p.receivedProgramme]));
  const hasParticipation = persons.length > 0 && persons.every((p) => p.receivedProgramme !== "");
  const controlsReceiving = [...assigned].filter(([id, a]) => a.arm === control.name && received.get(id) === "1");
  const allocatedNotReceiving = [...assigned].filter(([id, a]) => a.arm !== control.name && received.get(id) === "0");
  for (const [id] of controlsReceiving) issues.push([id, "crossovers", "control arm, registered as receiving the programme"]);

  const checks: Check[] = [
    check("assigned_exactly_once", trulyMissing + duplicates.length === 0, trulyMissing + duplicates.length,
      `${assigned.size} of ${enrolled.size} enrolled persons assigned${awaiting > 0 ? `; ${awaiting} await the randomisation of their batch` : ""}${lateWaiting > 0 ? `; ${lateWaiting} registered late into a randomised batch wait unallocated` : ""}${lateBatches.size > 0 ? `; ${lateBatches.size} registered late randomised in a batch of their own` : ""}`),
    check("no_one_missing", trulyMissing === 0, trulyMissing, "enrolled persons with no assignment (batches already randomised, or absent from the allocation file)"),
    check("no_one_twice", duplicates.length === 0, duplicates.length, "persons assigned more than once"),
    check("only_enrolled_assigned", notEnrolled.length === 0, notEnrolled.length, "assigned persons not in the population"),
    check("known_arm", unknownArm.length === 0, unknownArm.length, "assignments to an arm the spec does not name"),
    timed.length === 0
      ? { id: "not_before_referral", passed: null, count: 0, detail: "the allocation carries no assignment time" }
      : check("not_before_referral", beforeReferral.length === 0, beforeReferral.length, "assigned before their referral date"),
    timed.length === 0
      ? { id: "not_after_enrolment_closed", passed: null, count: 0, detail: "the allocation carries no assignment time" }
      : check("not_after_enrolment_closed", afterClose.length === 0, afterClose.length, `assigned after enrolment closed (${spec.enrolment.to})`),
    check("ratio_overall", overall.p === null || overall.p >= 0.05, 0, `realised ${Object.entries(overall.counts).map(([k, v]) => `${k} ${v}`).join(", ")} against planned ${design.arms.map((a) => a.ratio).join(":")}; ${overall.test} p = ${overall.p === null ? "–" : overall.p.toPrecision(4)} (fails below 0.05)`),
    hasParticipation
      ? check("crossovers", controlsReceiving.length === 0, controlsReceiving.length, `control-arm persons registered as receiving the programme; ${allocatedNotReceiving.length} allocated to it did not receive it`)
      : { id: "crossovers", passed: null, count: 0, detail: "the spec names no programme_participation extract" },
    ...(clusterColumn === undefined ? [] : [clusterCheck(assigned, clusterOf, clusterColumn, issues)]),
  ];

  // 4. Balance.
  const covariateIds = design.balance.covariates ?? spec.covariates.map((c) => c.id);
  const typeOf = new Map(input.ingest.covariates.map((c) => [c.id, c.type]));
  const personOf = new Map(persons.map((p) => [p.personId, p]));
  const balance: BalanceRow[] = [];
  const omnibus: OmnibusTest[] = [];
  for (const arm of arms.filter((a) => !a.control)) {
    // Person-id order, so that the same allocation gives the same sums whichever way it arrived.
    const byId = [...assigned].filter(([id]) => enrolled.has(id)).sort(([a], [b]) => (a < b ? -1 : 1));
    const armIds = byId.filter(([, a]) => a.arm === arm.name).map(([id]) => id);
    const controlIds = byId.filter(([, a]) => a.arm === control.name).map(([id]) => id);
    const result = balanceOf(armIds, controlIds, arm.name, control.name, covariateIds, typeOf, personOf, design.balance.smdThreshold, (id) => assigned.get(id)!.block);
    balance.push(...result.rows);
    omnibus.push(...result.omnibus);
  }

  // Balance at the cluster level: cluster means per arm.
  const clusterBalances = [];
  if (clusterColumn !== undefined) {
    for (const arm of arms.filter((a) => !a.control)) {
      const byCluster = (armName: string) => {
        const map = new Map<string, string[]>();
        for (const [id, a] of [...assigned].filter(([pid]) => enrolled.has(pid)).sort(([x], [y]) => (x < y ? -1 : 1))) if (a.arm === armName) pushTo(map, clusterOf.get(id) ?? "", id);
        return map;
      };
      clusterBalances.push(clusterBalance(byCluster(arm.name), byCluster(control.name), arm.name, control.name, covariateIds, typeOf, personOf, design.balance.smdThreshold));
    }
  }

  // Balance before matching: the programme group against the whole comparison pool.
  let balanceBefore: { rows: BalanceRow[]; omnibus: OmnibusTest[] } | null = null;
  if (design.mode === "matched") {
    const byId = [...persons].sort((a, b) => (a.personId < b.personId ? -1 : 1));
    const programmeIds = byId.filter((p) => p.receivedProgramme === "1").map((p) => p.personId);
    const poolIds = byId.filter((p) => p.receivedProgramme !== "1").map((p) => p.personId);
    balanceBefore = balanceOf(programmeIds, poolIds, arms.find((a) => !a.control)!.name, control.name, covariateIds, typeOf, personOf, design.balance.smdThreshold, null);
  }

  // 5. CONSORT.
  const population = input.ingest.extracts.find((e) => e.kind === "population");
  const primaryOutcome = spec.primaryOutcome ?? spec.outcomes[0]!.id;
  const consortArms: ConsortArm[] = arms.map((arm) => {
    const ids = [...assigned].filter(([, a]) => a.arm === arm.name).map(([id]) => id);
    const status = ids.map((id) => input.primaryStatus.get(id) ?? "");
    const reasonCount = (reason: string) => status.filter((s) => s === `censored:${reason}`).length;
    const lost = { followUpIncomplete: reasonCount("as_of"), emigrated: reasonCount("emigrated"), died: reasonCount("died"), other: reasonCount("other"), extractCoverage: reasonCount("extract_coverage") };
    const incomplete = { quarantinedRow: status.filter((s) => s === "incomplete:quarantined_row").length, conflictingRows: status.filter((s) => s === "incomplete:conflicting_rows").length };
    const receivedCount = ids.filter((id) => received.get(id) === (arm.control ? "0" : "1")).length;
    return {
      arm: arm.name,
      randomised: ids.length,
      receivedAllocated: hasParticipation ? receivedCount : null,
      didNotReceiveAllocated: hasParticipation ? ids.length - receivedCount : null,
      lostToFollowUp: { total: lost.followUpIncomplete + lost.emigrated + lost.died + lost.other + lost.extractCoverage, ...lost },
      incomplete: { total: incomplete.quarantinedRow + incomplete.conflictingRows, ...incomplete },
      notApplicable: status.filter((s) => s === "not_applicable").length,
      analysed: status.filter((s) => s === "observed").length,
    };
  });

  const artefact = AssignmentArtefact.parse({
    artefact: "assignment",
    schema_version: 1,
    evaluation: spec.name,
    asOf: isoDate(input.asOf),
    design: {
      mode: design.mode,
      algorithm: design.mode === "randomise" ? algorithm : null,
      seed: design.mode === "existing" ? null : design.seed,
      arms,
      blocks: design.blocks.map((b) => (b.breaks ? `${b.covariate} cut at ${b.breaks.join(", ")}` : b.covariate)),
      batches: design.mode === "randomise" ? design.batches : null,
      randomised: design.mode !== "matched",
      ...(clusterColumn === undefined ? {} : { cluster: clusterColumn }),
    },
    matching: matching === null ? null : { ...matching, balanceBefore },
    log: logText === null ? null : logSummary(logText, input.logLabel, appendedLines),
    persons: { enrolled: enrolled.size, assigned: [...assigned.keys()].filter((id) => enrolled.has(id)).length, awaitingRandomisation: awaiting + lateWaiting },
    checks,
    ratio: { overall, perBlock, perBatch },
    crossovers: hasParticipation ? { controlsReceiving: controlsReceiving.length, allocatedNotReceiving: allocatedNotReceiving.length } : null,
    balance: { threshold: design.balance.smdThreshold, rows: balance, omnibus, flagged: balance.filter((r) => r.flagged).map((r) => `${r.comparison}: ${r.covariate}${r.level === null ? "" : `=${r.level}`}`) },
    ...(clusterColumn === undefined ? {} : { clusterBalance: { unit: `cluster (column '${clusterColumn}'): each cluster's mean of the covariate (share for binary and per level)`, comparisons: clusterBalances } }),
    consort: {
      // Persons, not rows: a repeated row is not a second person, and a rejected row of a person who also has an accepted one is no exclusion.
      assessed: population?.persons?.read ?? population?.rowsRead ?? persons.length,
      excluded: population?.persons
        ? { total: Object.values(population.persons.excludedByRule).reduce((a, b) => a + b, 0), byRule: population.persons.excludedByRule }
        : { total: population?.rowsQuarantined ?? 0, byRule: population?.issuesByRule ?? {} },
      notAssigned: enrolled.size - [...assigned.keys()].filter((id) => enrolled.has(id)).length,
      primaryOutcome,
      arms: consortArms,
      outcomeStatusByArm: outcomeStatusByArm(spec, arms.map((a) => a.name), assigned, enrolled, input.outcomeStatus, input.primaryStatus),
    },
    files: input.files,
  });

  const sortedAssigned = [...assigned].filter(([id]) => enrolled.has(id)).sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    artefact,
    logText,
    assignmentsCsv: toCsv(["personId", "arm", "batch", "block"], sortedAssigned.map(([id, a]) => [id, a.arm, a.batch, a.block])),
    rosterCsv: toCsv(["person_id", "batch", "block", "referred"], roster.map((r) => [r.personId, lateBatches.get(r.personId) ?? r.batch, r.block, r.referred])),
    issuesCsv: toCsv(["personId", "check", "detail"], issues.sort((a, b) => (a[1] + a[0] < b[1] + b[0] ? -1 : 1))),
  };
}

/** No one assigned yet, or an arm without anyone: no group can be compared with another (an issue, said in words). */
export function emptyGroups(artefact: AssignmentArtefact, asOf: DayNumber): Issue[] {
  if (artefact.persons.assigned === 0) return [issue("no_one_assigned", messages.noOneAssigned(isoDate(asOf), artefact.persons.enrolled, artefact.persons.awaitingRandomisation), { path: ["assignment"] })];
  const empty = artefact.consort.arms.filter((a) => a.randomised === 0).map((a) => a.arm);
  if (empty.length === 0) return [];
  return [issue("arm_empty", messages.armEmpty(isoDate(asOf), empty, artefact.consort.arms.map((a) => `${a.arm} ${a.randomised}`).join(", ")), { path: ["assignment"] })];
}

/** Per outcome and arm: persons by status (observed, censored:<reason>, incomplete:<reason>, not_applicable). */
function outcomeStatusByArm(
  spec: EvaluationSpec,
  armNames: readonly string[],
  assigned: ReadonlyMap<string, { readonly arm: string }>,
  enrolled: ReadonlySet<string>,
  statuses: AssignInput["outcomeStatus"],
  primaryStatus: ReadonlyMap<string, string>,
): { outcome: string; arm: string; byStatus: Record<string, number> }[] {
  const primary = spec.primaryOutcome ?? spec.outcomes[0]!.id;
  const outcomeIds = statuses ? spec.outcomes.map((o) => o.id) : [primary];
  const rows: { outcome: string; arm: string; byStatus: Record<string, number> }[] = [];
  for (const outcome of outcomeIds) {
    for (const arm of armNames) {
      const byStatus: Record<string, number> = {};
      for (const [id, a] of assigned) {
        if (a.arm !== arm || !enrolled.has(id)) continue;
        const status = (statuses ? statuses.get(id)?.[outcome] : primaryStatus.get(id)) || "unknown";
        byStatus[status] = (byStatus[status] ?? 0) + 1;
      }
      rows.push({ outcome, arm, byStatus: Object.fromEntries(Object.entries(byStatus).sort(([x], [y]) => (x < y ? -1 : 1))) });
    }
  }
  return rows;
}

/** Every cluster holds one arm: persons of a cluster in two arms are listed (each person of such a cluster). */
function clusterCheck(assigned: ReadonlyMap<string, Assigned>, clusterOf: ReadonlyMap<string, string>, column: string, issues: [string, string, string][]): Check {
  const armsOf = new Map<string, Set<string>>();
  for (const [id, a] of assigned) {
    const cluster = clusterOf.get(id);
    if (cluster === undefined) continue;
    (armsOf.get(cluster) ?? armsOf.set(cluster, new Set()).get(cluster)!).add(a.arm);
  }
  const mixed = new Set([...armsOf].filter(([, arms]) => arms.size > 1).map(([c]) => c));
  const persons = [...assigned].filter(([id]) => mixed.has(clusterOf.get(id) ?? "")).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [id, a] of persons) issues.push([id, "cluster_in_one_arm", `cluster ${clusterOf.get(id)} (column '${column}') holds ${[...armsOf.get(clusterOf.get(id)!)!].sort().join(" and ")}; this person is in ${a.arm}`]);
  return check("cluster_in_one_arm", mixed.size === 0, persons.length, `${armsOf.size} clusters of column '${column}'; ${mixed.size} hold more than one arm`);
}

function check(id: CheckId, passed: boolean, count: number, detail: string): Check {
  return { id, passed, count, detail };
}

/** The batch a late registration is randomised in: `<batch>+late<k>`, k one more than the late batches of that batch so far. */
function lateBatchOf(batch: string, logged: ReadonlySet<string>): string {
  let k = 1;
  while (logged.has(`${batch}+late${k}`)) k += 1;
  return `${batch}+late${k}`;
}

/** The period a batch belongs to (a late batch `2021Q4+late1` to 2021Q4). */
function baseBatch(batch: string): string {
  return batch.replace(/\+late\d+$/, "");
}

/** True when the batch's period ended on or before the as-of date. */
function batchHasEnded(period: "none" | "month" | "quarter" | "year", batch: string, asOf: DayNumber): boolean {
  if (period === "none") return true;
  const year = Number(batch.slice(0, 4));
  const lastMonth = period === "year" ? 12 : period === "quarter" ? Number(batch.slice(5)) * 3 : Number(batch.slice(5, 7));
  const firstOfNext = Date.UTC(lastMonth === 12 ? year + 1 : year, lastMonth === 12 ? 0 : lastMonth, 1) / 86_400_000;
  return firstOfNext <= asOf + 1;
}

function logSummary(logText: string, file: string, appendedLines: number) {
  const parsed = parseLog(logText);
  return { file, lines: parsed.lines.length, chainHead: parsed.lines.at(-1)?.sha256 ?? headerHash(parsed.headerText), appendedLines };
}

/** Balance of one arm against the control arm: per-covariate rows and the omnibus test (also by block when there are blocks). */
function balanceOf(
  armIds: readonly string[],
  controlIds: readonly string[],
  armName: string,
  controlName: string,
  covariateIds: readonly string[],
  typeOf: ReadonlyMap<string, "continuous" | "binary" | "categorical">,
  personOf: ReadonlyMap<string, PersonRow>,
  threshold: number,
  blockOfUnit: ((id: string) => string) | null,
): { rows: BalanceRow[]; omnibus: OmnibusTest[] } {
  // An empty group has no mean to compare: no balance rows (the stage stops on the empty arm, emptyGroups).
  if (armIds.length === 0 || controlIds.length === 0) return { rows: [], omnibus: [] };
  const valuesOf = (ids: readonly string[], id: string, type: string) =>
    ids.map((pid) => {
      const text = personOf.get(pid)?.[id] ?? "";
      return type === "categorical" ? (text === "" ? MISSING_LEVEL : text) : Number(text);
    });
  const covariates: CovariateValues[] = covariateIds
    .filter((id) => typeOf.has(id))
    .map((id) => ({ id, type: typeOf.get(id)!, arm: valuesOf(armIds, id, typeOf.get(id)!), control: valuesOf(controlIds, id, typeOf.get(id)!) }));
  const rows = covariates.flatMap((covariate) => balanceRows(covariate, armName, controlName, threshold));
  const units = [...armIds, ...controlIds];
  const z = units.map((_, i) => Number(i < armIds.length));
  const columns: number[][] = [];
  const columnNames: string[] = [];
  for (const covariate of covariates) {
    const all = [...covariate.arm, ...covariate.control];
    if (covariate.type === "categorical") {
      for (const level of [...new Set(all.map(String))].sort()) {
        columns.push(all.map((v) => Number(String(v) === level)));
        columnNames.push(`${covariate.id}=${level}`);
      }
    } else {
      columns.push(all as number[]);
      columnNames.push(covariate.id);
    }
  }
  const comparison = `${armName} vs ${controlName}`;
  const method = "RItools::xBalance omnibus chi-square d'Σ⁺d, df = rank Σ (harmonic stratum weights)";
  const omnibus: OmnibusTest[] = [];
  if (units.length > 0) {
    const unstratified = omnibusBalance(z, columns, units.map(() => "all"));
    omnibus.push({ comparison, method, strata: "none", chiSquare: unstratified.chiSquare, df: unstratified.df, p: unstratified.p, covariateColumns: columnNames });
    const blocks = blockOfUnit ? units.map(blockOfUnit) : [];
    if (new Set(blocks).size > 1) {
      const stratified = omnibusBalance(z, columns, blocks);
      omnibus.push({ comparison, method, strata: "blocks", chiSquare: stratified.chiSquare, df: stratified.df, p: stratified.p, covariateColumns: columnNames });
    }
  }
  return { rows, omnibus };
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
