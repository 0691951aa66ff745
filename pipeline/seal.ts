/**
 * Sealing a run: manifest.json holds the SHA-256 of every input the stages declared (the
 * spec first), the seeds, the versions and every output; `verifyRun` recomputes them.
 */
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { Manifest, compareHashes, type FileHash } from "../src/report/manifest.ts";
import { isoDate } from "../src/shared/dates.ts";
import type { StageDefinition } from "../src/stage.ts";
import { artefactPath } from "../src/catalogue.ts";
import { listFiles, sha256File } from "./io/hash.ts";
import { resolveInputs } from "./io/openInputs.ts";
import { formatJson, writeFileAtomic } from "./io/files.ts";
import { readArtefact } from "./io/artefactStore.ts";
import type { LoadedSpec } from "./loadSpec.ts";

const MANIFEST = artefactPath("manifest");
const notAnOutput = (rel: string) => rel === MANIFEST || rel.endsWith(".tmp");

/** Every input file of the run with its SHA-256, paths relative to the output folder; files that do not exist are left out. */
export async function inputHashes(loaded: LoadedSpec, stages: readonly StageDefinition[]): Promise<FileHash[]> {
  const files = [{ role: "spec", path: loaded.specPath }];
  for (const stage of stages) {
    for (const input of await resolveInputs(stage.inputs(loaded.spec), loaded.specDir)) files.push({ role: input.declaration.role, path: input.path });
  }
  const hashes: FileHash[] = [];
  for (const file of files) {
    const sha = await sha256File(file.path);
    if (sha !== null) hashes.push({ role: file.role, path: relative(loaded.outDir, file.path), sha256: sha });
  }
  return hashes;
}

export async function toolVersions(): Promise<Record<string, string>> {
  const packagePath = new URL("../package.json", import.meta.url);
  return { effekt: (JSON.parse(await readFile(packagePath, "utf8")) as { version: string }).version, node: process.version };
}

/** Writes manifest.json over every file now in the run folder. */
export async function writeManifest(loaded: LoadedSpec, inputs: readonly FileHash[], seeds: Readonly<Record<string, number>>, versions: Readonly<Record<string, string>>): Promise<number> {
  const outputs: FileHash[] = [];
  for (const path of await listFiles(loaded.outDir, notAnOutput)) outputs.push({ role: "output", path, sha256: (await sha256File(join(loaded.outDir, path)))! });
  const manifest = Manifest.parse({
    artefact: "manifest",
    schema_version: 1,
    createdAt: new Date().toISOString(),
    evaluation: loaded.spec.name,
    asOf: isoDate(loaded.asOf),
    versions,
    seeds,
    inputs,
    outputs,
  });
  await writeFileAtomic(join(loaded.outDir, MANIFEST), formatJson(manifest));
  return outputs.length;
}

/** `effekt verify-run`: recomputes every hash in a run's manifest, and names files it does not record. */
export async function verifyRun(dir: string) {
  const root = resolve(dir);
  const manifest = (await readArtefact({ outDir: root, specDir: root, spec: null }, "manifest", "run")) as Manifest;
  const actual = new Map<string, string | null>();
  for (const file of [...manifest.inputs, ...manifest.outputs]) actual.set(file.path, await sha256File(join(root, file.path)));
  const current = await listFiles(root, notAnOutput);
  const unrecorded = current.filter((p) => !manifest.outputs.some((o) => o.path === p));
  return { ...compareHashes([...manifest.inputs, ...manifest.outputs], actual), unrecorded, manifest };
}
