/** The locked analysis plan on disk: `effekt lock-plan` writes plan.lock.json beside the spec; every run compares. */
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { artefactPath } from "../src/catalogue.ts";
import { headerHash, parseLog } from "../src/assign/allocationLog.ts";
import { messages } from "../src/messages.ts";
import { issue, stopRun } from "../src/shared/issues.ts";
import { analysisPlanOf, NOT_LOCKED, planDeviations, planHash, PlanLock, type AnalysisPlan, type PlanStatus } from "../src/spec/analysisPlan.ts";
import { sha256File } from "./io/hash.ts";
import { formatJson } from "./io/files.ts";
import { exists, shown } from "./io/paths.ts";
import type { LoadedSpec } from "./loadSpec.ts";

export const PLAN_LOCK = "plan.lock.json";

export const planLockPath = (loaded: LoadedSpec) => join(loaded.specDir, PLAN_LOCK);

/** The spec's plan as it stands, contract files hashed. */
export async function currentPlan(loaded: LoadedSpec): Promise<AnalysisPlan> {
  const contracts = loaded.spec.contract === undefined ? [] : [loaded.spec.contract].flat();
  const hashes = [];
  for (const file of contracts) hashes.push({ file, sha256: await sha256File(resolve(loaded.specDir, file)) });
  // Through JSON, as the lock file stores it: absent and undefined are one.
  return JSON.parse(JSON.stringify(analysisPlanOf(loaded.spec, hashes))) as AnalysisPlan;
}

async function chainHead(loaded: LoadedSpec): Promise<string | null> {
  const design = loaded.spec.assignment;
  if (design?.mode !== "randomise" || design.log === undefined) return null;
  const path = resolve(loaded.specDir, design.log);
  if (!(await exists(path))) return null;
  const parsed = parseLog(await readFile(path, "utf8"));
  return parsed.lines.at(-1)?.sha256 ?? headerHash(parsed.headerText);
}

/**
 * `effekt lock-plan`: refuses when a plan is already locked, and when outcomes have already been
 * estimated for this evaluation (effects.json in its output folder) unless `afterOutcomes`.
 */
export async function lockPlan(loaded: LoadedSpec, options: { readonly afterOutcomes: boolean; readonly today: string }): Promise<{ path: string; lock: PlanLock }> {
  const path = planLockPath(loaded);
  if (await exists(path)) stopRun(issue("plan_already_locked", messages.planAlreadyLocked(), { file: shown(path), path: [] }));
  const effects = join(loaded.outDir, artefactPath("effects"));
  if ((await exists(effects)) && !options.afterOutcomes) stopRun(issue("plan_after_outcomes", messages.planAfterOutcomes(), { file: shown(effects), path: [] }));
  const plan = await currentPlan(loaded);
  const lock = PlanLock.parse({
    artefact: "planLock",
    schema_version: 1,
    evaluation: loaded.spec.name,
    lockedAt: options.today,
    afterOutcomes: (await exists(effects)) && options.afterOutcomes,
    allocationLogChainHead: await chainHead(loaded),
    sha256: planHash(plan),
    plan,
  });
  await writeFile(path, formatJson(lock), { flag: "wx" });
  return { path, lock };
}

/** Compares the spec with its lock: not locked, unchanged, or every deviation by path. A lock edited by hand stops the run. */
export async function planStatus(loaded: LoadedSpec): Promise<PlanStatus> {
  const path = planLockPath(loaded);
  if (!(await exists(path))) return NOT_LOCKED;
  let lock: PlanLock;
  try {
    lock = PlanLock.parse(JSON.parse(await readFile(path, "utf8")));
  } catch {
    stopRun(issue("plan_lock_invalid", messages.planLockInvalid(), { file: shown(path), path: [] }));
  }
  if (planHash(lock.plan) !== lock.sha256) stopRun(issue("plan_lock_invalid", messages.planLockEdited(), { file: shown(path), path: ["sha256"] }));
  if (lock.evaluation !== loaded.spec.name) stopRun(issue("plan_lock_other", messages.planLockOtherEvaluation(lock.evaluation, loaded.spec.name), { file: shown(path), path: ["evaluation"] }));
  return { locked: true, lockedAt: lock.lockedAt, sha256: lock.sha256, afterOutcomes: lock.afterOutcomes, deviations: planDeviations(lock.plan, await currentPlan(loaded)) };
}
