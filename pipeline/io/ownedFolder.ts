/**
 * The output folder is effekt's own. A command that writes into a folder opens it here first:
 *
 *   1. --out must be a folder (a missing one is created; a file is refused);
 *   2. the folder's lock is taken for the whole command (takeLock.ts);
 *   3. the folder must be new, empty, marked as written by the same kind of command
 *      (`.effekt-run.json`), or hold only files proven effekt's (`rules.adoptable`: a run folder
 *      an earlier version wrote, every file recorded by its manifest); any other folder is
 *      refused, unless --force takes it over;
 *   4. every file is claimed before it is written: the marker lists it first, and a file that
 *      is in the way and was not written by effekt stops the command instead of being overwritten;
 *   5. `clear` deletes only files that are both catalogued and listed in the marker, then the
 *      folders effekt created, when they are empty. Nothing is deleted recursively.
 */
import { mkdir, readdir, readFile, rmdir, stat, unlink } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { z } from "zod";
import { messages } from "../../src/messages.ts";
import { issue, stopRun } from "../../src/shared/issues.ts";
import { formatJson, writeFileAtomic } from "./files.ts";
import { exists, shown } from "./paths.ts";
import { LOCK_FILE, takeLock } from "./takeLock.ts";

export const MARKER_FILE = ".effekt-run.json";

/** Which command writes the folder: a folder written by one kind is not written into by another. */
export const FOLDER_KINDS = {
  run: "effekt run (or one of its stages)",
  table: "effekt estimate --table",
  portfolio: "effekt portfolio",
  projection: "effekt project --assumptions",
} as const;
export type FolderKind = keyof typeof FOLDER_KINDS;

const Marker = z.object({
  tool: z.literal("effekt"),
  kind: z.enum(Object.keys(FOLDER_KINDS) as [FolderKind, ...FolderKind[]]),
  files: z.array(z.string()).describe("Every file effekt wrote in this folder (relative, '/'-separated): the only ones it may overwrite or delete"),
  folders: z.array(z.string()).describe("Folders effekt created here: removed when a clear leaves them empty"),
});
type Marker = z.infer<typeof Marker>;

export interface FolderRules {
  readonly kind: FolderKind;
  /** Take over a non-empty folder effekt did not mark (--force). */
  readonly force: boolean;
  readonly log: (line: string) => void;
  /** The files (relative paths) this kind of command writes: only these are claimed, adopted or deleted. */
  readonly catalogued: (relativePath: string) => boolean;
  /** Under --force: whether a catalogued file already in the folder is proven effekt's (default: none is). */
  readonly adoptable?: (relativePath: string) => Promise<boolean>;
}

export interface OwnedFolder {
  readonly dir: string;
  /** Whether effekt wrote this file (relative path). */
  owns(relativePath: string): boolean;
  /** Marks files as effekt's before they are written (paths outside the folder are ignored); stops on one in the way that effekt did not write. */
  claim(paths: readonly string[]): Promise<void>;
  /** Deletes every catalogued file effekt wrote here, then the folders it created, when empty. */
  clear(): Promise<void>;
  /** Releases the lock (every exit path must call it). */
  release(): Promise<void>;
}

/** Opens `dir` for a command of `rules.kind`: locked, and marked as effekt's, or the command stops (exit 1) saying why. */
export async function openOwnedFolder(dir: string, rules: FolderRules): Promise<OwnedFolder> {
  const where = { file: shown(dir), path: [] };
  const kind = await stat(dir).then((s) => (s.isDirectory() ? "folder" : "file"), () => "absent" as const);
  if (kind === "file") stopRun(issue("out_is_file", messages.outIsFile(), where));
  if (kind === "absent") {
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOTDIR" || code === "EEXIST") stopRun(issue("out_is_file", messages.outIsFile(), where));
      if (code === "EACCES" || code === "EPERM" || code === "EROFS") stopRun(issue("out_not_writable", messages.outNotWritable(code === "EROFS" ? "a read-only file system" : "permission denied"), where));
      throw error;
    }
  }
  const lock = await takeLock(dir, rules.log).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EACCES" || error.code === "EPERM" || error.code === "EROFS") stopRun(issue("out_not_writable", messages.outNotWritable(error.code === "EROFS" ? "a read-only file system" : "permission denied"), where));
    throw error;
  });
  try {
    const marker = await readMarker(dir, rules);
    await writeMarker(dir, marker);
    return ownedFolder(dir, rules, marker, lock.release);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** The folder's marker: its own, a new one (empty folder), or one taking the folder over (--force); else the command stops. */
async function readMarker(dir: string, rules: FolderRules): Promise<Marker> {
  const where = { file: shown(dir), path: [] };
  const fresh: Marker = { tool: "effekt", kind: rules.kind, files: [], folders: [] };
  const text = await readFile(join(dir, MARKER_FILE), "utf8").catch(() => null);
  const parsed = text === null ? null : Marker.safeParse(parseJson(text));
  if (parsed?.success) {
    if (parsed.data.kind !== rules.kind) stopRun(issue("out_other_kind", messages.outOtherKind(FOLDER_KINDS[rules.kind], FOLDER_KINDS[parsed.data.kind]), where));
    return parsed.data;
  }
  if ((await readdir(dir)).every((name) => name === LOCK_FILE)) return fresh;
  const present = (await listTree(dir)).filter((p) => p !== LOCK_FILE);
  const adopted: string[] = [];
  for (const path of present) if (rules.catalogued(path) && (rules.adoptable ? await rules.adoptable(path) : false)) adopted.push(path);
  // Every file proven effekt's (a run folder an earlier version wrote, unchanged): the folder is effekt's without --force.
  if (adopted.length === present.length) {
    rules.log(`${shown(dir)}: ${messages.adoptedUnchanged(adopted.length)}`);
    return { ...fresh, files: adopted.sort() };
  }
  if (!rules.force) stopRun(issue("out_not_owned", messages.outNotOwned(FOLDER_KINDS[rules.kind]), where));
  rules.log(`${shown(dir)}: ${messages.takenOver(adopted.length, present.length - adopted.length - (text === null ? 0 : 1))}`);
  return { ...fresh, files: adopted.sort() };
}

function ownedFolder(dir: string, rules: FolderRules, marker: Marker, release: () => Promise<void>): OwnedFolder {
  const files = new Set(marker.files);
  const folders = new Set(marker.folders);
  const save = () => writeMarker(dir, { tool: "effekt", kind: rules.kind, files: [...files].sort(), folders: [...folders].sort() });
  return {
    dir,
    owns: (relativePath) => files.has(toSlashes(relativePath)),
    async claim(paths) {
      let changed = false;
      for (const path of paths) {
        const rel = relative(dir, path);
        if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) continue;
        const key = toSlashes(rel);
        if (files.has(key)) continue;
        if (!rules.catalogued(key)) throw new Error(`claim(${key}) requires a catalogued path`);
        if (await exists(path)) stopRun(issue("out_file_not_ours", messages.outFileNotOurs(key), { file: shown(path), path: [] }));
        for (let folder = dirname(key); folder !== "." && folder !== ""; folder = dirname(folder)) {
          if (!folders.has(folder) && !(await exists(join(dir, folder)))) folders.add(folder);
        }
        files.add(key);
        changed = true;
      }
      if (changed) await save();
    },
    async clear() {
      for (const key of [...files].sort()) {
        if (!rules.catalogued(key)) continue;
        await unlink(join(dir, key)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
        });
        files.delete(key);
      }
      // Deepest first; a folder that holds anything effekt did not write stays.
      for (const folder of [...folders].sort((a, b) => b.split("/").length - a.split("/").length || (a < b ? 1 : -1))) {
        const removed = await rmdir(join(dir, folder)).then(
          () => true,
          (error: NodeJS.ErrnoException) => error.code === "ENOENT",
        );
        if (removed) folders.delete(folder);
      }
      await save();
    },
    release,
  };
}

async function writeMarker(dir: string, marker: Marker): Promise<void> {
  await writeFileAtomic(join(dir, MARKER_FILE), formatJson(marker));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every file and empty folder under `dir`, relative and '/'-separated. */
async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string) => {
    const entries = await readdir(join(dir, folder), { withFileTypes: true });
    if (entries.length === 0 && folder !== "") out.push(folder);
    for (const entry of entries) {
      const rel = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) await walk(rel);
      else out.push(rel);
    }
  };
  await walk("");
  return out;
}

const toSlashes = (path: string) => path.split(sep).join("/");
