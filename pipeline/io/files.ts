/** File output for the runner: atomic writes (temp file + rename), so a crashed run never leaves half an artefact. */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${process.pid}.${Date.now()}.tmp`);
  await writeFile(temporary, content);
  await rename(temporary, path);
}

/** JSON with two-space indent and a final newline; key order is the order the stage built. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

/** Removes a file if it is there. */
export async function removeFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
