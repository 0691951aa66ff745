/** How a file is shown to the person: relative to the working directory where that is shorter. */
import { access, stat } from "node:fs/promises";
import { relative } from "node:path";

export function shown(path: string): string {
  return relative(process.cwd(), path) || path;
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
