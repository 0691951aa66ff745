/**
 * Before a run touches anything: the chains others rely on must hold.
 *
 *   1. the settlement file (if any) — its hash chain (src/repay/settlements.ts); a hand edit
 *      stops the run naming the record by contract and period;
 *   2. the allocation log (mode randomise) — every chain head recorded elsewhere must still be
 *      a record of the log: the previous run in the output folder (assignment.json, or its
 *      manifest naming the log as an input), the plan lock, and each settlement record. A log
 *      legitimately grows (late registrations append), so a recorded head that is any line of
 *      the intact chain is fine; a missing log, a log shorter than the head or another log
 *      stops the run, naming the file to restore. Without this, a deleted log would silently
 *      re-randomise everyone not on it.
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
import { artefactPath } from "../src/catalogue.ts";
import { firstBrokenLine, headerHash, parseLog } from "../src/assign/allocationLog.ts";
import { messages } from "../src/messages.ts";
import { parseSettlementFile, type SettlementFile } from "../src/repay/settlements.ts";
import { issue, StopRun, stopRun } from "../src/shared/issues.ts";
import { PlanLock } from "../src/spec/analysisPlan.ts";
import { exists, shown } from "./io/paths.ts";
import { readJson } from "./io/readJson.ts";
import type { LoadedSpec } from "./loadSpec.ts";
import { planLockPath } from "./planLock.ts";

/** What an assignment.json says about its log (the rest of the artefact is not needed here). */
const RecordedLog = z.object({ artefact: z.literal("assignment"), evaluation: z.string(), log: z.object({ file: z.string(), lines: z.number(), chainHead: z.string() }).nullable() });
const RecordedInputs = z.object({ artefact: z.literal("manifest"), evaluation: z.string(), inputs: z.array(z.object({ role: z.string(), path: z.string() })) });

interface RecordedHead {
  /** Null: the source records only that the log existed (a manifest's input hash). */
  readonly head: string | null;
  readonly by: string;
}

/** The settlement file, checked; null when there is none. Stops the run on a broken chain or the old unchained form. */
export async function checkedSettlements(loaded: LoadedSpec): Promise<SettlementFile | null> {
  const path = resolve(loaded.specDir, loaded.spec.settlements);
  if (!(await exists(path))) return null;
  const parsed = parseSettlementFile(await readJson(path, "settlement file"), shown(path));
  if ("issues" in parsed) throw new StopRun(parsed.issues);
  return parsed.file;
}

/** Stops the run when the settlement chain is broken, or the allocation log no longer holds a chain head recorded elsewhere. */
export async function checkRecordedChains(loaded: LoadedSpec): Promise<void> {
  const settlements = await checkedSettlements(loaded);
  const design = loaded.spec.assignment;
  if (design?.mode !== "randomise" || design.log === undefined) return;
  const recorded = [...(await headsInOutputFolder(loaded)), ...(await headInPlanLock(loaded)), ...headsInSettlements(loaded, settlements)];
  if (recorded.length === 0) return;
  const logPath = resolve(loaded.specDir, design.log);
  const log = shown(logPath);
  if (!(await exists(logPath))) stopRun(issue("allocation_log_missing", messages.allocationLogMissing(log, recorded.map((r) => r.by)), { file: log, path: [] }));
  const parsed = parseLog(await readFile(logPath, "utf8"));
  const broken = firstBrokenLine(parsed);
  if (broken) stopRun(issue("log_tampered", broken.reason, { file: log, path: [], line: broken.line }));
  const chain = new Set([headerHash(parsed.headerText), ...parsed.lines.map((l) => l.sha256)]);
  const lost = recorded.filter((r) => r.head !== null && !chain.has(r.head));
  if (lost.length > 0) stopRun(issue("allocation_log_head_lost", messages.allocationLogHeadLost(log, lost.map((r) => r.by)), { file: log, path: [] }));
}

/** The previous run in the output folder: its assignment.json's log chain head, else its manifest naming the log as an input. */
async function headsInOutputFolder(loaded: LoadedSpec): Promise<RecordedHead[]> {
  const assignmentPath = join(loaded.outDir, artefactPath("assignment"));
  const assignment = RecordedLog.safeParse(await jsonOrNull(assignmentPath));
  if (assignment.success && assignment.data.evaluation === loaded.spec.name && assignment.data.log !== null) {
    return [{ head: assignment.data.log.chainHead, by: messages.recordedHeadInOutput(shown(assignmentPath), assignment.data.log.lines) }];
  }
  const manifestPath = join(loaded.outDir, artefactPath("manifest"));
  const manifest = RecordedInputs.safeParse(await jsonOrNull(manifestPath));
  if (manifest.success && manifest.data.evaluation === loaded.spec.name && manifest.data.inputs.some((i) => i.role === "allocationLog")) {
    return [{ head: null, by: messages.recordedHeadInOutputManifest(shown(manifestPath)) }];
  }
  return [];
}

async function headInPlanLock(loaded: LoadedSpec): Promise<RecordedHead[]> {
  const path = planLockPath(loaded);
  // An unreadable or edited lock stops the run in its own check (planStatus), with its own message.
  const lock = PlanLock.safeParse(await jsonOrNull(path));
  if (!lock.success || lock.data.evaluation !== loaded.spec.name || lock.data.allocationLogChainHead === null) return [];
  return [{ head: lock.data.allocationLogChainHead, by: messages.recordedHeadInPlanLock(shown(path)) }];
}

function headsInSettlements(loaded: LoadedSpec, file: SettlementFile | null): RecordedHead[] {
  if (file === null) return [];
  const shownFile = shown(resolve(loaded.specDir, loaded.spec.settlements));
  return file.settlements.flatMap((s, i) => (s.run.allocationChainHead === null ? [] : [{ head: s.run.allocationChainHead, by: messages.recordedHeadInSettlement(shownFile, i + 1, s.contract, s.period) }]));
}

async function jsonOrNull(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return null;
  }
}
