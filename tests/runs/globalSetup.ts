/**
 * Once per `npm test`: a fresh folder for the shared runs (tests/runs/sharedRun.ts), given to every test file; at the
 * end, every shared run is checked to be as it was made (a test wrote into one: the suite fails, naming it), and the
 * folder is removed.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { folderHash } from "./folderHash.ts";

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), "effekt-shared-runs-"));
  project.provide("sharedRuns", root);
  return () => {
    const changed = readdirSync(root)
      .filter((file) => file.endsWith(".sha256"))
      .map((file) => file.slice(0, -".sha256".length))
      .filter((name) => !existsSync(join(root, name)) || folderHash(join(root, name)) !== readFileSync(join(root, `${name}.sha256`), "utf8"));
    rmSync(root, { recursive: true, force: true });
    if (changed.length > 0) throw new Error(`a test wrote into the shared run(s) ${changed.join(", ")}: work on copyOfSharedRun (tests/runs/sharedRun.ts)`);
  };
}
