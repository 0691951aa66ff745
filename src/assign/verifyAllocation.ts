/**
 * Verifies an allocation log as an investor or researcher would: recomputes the hash
 * chain, then the allocation itself from the seed in the header and the batches and
 * blocks on the lines (and, given a roster, checks that the log holds exactly the
 * roster's persons in their batches and blocks). Names the first line that differs.
 */
import { firstBrokenLine, parseLog, type ParsedLog } from "./allocationLog.ts";
import { pushTo } from "../shared/collections.ts";
import { randomiseBatch, type ArmRatio } from "./randomiseBatch.ts";
import { randomiseClusters } from "./randomiseClusters.ts";
import type { RosterEntry } from "./schema.ts";

export interface VerificationResult {
  readonly ok: boolean;
  readonly lines: number;
  readonly chain: { ok: boolean; firstBadLine: number | null; reason: string | null };
  readonly allocation: { ok: boolean; firstBadLine: number | null; reason: string | null };
  readonly roster: { ok: boolean; missing: string[]; notOnRoster: string[]; moved: string[] } | null;
  readonly problems: string[];
}

export function parseArmRatios(text: string): ArmRatio[] | null {
  const arms = text.split(",").map((part) => {
    const match = /^\s*([a-z][a-z0-9_]*):(\d+)\s*$/.exec(part);
    return match ? { name: match[1]!, ratio: Number(match[2]) } : null;
  });
  return arms.every((a) => a !== null) && arms.length >= 2 ? (arms as ArmRatio[]) : null;
}

export function verifyAllocation(logText: string, roster: readonly RosterEntry[] | null): VerificationResult {
  const parsed = parseLog(logText);
  const problems = [...parsed.problems];
  const broken = firstBrokenLine(parsed);
  const chain = { ok: broken === null, firstBadLine: broken?.line ?? null, reason: broken ? `line ${broken.line}: ${broken.reason}` : null };
  const allocation = recomputeAllocation(parsed, problems);
  const rosterResult = roster ? compareRoster(parsed, roster) : null;
  const rosterOk = rosterResult === null || (rosterResult.missing.length === 0 && rosterResult.notOnRoster.length === 0 && rosterResult.moved.length === 0);
  return {
    ok: problems.length === 0 && chain.ok && allocation.ok && rosterOk,
    lines: parsed.lines.length,
    chain,
    allocation,
    roster: rosterResult,
    problems,
  };
}

function recomputeAllocation(parsed: ParsedLog, problems: string[]): VerificationResult["allocation"] {
  const arms = parsed.header ? parseArmRatios(parsed.header.arms) : null;
  if (!parsed.header || !arms) {
    if (parsed.header) problems.push(`the header's arms (${parsed.header.arms}) are not name:ratio pairs`);
    return { ok: false, firstBadLine: null, reason: "the allocation cannot be recomputed without a valid header" };
  }
  const batches = new Map<string, { personId: string; block: string; cluster: string }[]>();
  for (const line of parsed.lines) pushTo(batches, line.batch, { personId: line.personId, block: line.block, cluster: line.cluster ?? "" });
  const expected = new Map<string, string>();
  const clustered = parsed.header.clusters !== undefined;
  for (const [batch, persons] of batches) {
    // A cluster-randomised log: whole clusters are the units (effekt-cluster-blocked-1), every person takes the cluster's arm.
    const allocation = clustered ? randomiseClusters(persons, arms, parsed.header.seed, batch) : { persons: randomiseBatch(persons, arms, parsed.header.seed, batch), clustersAcrossBlocks: [] };
    if (allocation.clustersAcrossBlocks.length > 0) return { ok: false, firstBadLine: null, reason: `batch ${batch}: cluster(s) ${allocation.clustersAcrossBlocks.join(", ")} lie in more than one block` };
    for (const [person, arm] of allocation.persons) expected.set(person, arm);
  }
  const seen = new Set<string>();
  const armOfCluster = new Map<string, string>();
  for (const line of parsed.lines) {
    if (clustered) {
      const earlier = armOfCluster.get(line.cluster ?? "");
      if (earlier !== undefined && earlier !== line.arm) return { ok: false, firstBadLine: line.line, reason: `line ${line.line}: cluster ${line.cluster} is in ${earlier} on an earlier line and in ${line.arm} here` };
      armOfCluster.set(line.cluster ?? "", line.arm);
    }
    if (seen.has(line.personId)) return { ok: false, firstBadLine: line.line, reason: `line ${line.line}: person ${line.personId} is on the log twice` };
    seen.add(line.personId);
    if (expected.get(line.personId) !== line.arm) {
      return {
        ok: false,
        firstBadLine: line.line,
        reason: `line ${line.line}: the log says ${line.arm}, the seed and roster of batch ${line.batch} give ${expected.get(line.personId)}`,
      };
    }
  }
  return { ok: true, firstBadLine: null, reason: null };
}

function compareRoster(parsed: ParsedLog, roster: readonly RosterEntry[]): NonNullable<VerificationResult["roster"]> {
  const onLog = new Map(parsed.lines.map((l) => [l.personId, l]));
  const onRoster = new Map(roster.map((r) => [r.personId, r]));
  const missing = roster.filter((r) => !onLog.has(r.personId)).map((r) => r.personId);
  const notOnRoster = parsed.lines.filter((l) => !onRoster.has(l.personId)).map((l) => `line ${l.line}: ${l.personId}`);
  const moved = parsed.lines
    .filter((l) => {
      const r = onRoster.get(l.personId);
      return r !== undefined && (r.batch !== l.batch || r.block !== l.block);
    })
    .map((l) => `line ${l.line}: ${l.personId} is in batch ${onRoster.get(l.personId)!.batch}, block ${onRoster.get(l.personId)!.block} on the roster`);
  return { ok: missing.length === 0 && notOnRoster.length === 0 && moved.length === 0, missing, notOnRoster, moved };
}
