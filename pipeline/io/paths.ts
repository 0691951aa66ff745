/** How a file is shown to the person: relative to the working directory where that is shorter. */
import { access, stat } from "node:fs/promises";
import { relative } from "node:path";
import { containsCpr } from "../../src/ingest/containsCpr.ts";
import { messages } from "../../src/messages.ts";

/** A file as messages name it; a part of its path that looks like a CPR number is never printed (`maskCprInPath`). */
export function shown(path: string): string {
  return maskCprInPath(relative(process.cwd(), path) || path);
}

/** The path with every folder or file name that looks like a CPR number replaced by words. */
export function maskCprInPath(path: string): string {
  if (!containsCpr(path)) return path;
  return path
    .split(/([/\\])/)
    .map((part) => (part !== "/" && part !== "\\" && containsCpr(part) ? messages.cprLikeName() : part))
    .join("");
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
