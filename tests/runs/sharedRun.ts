/**
 * Shared pipeline runs (tests/runs/recipes.ts): made once per `npm test`, in the folder tests/runs/globalSetup.ts
 * creates for that one invocation (so a run is never older than the code under test), by the first test file that
 * asks; the others wait on a lock and then read the same folder. Read it only: a test that writes into a run works
 * on copyOfSharedRun. The global teardown fails the suite if any shared run changed.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import { runPipeline } from "../../pipeline/run.ts";
import { folderHash } from "./folderHash.ts";
import { SHARED_RUNS, type RunRecipe, type SharedRunName } from "./recipes.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder of this invocation's shared runs. */
    sharedRuns: string;
  }
}

const made = new Map<string, Promise<string>>();

/** The output folder of the shared run `name`, made now if no test file has made it yet in this `npm test`. */
export function sharedRun(name: SharedRunName): Promise<string> {
  let run = made.get(name);
  if (run === undefined) {
    run = makeOnce(name, inject("sharedRuns"));
    made.set(name, run);
  }
  return run;
}

/** A private, writable copy of the shared run `name` (an output folder effekt wrote, so effekt may write into it). */
export async function copyOfSharedRun(name: SharedRunName, into?: string): Promise<string> {
  const source = await sharedRun(name);
  const target = into ?? join(mkdtempSync(join(tmpdir(), "effekt-copy-")), name);
  cpSync(source, target, { recursive: true });
  return target;
}

/** The progress lines the shared run `name` logged. */
export async function sharedRunLog(name: SharedRunName): Promise<string[]> {
  await sharedRun(name);
  return readFileSync(join(inject("sharedRuns"), `${name}.log`), "utf8").split("\n").filter((line) => line !== "");
}

async function makeOnce(name: SharedRunName, root: string): Promise<string> {
  const recipe: RunRecipe = SHARED_RUNS[name];
  const compare = recipe.compare === undefined ? undefined : await sharedRun(recipe.compare as SharedRunName);
  const outDir = join(root, name);
  const done = join(root, `${name}.sha256`);
  const failed = join(root, `${name}.failed`);
  const lock = join(root, `${name}.lock`);
  for (;;) {
    if (existsSync(done)) return outDir;
    if (existsSync(failed)) throw new Error(`shared run '${name}' failed in another test file: ${readFileSync(failed, "utf8")}`);
    try {
      mkdirSync(lock);
    } catch {
      if (ownerGone(lock)) rmSync(lock, { recursive: true, force: true });
      else await sleep(200);
      continue;
    }
    writeFileSync(join(lock, "pid"), String(process.pid));
    try {
      if (existsSync(done)) return outDir;
      rmSync(outDir, { recursive: true, force: true });
      const specPath = typeof recipe.spec === "string" ? recipe.spec : recipe.spec(mkdirOf(join(root, `${name}.spec`)));
      const options = { specPath, outDir, asOf: recipe.asOf, lang: recipe.lang, compare };
      const lines = recipe.cli ? runCommand(options) : await runInProcess(options);
      writeFileSync(join(root, `${name}.log`), lines.join("\n") + "\n");
      writeFileSync(done, folderHash(outDir));
      return outDir;
    } catch (error) {
      writeFileSync(failed, error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

type Options = { specPath: string; outDir: string; asOf: string | undefined; lang: "da" | "en" | undefined; compare: string | undefined };

async function runInProcess(options: Options): Promise<string[]> {
  const lines: string[] = [];
  await runPipeline({ ...options, log: (line) => lines.push(line) });
  return lines;
}

/** `effekt run` as a user types it; throws unless it exits 0. */
function runCommand(options: Options): string[] {
  const args = ["bin/effekt.js", "run", options.specPath, "--out", options.outDir];
  if (options.asOf !== undefined) args.push("--as-of", options.asOf);
  if (options.lang !== undefined) args.push("--lang", options.lang);
  if (options.compare !== undefined) args.push("--compare", options.compare);
  const result = spawnSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  if (result.status !== 0) throw new Error(`effekt ${args.slice(1).join(" ")} exited ${result.status}: ${result.stderr}`);
  return result.stderr.split("\n").filter((line) => line !== "");
}

function mkdirOf(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A lock whose process has ended (a test worker that crashed while making the run). */
function ownerGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    return false; // just taken: the pid is not written yet
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}
