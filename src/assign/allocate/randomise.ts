/**
 * Allocation mode "randomise": every batch whose period has ended is randomised (blocked,
 * seeded, whole clusters when the design names a cluster column) and appended to the
 * hash-chained allocation log; a person once on the log keeps the arm for good.
 *
 * Steps: 1. the log so far (stop when it was tampered with or its design changed);
 * 2. who is drawn now, in which batch (late registrations in a batch of their own, or
 * waiting), and who awaits the end of their batch; 3. a cluster lies in one batch;
 * 4. each new batch drawn, in batch order; 5. the new lines chained onto the log.
 */
import type { DayNumber } from "../../shared/dates.ts";
import { pushTo } from "../../shared/collections.ts";
import { parseDate } from "../../ingest/parseValue.ts";
import { issue, stopRun } from "../../shared/issues.ts";
import { messages } from "../../messages.ts";
import { chainLines, firstBrokenLine, formatLog, headerHash, headerText, parseLog } from "../allocationLog.ts";
import { ALLOCATION_ALGORITHM, randomiseBatch } from "../randomiseBatch.ts";
import { CLUSTER_ALLOCATION_ALGORITHM, randomiseClusters } from "../randomiseClusters.ts";
import { verifyAllocation } from "../verifyAllocation.ts";
import type { AllocationLine, RosterEntry } from "../schema.ts";
import { NOTHING_ELSE, byPersonId, type Allocation, type AllocationInput, type Assigned, type DesignOf, type IssueRow } from "./allocation.ts";

type Design = DesignOf<"randomise">;

/** The algorithm a randomised design uses: persons, or whole clusters when it names a cluster column. */
export function randomisationAlgorithm(clusterColumn: string | undefined): string {
  return clusterColumn === undefined ? ALLOCATION_ALGORITHM : CLUSTER_ALLOCATION_ALGORITHM;
}

export function randomise(design: Design, input: AllocationInput): Allocation {
  const header = logHeader(design);
  // 1. The log so far.
  const previous = input.existingLog === null ? [] : previousLines(input.existingLog, header, input.logLabel);
  // 2. Who is drawn now, and in which batch.
  const sorted = sortIntoBatches(design, input, previous);
  // 3. A cluster is randomised once, as a whole.
  if (design.cluster !== undefined) clustersInOneBatch(design.cluster, previous, sorted.byBatch, input.clusterOf);
  // 4. Each new batch drawn.
  const assigned = new Map(sorted.fromLog);
  const newLines = drawBatches(design, sorted.byBatch, input.clusterOf, previous.length);
  for (const line of newLines) assigned.set(line.personId, { arm: line.arm, batch: line.batch, block: line.block, time: line.time });
  // 5. The new lines chained onto the log.
  const chained = chainLines(previous.at(-1)?.sha256 ?? headerHash(header), newLines);
  return {
    ...NOTHING_ELSE,
    assigned,
    issues: sorted.issues,
    awaiting: sorted.awaiting,
    lateWaiting: sorted.lateWaiting,
    lateBatches: sorted.lateBatches,
    log: { text: formatLog(header, [...previous, ...chained]), appendedLines: chained.length },
  };
}

/** The log's header text: algorithm, seed, arms, blocks (and cluster column) — a changed design changes it. */
function logHeader(design: Design): string {
  return headerText({
    algorithm: randomisationAlgorithm(design.cluster),
    seed: design.seed,
    arms: design.arms.map((a) => `${a.name}:${a.ratio}`).join(", "),
    blocks: design.blocks.length === 0 ? "none" : design.blocks.map((b) => (b.breaks ? `${b.covariate}[${b.breaks.join(";")}]` : b.covariate)).join(" × "),
    ...(design.cluster === undefined ? {} : { clusters: design.cluster }),
  });
}

/** The lines of an existing log; the run stops when its design differs or its chain is broken. */
function previousLines(logText: string, header: string, logLabel: string): AllocationLine[] {
  const parsed = parseLog(logText);
  // A changed design would re-draw everyone already on the log: stop, naming them.
  if (parsed.headerText !== header) stopRun(issue("log_header_differs", messages.allocationWouldMove(messages.logHeaderDiffers(), parsed.lines.map((l) => l.personId)), { file: logLabel, path: [], line: 1 }));
  const broken = firstBrokenLine(parsed);
  if (broken) stopRun(issue("log_tampered", broken.reason, { file: logLabel, path: [], line: broken.line }));
  const verified = verifyAllocation(logText, null);
  if (!verified.allocation.ok) stopRun(issue("log_tampered", verified.allocation.reason ?? "the allocation differs", { file: logLabel, path: [] }));
  return parsed.lines;
}

interface Sorted {
  /** Persons on the log whose batch has ended, with their logged arm. */
  readonly fromLog: ReadonlyMap<string, Assigned>;
  /** Batch → the roster entries to draw in it now. */
  readonly byBatch: ReadonlyMap<string, RosterEntry[]>;
  readonly awaiting: number;
  readonly lateWaiting: number;
  readonly lateBatches: ReadonlyMap<string, string>;
  readonly issues: readonly IssueRow[];
}

/** Every enrolled person: kept from the log, drawn now in a batch (their own or a late one), or waiting. */
function sortIntoBatches(design: Design, input: AllocationInput, previous: readonly AllocationLine[]): Sorted {
  const enrolled = new Set(input.roster.map((r) => r.personId));
  const enrolmentClosed = input.asOf > parseDate(input.spec.enrolment.to, "iso")!;
  const ended = (batch: string) => enrolmentClosed || batchHasEnded(design.batches, baseBatch(batch), input.asOf);
  // A person on the log keeps the arm for good. Lines of a batch not yet ended at this as-of (a run back
  // in time) count as not yet randomised; lines of persons not enrolled by then are left out of this run.
  const logged = new Set(previous.map((line) => line.personId));
  const fromLog = new Map<string, Assigned>();
  for (const line of previous) {
    if (enrolled.has(line.personId) && ended(line.batch)) fromLog.set(line.personId, { arm: line.arm, batch: line.batch, block: line.block, time: line.time });
  }
  const loggedBatches = new Set(previous.map((l) => l.batch));
  const byBatch = new Map<string, RosterEntry[]>();
  const lateBatches = new Map<string, string>();
  const issues: IssueRow[] = [];
  let awaiting = 0;
  let lateWaiting = 0;
  for (const entry of input.roster) {
    if (fromLog.has(entry.personId)) continue;
    if (logged.has(entry.personId) || !ended(entry.batch)) {
      awaiting += 1;
      continue;
    }
    if (!loggedBatches.has(entry.batch)) {
      pushTo(byBatch, entry.batch, entry);
      continue;
    }
    // Registered late into a batch already randomised: the old batch is never re-drawn.
    if (design.lateRegistration === "wait") {
      lateWaiting += 1;
      issues.push([entry.personId, "late_registration", `referred in batch ${entry.batch}, already randomised: waits unallocated (assignment.lateRegistration "wait")`]);
      continue;
    }
    const late = lateBatchOf(entry.batch, loggedBatches);
    lateBatches.set(entry.personId, late);
    pushTo(byBatch, late, { ...entry, batch: late });
  }
  return { fromLog, byBatch, awaiting, lateWaiting, lateBatches, issues };
}

/** A cluster's persons must all fall in one batch (on the log or new): the run stops naming the clusters that do not. */
function clustersInOneBatch(clusterColumn: string, previous: readonly AllocationLine[], byBatch: ReadonlyMap<string, readonly RosterEntry[]>, clusterOf: ReadonlyMap<string, string>): void {
  const batchesOf = new Map<string, Set<string>>();
  const add = (cluster: string, batch: string) => (batchesOf.get(cluster) ?? batchesOf.set(cluster, new Set()).get(cluster)!).add(batch);
  for (const line of previous) add(line.cluster ?? "", line.batch);
  for (const [batch, members] of byBatch) for (const m of members) add(clusterOf.get(m.personId)!, batch);
  const across = [...batchesOf].filter(([, b]) => b.size > 1).map(([c]) => c).sort();
  if (across.length > 0) stopRun(issue("clusters_across_batches", messages.clustersAcrossBatches(clusterColumn, across), { path: ["assignment", "cluster"] }));
}

/** The new log lines: each batch randomised in batch order, its persons in person-id order, numbered after the log's lines. */
function drawBatches(design: Design, byBatch: ReadonlyMap<string, RosterEntry[]>, clusterOf: ReadonlyMap<string, string>, linesBefore: number): Omit<AllocationLine, "sha256">[] {
  const newLines: Omit<AllocationLine, "sha256">[] = [];
  for (const batch of [...byBatch.keys()].sort()) {
    const members = byBatch.get(batch)!.sort((a, b) => byPersonId(a.personId, b.personId));
    const allocation = drawBatch(design, members, clusterOf, batch);
    const time = members.reduce((latest, m) => (m.referred > latest ? m.referred : latest), "");
    for (const m of members) {
      newLines.push({ line: linesBefore + newLines.length + 1, personId: m.personId, batch, block: m.block, ...(design.cluster === undefined ? {} : { cluster: clusterOf.get(m.personId)! }), arm: allocation.get(m.personId)!, time });
    }
  }
  return newLines;
}

/** Arm per person of one batch: persons, or whole clusters (the run stops when a cluster spans blocks). */
function drawBatch(design: Design, members: readonly RosterEntry[], clusterOf: ReadonlyMap<string, string>, batch: string): ReadonlyMap<string, string> {
  if (design.cluster === undefined) return randomiseBatch(members, design.arms, design.seed, batch);
  const clustered = randomiseClusters(members.map((m) => ({ personId: m.personId, block: m.block, cluster: clusterOf.get(m.personId)! })), design.arms, design.seed, batch);
  if (clustered.clustersAcrossBlocks.length > 0) stopRun(issue("clusters_across_blocks", messages.clustersAcrossBlocks(design.cluster, clustered.clustersAcrossBlocks), { path: ["assignment", "cluster"] }));
  return clustered.persons;
}

/** The batch a late registration is randomised in: `<batch>+late<k>`, k one more than the late batches of that batch so far. */
export function lateBatchOf(batch: string, logged: ReadonlySet<string>): string {
  let k = 1;
  while (logged.has(`${batch}+late${k}`)) k += 1;
  return `${batch}+late${k}`;
}

/** The period a batch belongs to (a late batch `2021Q4+late1` to 2021Q4). */
function baseBatch(batch: string): string {
  return batch.replace(/\+late\d+$/, "");
}

/** True when the batch's period ended on or before the as-of date. */
export function batchHasEnded(period: "none" | "month" | "quarter" | "year", batch: string, asOf: DayNumber): boolean {
  if (period === "none") return true;
  const year = Number(batch.slice(0, 4));
  const lastMonth = period === "year" ? 12 : period === "quarter" ? Number(batch.slice(5)) * 3 : Number(batch.slice(5, 7));
  const firstOfNext = Date.UTC(lastMonth === 12 ? year + 1 : year, lastMonth === 12 ? 0 : lastMonth, 1) / 86_400_000;
  return firstOfNext <= asOf + 1;
}
