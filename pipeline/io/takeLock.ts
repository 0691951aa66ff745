/**
 * The lock of an output folder: one file, created exclusively (`wx`), holding who writes into
 * the folder (process id, host, start time). A second run into the same folder finds it and
 * stops at once; a lock whose process no longer runs on this host (a killed run) is taken over.
 * The lock is removed when the run ends: on success, on a stop, on an error, and on SIGINT,
 * SIGTERM or SIGHUP (the signal is then raised again, so the process ends as it would have).
 * Only SIGKILL and a power cut leave a lock behind, and that lock is stale.
 */
import { unlinkSync } from "node:fs";
import { open, readFile, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { messages } from "../../src/messages.ts";
import { issue, stopRun } from "../../src/shared/issues.ts";
import { shown } from "./paths.ts";

export const LOCK_FILE = ".effekt-run.lock";

const LockContent = z.object({ tool: z.literal("effekt"), pid: z.number().int().positive(), host: z.string(), startedAt: z.string() });

export interface HeldLock {
  readonly path: string;
  release(): Promise<void>;
}

/** Takes the lock of `dir` (which exists), or stops the run naming the run that holds it. */
export async function takeLock(dir: string, log: (line: string) => void): Promise<HeldLock> {
  const path = join(dir, LOCK_FILE);
  const content = JSON.stringify({ tool: "effekt", pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }) + "\n";
  const where = { file: shown(dir), path: [] };
  for (let attempt = 0; !(await create(path, content)); attempt++) {
    const holder = await readHolder(path);
    if (holder === "gone" && attempt < 10) continue; // released between the two looks: try again
    if (holder === null || holder === "gone") stopRun(issue("out_locked", messages.outLockUnreadable(shown(path)), where));
    if (attempt >= 2 || holder.host !== hostname() || isRunning(holder.pid)) stopRun(issue("out_locked", messages.outLocked(holder.pid, holder.host, holder.startedAt, shown(path)), where));
    // A stale lock: its run was killed. Of two runs taking it over at once, one loses at `wx` and finds the other's lock.
    log(`lock: ${messages.staleLockTakenOver(holder.pid, holder.startedAt)} (${shown(path)})`);
    await unlink(path).catch(() => undefined);
  }
  held.add(path);
  watchSignals();
  return {
    path,
    async release() {
      if (!held.delete(path)) return;
      await unlink(path).catch(() => undefined);
      if (held.size === 0) unwatchSignals();
    },
  };
}

/** Creates the lock file with its content; false when it exists. */
async function create(path: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

/** Who holds the lock; "gone" when it was released meanwhile; null when it cannot be read as a lock (it may be being written: read again briefly). */
async function readHolder(path: string): Promise<z.infer<typeof LockContent> | "gone" | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const parsed = LockContent.safeParse(JSON.parse(await readFile(path, "utf8")));
      if (parsed.success) return parsed.data;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return null;
}

/** Whether a process with this id runs on this host (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The locks this process holds, removed on a signal that ends it. */
const held = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const path of held) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  held.clear();
  unwatchSignals();
  process.kill(process.pid, signal);
}

function onExit(): void {
  for (const path of held) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}

function watchSignals(): void {
  if (process.listeners("exit").includes(onExit)) return;
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on("exit", onExit);
}

function unwatchSignals(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off("exit", onExit);
}
