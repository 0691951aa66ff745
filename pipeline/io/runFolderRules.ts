/** The rules of a run's output folder: the catalogue's files (src/catalogue.ts), and under --force what is taken as effekt's. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { artefactPath, isCatalogued } from "../../src/catalogue.ts";
import { Manifest } from "../seal/manifest.ts";
import { sha256File } from "./hash.ts";
import type { FolderRules } from "./ownedFolder.ts";

/**
 * A run folder holds the catalogue's files. Taking one over with --force (say, a folder an earlier
 * version wrote, without the marker), a file is effekt's only when the folder's manifest.json records
 * it, unchanged (and the manifest and its signature themselves); any other file is kept, and one in
 * the way of a file the run writes stops the run.
 */
export function runFolderRules(dir: string, force: boolean, log: (line: string) => void): FolderRules {
  let recorded: Promise<Map<string, string> | null> | null = null;
  return {
    kind: "run",
    force,
    log,
    catalogued: isCatalogued,
    adoptable: async (path) => {
      recorded ??= recordedOutputs(dir);
      const outputs = await recorded;
      if (outputs === null) return false;
      if (path === artefactPath("manifest") || path === artefactPath("manifestSignature")) return true;
      const sha = outputs.get(path);
      return sha !== undefined && sha === (await sha256File(join(dir, path)));
    },
  };
}

/** The outputs the folder's manifest records (path → SHA-256); null without a valid manifest. */
async function recordedOutputs(dir: string): Promise<Map<string, string> | null> {
  try {
    const manifest = Manifest.parse(JSON.parse(await readFile(join(dir, artefactPath("manifest")), "utf8")));
    return new Map(manifest.outputs.map((o) => [o.path, o.sha256]));
  } catch {
    return null;
  }
}
