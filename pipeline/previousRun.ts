/**
 * The run named by --compare, read and checked before anything is written: a run folder (else a usage error naming
 * it), of the same evaluation and population, with an earlier as-of date (else the run stops with the reason,
 * src/report/checkPreviousRun.ts). The report names it by its as-of date and its manifest.json's SHA-256.
 */
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { artefactPath } from "../src/catalogue.ts";
import { messages } from "../src/messages.ts";
import { checkPreviousRun } from "../src/report/checkPreviousRun.ts";
import type { Manifest } from "./seal/manifest.ts";
import { issue, stopRun } from "../src/shared/issues.ts";
import { isoDate } from "../src/shared/dates.ts";
import { populationSourceOf } from "../src/spec/populationSource.ts";
import { UsageError } from "./commands/command.ts";
import { readArtefact } from "./io/artefactStore.ts";
import { sha256File } from "./io/hash.ts";
import { shown } from "./io/paths.ts";
import type { LoadedSpec } from "./loadSpec.ts";

export interface PreviousRun {
  readonly dir: string;
  readonly asOf: string;
  readonly manifestSha256: string;
}

export async function previousRunOf(compare: string, loaded: LoadedSpec): Promise<PreviousRun> {
  const dir = resolve(compare);
  const kind = await stat(dir).then((s) => (s.isDirectory() ? "folder" : "file")).catch(() => "absent" as const);
  if (kind !== "folder") throw new UsageError(messages.compareNotARun(shown(dir), kind === "absent" ? "absent" : "not_a_folder"));
  const manifestPath = join(dir, artefactPath("manifest"));
  const manifestSha256 = await sha256File(manifestPath);
  if (manifestSha256 === null) throw new UsageError(messages.compareNotARun(shown(dir), "no_manifest"));
  if (dir === resolve(loaded.outDir)) stopRun(issue("compare_this_run", messages.compareIsThisRun(shown(dir))));
  const manifest = (await readArtefact({ outDir: dir, specDir: dir, spec: null }, "manifest", "run")) as Manifest;
  const current = { evaluation: loaded.spec.name, population: populationSourceOf(loaded.spec), asOf: isoDate(loaded.asOf) };
  const problem = checkPreviousRun(current, manifest, shown(dir), shown(manifestPath));
  if (problem) stopRun(problem);
  return { dir, asOf: manifest.asOf, manifestSha256 };
}
