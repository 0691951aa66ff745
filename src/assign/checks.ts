/**
 * The allocation's checks: everyone enrolled assigned exactly once, only enrolled persons,
 * known arms, assignment times within referral and enrolment, the realised ratio (overall,
 * per block, per batch), cross-overs, and — cluster-randomised — every cluster in one arm.
 * A failed check lists its persons as issue rows (work/assignment-issues.csv).
 */
import type { AssignmentSpec } from "../spec/schema.ts";
import { ratioTest } from "./ratioTest.ts";
import type { Check, CheckId, PersonRow, RatioTest, RosterEntry } from "./schema.ts";
import { byPersonId, type Allocation, type Arm, type Assigned, type IssueRow } from "./allocate/allocation.ts";

export interface CheckInput {
  readonly design: AssignmentSpec;
  /** The last day of enrolment, yyyy-mm-dd (spec enrolment.to). */
  readonly enrolmentClosed: string;
  readonly roster: readonly RosterEntry[];
  readonly arms: readonly Arm[];
  readonly persons: readonly PersonRow[];
  readonly clusterOf: ReadonlyMap<string, string>;
  readonly allocation: Allocation;
}

export interface Checked {
  readonly checks: Check[];
  readonly ratio: { readonly overall: RatioTest; readonly perBlock: RatioTest[]; readonly perBatch: RatioTest[] };
  /** null when no participation extract says who received the programme. */
  readonly crossovers: { readonly controlsReceiving: number; readonly allocatedNotReceiving: number } | null;
  /** Issue rows of the failed checks, in check order. */
  readonly issues: IssueRow[];
}

/** Who received the programme (person → "1", "0" or ""), and whether every person's participation is known. */
export function participationOf(persons: readonly PersonRow[]): { readonly received: ReadonlyMap<string, string>; readonly known: boolean } {
  return { received: new Map(persons.map((p) => [p.personId, p.receivedProgramme])), known: persons.length > 0 && persons.every((p) => p.receivedProgramme !== "") };
}

export function checkAllocation(input: CheckInput): Checked {
  const { design, allocation } = input;
  const { assigned, awaiting, lateWaiting, lateBatches, duplicates } = allocation;
  const issues: IssueRow[] = [];
  const missing = input.roster.filter((r) => !assigned.has(r.personId)).map((r) => r.personId);
  if (design.mode === "existing") for (const id of missing) issues.push([id, "no_one_missing", "enrolled but without a valid line in the allocation file"]);
  const timing = timingChecks(input, issues);
  // In a matched comparison, persons not drawn are simply not compared: nothing is missing.
  const trulyMissing = design.mode === "matched" ? 0 : missing.length - awaiting - lateWaiting;
  const ratio = ratioTests(input.arms, assigned);
  const crossovers = crossoverCheck(input, issues);
  const overall = ratio.overall;
  const checks: Check[] = [
    check("assigned_exactly_once", trulyMissing + duplicates.length === 0, trulyMissing + duplicates.length,
      `${assigned.size} of ${new Set(input.roster.map((r) => r.personId)).size} enrolled persons assigned${awaiting > 0 ? `; ${awaiting} await the randomisation of their batch` : ""}${lateWaiting > 0 ? `; ${lateWaiting} registered late into a randomised batch wait unallocated` : ""}${lateBatches.size > 0 ? `; ${lateBatches.size} registered late randomised in a batch of their own` : ""}`),
    check("no_one_missing", trulyMissing === 0, trulyMissing, "enrolled persons with no assignment (batches already randomised, or absent from the allocation file)"),
    check("no_one_twice", duplicates.length === 0, duplicates.length, "persons assigned more than once"),
    check("only_enrolled_assigned", allocation.notEnrolled.length === 0, allocation.notEnrolled.length, "assigned persons not in the population"),
    check("known_arm", allocation.unknownArm.length === 0, allocation.unknownArm.length, "assignments to an arm the spec does not name"),
    ...timing,
    check("ratio_overall", overall.p === null || overall.p >= 0.05, 0, `realised ${Object.entries(overall.counts).map(([k, v]) => `${k} ${v}`).join(", ")} against planned ${design.arms.map((a) => a.ratio).join(":")}; ${overall.test} p = ${overall.p === null ? "–" : overall.p.toPrecision(4)} (fails below 0.05)`),
    crossovers.check,
    ...(design.mode === "matched" || design.cluster === undefined ? [] : [clusterCheck(assigned, input.clusterOf, design.cluster, issues)]),
  ];
  return { checks, ratio, crossovers: crossovers.counts, issues };
}

/** Assigned after referral and before enrolment closed; unknown (null) when the allocation carries no times. */
function timingChecks(input: CheckInput, issues: IssueRow[]): Check[] {
  const referralOf = new Map(input.roster.map((r) => [r.personId, r.referred]));
  const timed = [...input.allocation.assigned].filter(([, a]) => a.time !== null);
  const beforeReferral = timed.filter(([id, a]) => a.time! < referralOf.get(id)!);
  const afterClose = timed.filter(([, a]) => a.time! > input.enrolmentClosed);
  for (const [id, a] of beforeReferral) issues.push([id, "not_before_referral", `assigned ${a.time}, referred ${referralOf.get(id)}`]);
  for (const [id, a] of afterClose) issues.push([id, "not_after_enrolment_closed", `assigned ${a.time}, enrolment closed ${input.enrolmentClosed}`]);
  if (timed.length === 0) {
    return [
      { id: "not_before_referral", passed: null, count: 0, detail: "the allocation carries no assignment time" },
      { id: "not_after_enrolment_closed", passed: null, count: 0, detail: "the allocation carries no assignment time" },
    ];
  }
  return [
    check("not_before_referral", beforeReferral.length === 0, beforeReferral.length, "assigned before their referral date"),
    check("not_after_enrolment_closed", afterClose.length === 0, afterClose.length, `assigned after enrolment closed (${input.enrolmentClosed})`),
  ];
}

/** The realised allocation ratio against the planned one: overall, per block and per batch. */
function ratioTests(arms: readonly Arm[], assigned: ReadonlyMap<string, Assigned>): Checked["ratio"] {
  const armsOf = (filter: (a: Assigned) => boolean) => [...assigned.values()].filter(filter).map((a) => a.arm);
  return {
    overall: ratioTest("overall", arms, armsOf(() => true)),
    perBlock: [...new Set([...assigned.values()].map((a) => a.block))].sort().map((block) => ratioTest(block, arms, armsOf((a) => a.block === block))),
    perBatch: [...new Set([...assigned.values()].map((a) => a.batch))].sort().map((batch) => ratioTest(batch, arms, armsOf((a) => a.batch === batch))),
  };
}

/** Control-arm persons registered as receiving the programme (and, counted, allocated persons who did not). */
function crossoverCheck(input: CheckInput, issues: IssueRow[]): { check: Check; counts: Checked["crossovers"] } {
  const control = input.arms.find((a) => a.control)!;
  const { received, known } = participationOf(input.persons);
  const assigned = [...input.allocation.assigned];
  const controlsReceiving = assigned.filter(([id, a]) => a.arm === control.name && received.get(id) === "1");
  const allocatedNotReceiving = assigned.filter(([id, a]) => a.arm !== control.name && received.get(id) === "0");
  for (const [id] of controlsReceiving) issues.push([id, "crossovers", "control arm, registered as receiving the programme"]);
  if (!known) return { check: { id: "crossovers", passed: null, count: 0, detail: "the spec names no programme_participation extract" }, counts: null };
  return {
    check: check("crossovers", controlsReceiving.length === 0, controlsReceiving.length, `control-arm persons registered as receiving the programme; ${allocatedNotReceiving.length} allocated to it did not receive it`),
    counts: { controlsReceiving: controlsReceiving.length, allocatedNotReceiving: allocatedNotReceiving.length },
  };
}

/** Every cluster holds one arm: persons of a cluster in two arms are listed (each person of such a cluster). */
function clusterCheck(assigned: ReadonlyMap<string, Assigned>, clusterOf: ReadonlyMap<string, string>, column: string, issues: IssueRow[]): Check {
  const armsOf = new Map<string, Set<string>>();
  for (const [id, a] of assigned) {
    const cluster = clusterOf.get(id);
    if (cluster === undefined) continue;
    (armsOf.get(cluster) ?? armsOf.set(cluster, new Set()).get(cluster)!).add(a.arm);
  }
  const mixed = new Set([...armsOf].filter(([, arms]) => arms.size > 1).map(([c]) => c));
  const persons = [...assigned].filter(([id]) => mixed.has(clusterOf.get(id) ?? "")).sort(([a], [b]) => byPersonId(a, b));
  for (const [id, a] of persons) issues.push([id, "cluster_in_one_arm", `cluster ${clusterOf.get(id)} (column '${column}') holds ${[...armsOf.get(clusterOf.get(id)!)!].sort().join(" and ")}; this person is in ${a.arm}`]);
  return check("cluster_in_one_arm", mixed.size === 0, persons.length, `${armsOf.size} clusters of column '${column}'; ${mixed.size} hold more than one arm`);
}

function check(id: CheckId, passed: boolean, count: number, detail: string): Check {
  return { id, passed, count, detail };
}
