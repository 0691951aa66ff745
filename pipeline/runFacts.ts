/**
 * What a node reads besides artefacts and declared files, loaded by the runner for a node that
 * declares it (src/stage.ts): the SHA-256 of artefacts it hashes (`hashes`), and the facts of the
 * run it names (`facts`) — one loader per fact, in a record the compiler checks against RunFacts.
 */
import { readFile } from "node:fs/promises";
import type { KeyObject } from "node:crypto";
import { join, relative } from "node:path";
import { artefactAt, type ArtefactName } from "../src/catalogue.ts";
import type { FileHash } from "../src/shared/fileHash.ts";
import type { RunFact, RunFacts, StageDefinition } from "../src/stage.ts";
import { listFiles, sha256File } from "./io/hash.ts";
import { resolveInputs } from "./io/openInputs.ts";
import type { LoadedSpec } from "./loadSpec.ts";
import { planStatus, PLAN_LOCK } from "./planLock.ts";
import { previousRunOf } from "./previousRun.ts";

/** What the loaders may use: the run, its nodes, and how to read a folder's artefacts for a node. */
export interface FactSource {
  readonly loaded: LoadedSpec;
  readonly nodes: readonly StageDefinition[];
  /** The run folder named by --compare. */
  readonly compare: string | undefined;
  readonly signingKey: KeyObject | null;
  /** The artefacts of the run in `dir` that `node` reads (required and optional). */
  readonly readRun: (dir: string, node: StageDefinition) => Promise<Partial<Record<ArtefactName, unknown>>>;
}

type Loader<K extends RunFact> = (source: FactSource, node: StageDefinition) => Promise<RunFacts[K]>;

const LOADERS = {
  inputHashes: (source) => inputHashes(source.loaded, source.nodes),
  versions: () => toolVersions(),
  plan: (source) => planStatus(source.loaded),
  previousRun: (source, node) => previousRun(source, node),
  now: async () => new Date().toISOString(),
  signingKey: async (source) => source.signingKey,
} satisfies { [K in RunFact]: Loader<K> };

/** Facts that are the same for every node of a run: loaded once. */
const ONCE_PER_RUN: readonly RunFact[] = ["inputHashes", "versions", "plan"];

/** A loader of the facts a node names, remembering those that are the same for every node of the run. */
export function factLoader(source: FactSource): (node: StageDefinition) => Promise<Partial<RunFacts>> {
  const loaded = new Map<RunFact, Promise<unknown>>();
  const load = (name: RunFact, node: StageDefinition): Promise<unknown> => {
    if (!ONCE_PER_RUN.includes(name)) return LOADERS[name](source, node);
    if (!loaded.has(name)) loaded.set(name, LOADERS[name](source, node));
    return loaded.get(name)!;
  };
  return async (node) => {
    const facts: Partial<Record<RunFact, unknown>> = {};
    for (const name of node.facts ?? []) facts[name] = await load(name, node);
    return facts as Partial<RunFacts>;
  };
}

/** Every input file of the run with its SHA-256, paths relative to the output folder; files that do not exist are left out. */
export async function inputHashes(loaded: LoadedSpec, nodes: readonly StageDefinition[]): Promise<FileHash[]> {
  const files = [{ role: "spec", path: loaded.specPath }, { role: "planLock", path: join(loaded.specDir, PLAN_LOCK) }];
  for (const node of nodes) {
    for (const input of await resolveInputs(node.inputs(loaded.spec), loaded.specDir)) files.push({ role: input.declaration.role, path: input.path });
  }
  const hashes: FileHash[] = [];
  for (const file of files) {
    const sha = await sha256File(file.path);
    if (sha !== null) hashes.push({ role: file.role, path: relative(loaded.outDir, file.path), sha256: sha });
  }
  return hashes;
}

/**
 * The SHA-256 of every file in the output folder that belongs to one of `names` and that this run
 * wrote (`written`): a file of anyone else in the folder is never hashed as the run's. Sorted by path.
 */
export async function artefactHashes(names: readonly ArtefactName[], outDir: string, written: (relativePath: string) => boolean): Promise<FileHash[]> {
  const wanted = new Set(names);
  const hashes: FileHash[] = [];
  for (const path of await listFiles(outDir, (rel) => rel.endsWith(".tmp"))) {
    const name = artefactAt(path);
    if (name === null || !wanted.has(name) || !written(path)) continue;
    hashes.push({ role: "output", path, sha256: (await sha256File(join(outDir, path)))! });
  }
  return hashes;
}

async function toolVersions(): Promise<Record<string, string>> {
  const packagePath = new URL("../package.json", import.meta.url);
  return { effekt: (JSON.parse(await readFile(packagePath, "utf8")) as { version: string }).version, node: process.version };
}

/** The run --compare names, checked again (pipeline/previousRun.ts), with the artefacts of it the node reads. */
async function previousRun(source: FactSource, node: StageDefinition): Promise<RunFacts["previousRun"]> {
  if (source.compare === undefined) return null;
  const { dir, asOf, manifestSha256 } = await previousRunOf(source.compare, source.loaded);
  return { asOf, manifestSha256, artefacts: await source.readRun(dir, node) };
}
