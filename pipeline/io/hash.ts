/** SHA-256 of a file, streamed; null when it does not exist. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";

export async function sha256File(path: string): Promise<string | null> {
  try {
    await stat(path);
  } catch {
    return null;
  }
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Every file under a folder, as paths relative to it, sorted. */
export async function listFiles(root: string, skip: (relativePath: string) => boolean = () => false): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = relative(root, full);
      if (skip(rel)) continue;
      if (entry.isDirectory()) await walk(full);
      else out.push(rel);
    }
  };
  await walk(root);
  return out.sort();
}
