/**
 * The pipeline, start to end. Read this file first: every stage is one line below, with
 * its folder and the artefacts it reads and writes (the catalogue, src/catalogue.ts,
 * names each file once; each stage's definition is at the end of its index.ts).
 *
 *   spec.json ─► 1 ingest    src/ingest/    extracts, benefit codes → ingest.json, work/persons.csv, work/outcomes.csv,
 *                                                                     work/outcome-status.csv, work/quarantine/<extract>.csv,
 *                                                                     work/triggers.csv (spec triggers)
 *             ─► 2 assign    src/assign/    ingest.json, work/persons.csv, work/outcome-status.csv, allocation file or log
 *                                           → assignment.json, work/allocation-log.csv, work/assignments.csv, work/roster.csv,
 *                                             work/assignment-issues.csv, work/quarantine/allocation.csv
 *             ─► 3 estimate  src/estimate/  ingest.json, assignment.json, work/persons.csv, work/outcomes.csv,
 *                                           work/assignments.csv → effects.json, effects.csv
 *             ─► 3b monitor  src/monitor/   effects.json, the look log (spec monitoring) → monitoring.json,
 *                                           look-log.csv (kept beside the spec)
 *             ─► 4 project   src/project/   assumption files, effects.json → projection.json
 *             ─► 5 repay     src/repay/     contracts, outcome tables or work/triggers.csv, portfolio, effects.json → repayment.json, ledger.csv
 *             ─► 6 report    src/report/    every artefact above (and a previous run, with --compare)
 *                                           → report/report.html, report/status.html, report/summary.txt,
 *                                             report/<table>.csv, report/tables.xlsx
 *             ─► 7 seal      pipeline/seal/ the SHA-256 of every input and every artefact above → manifest.json,
 *                                           manifest-signature.json (with --sign)
 *
 * The runner is generic: for each node, the seal too, it loads what the node declares — the
 * artefacts it reads, the files the spec names for it, the SHA-256 of the artefacts it hashes, the
 * facts of the run it names (pipeline/runFacts.ts: input hashes, versions, plan, the --compare run,
 * the time, the --sign key) — runs it, writes what it returns (also when it stops), then stops on
 * its issues. Only the runner and the CLI touch files, the clock and the environment.
 * Around it all, the output folder is effekt's own (pipeline/io/ownedFolder.ts): it holds no
 * input and is locked for the run; inside the lock, before anything is cleared, the chains others
 * rely on are checked (pipeline/recordedChains.ts: the settlement file's, and the allocation log
 * against every chain head recorded elsewhere) and so is the run --compare names
 * (pipeline/previousRun.ts); only files effekt wrote there are cleared or overwritten.
 */
import { join } from "node:path";
import { artefactPath, type ArtefactName } from "../src/catalogue.ts";
import { messages } from "../src/messages.ts";
import { formatIssue, issue, StopRun, stopRun } from "../src/shared/issues.ts";
import { parseDate } from "../src/ingest/parseValue.ts";
import { seedsOf } from "../src/spec/seedsOf.ts";
import { ABSENT, stopped, type StageContext, type StageDefinition, type StageName, type StageResult } from "../src/stage.ts";
import { stage as ingest } from "../src/ingest/index.ts";
import { stage as assign } from "../src/assign/index.ts";
import { stage as estimate } from "../src/estimate/index.ts";
import { stage as monitor } from "../src/monitor/index.ts";
import { stage as project } from "../src/project/index.ts";
import { stage as repay } from "../src/repay/index.ts";
import { stage as report } from "../src/report/index.ts";
import { stage as seal } from "./seal/index.ts";
import { locate, readArtefact, writeArtefact, type RunFolder } from "./io/artefactStore.ts";
import { removeFile } from "./io/files.ts";
import { openInputs, resolveInputs } from "./io/openInputs.ts";
import { exists, shown } from "./io/paths.ts";
import { openOwnedFolder, type OwnedFolder } from "./io/ownedFolder.ts";
import { runFolderRules } from "./io/runFolderRules.ts";
import { refuseOutHoldingInputs } from "./io/refuseOutHoldingInputs.ts";
import { loadSpec, type LoadedSpec, type RunOptions } from "./loadSpec.ts";
import { PLAN_LOCK } from "./planLock.ts";
import { checkRecordedChains } from "./recordedChains.ts";
import { previousRunOf } from "./previousRun.ts";
import { artefactHashes, factLoader } from "./runFacts.ts";
import { isoDate } from "../src/shared/dates.ts";

export type { LoadedSpec, RunOptions } from "./loadSpec.ts";
export type { StageName } from "../src/stage.ts";

/** The nodes, in order. The graph test (tests/pipeline/graph.test.ts) checks that each reads only what an earlier one writes, and that the seal hashes everything. */
export const STAGES: readonly StageDefinition[] = [ingest, assign, estimate, monitor, project, repay, report, seal] as readonly StageDefinition[];

/** A run as its nodes see it: the spec, the options, the owned output folder, and the loader of the run's facts. */
interface Run {
  readonly loaded: LoadedSpec;
  readonly options: RunOptions;
  readonly owned: OwnedFolder;
  readonly folder: RunFolder;
  readonly facts: ReturnType<typeof factLoader>;
}

/** Runs every node the spec gives something to do, in order: the six stages, then the seal. */
export async function runPipeline(options: RunOptions): Promise<LoadedSpec> {
  const loaded = await loadSpec(options);
  return inOwnedFolder(loaded, options, async (run) => {
    // What an earlier run wrote goes first (only that: files of anyone else in the folder stay).
    // The run --compare names is checked before this folder is emptied (and read again by the report stage).
    if (options.compare !== undefined) await previousRunOf(options.compare, loaded);
    await run.owned.clear();
    for (const node of STAGES) {
      const skip = node.skip(loaded.spec);
      if (skip) {
        options.log(`${node.name}: skipped — ${skip.reason}`);
        continue;
      }
      options.log(`${node.name}: start`);
      await executeNode(node, run);
    }
  });
}

/**
 * Runs one stage, reading what earlier stages left in the output folder, then the nodes that follow
 * it when it is run alone (`effekt report`: the seal); run alone, a stage with nothing to do says why.
 */
export async function runStage(name: StageName, options: RunOptions): Promise<LoadedSpec> {
  const loaded = await loadSpec(options);
  const stage = STAGES.find((s) => s.name === name)!;
  const skip = stage.skip(loaded.spec);
  if (skip) stopRun(issue("nothing_to_do", messages.stageHasNothingToDo(name, skip.reason), { file: shown(loaded.specPath), path: skip.path }));
  const nodes = [stage, ...STAGES.filter((node) => node.follows?.includes(name))];
  return inOwnedFolder(loaded, options, async (run) => {
    for (const node of nodes) await executeNode(node, run);
  });
}

/**
 * The frame of every run: an as-of date someone can be enrolled by, an output folder that holds no
 * input, then the folder opened as effekt's and locked (pipeline/io/ownedFolder.ts) until the run
 * ends, however it ends; the recorded chains are checked inside the lock, before the body runs.
 */
async function inOwnedFolder(loaded: LoadedSpec, options: RunOptions, body: (run: Run) => Promise<void>): Promise<LoadedSpec> {
  if (loaded.asOf < parseDate(loaded.spec.enrolment.from, "iso")!) stopRun(issue("as_of_before_enrolment", messages.asOfBeforeEnrolment(isoDate(loaded.asOf), loaded.spec.enrolment.from), { file: shown(loaded.specPath), path: ["enrolment", "from"] }));
  await refuseOutHoldingInputs(loaded.outDir, await inputPaths(loaded));
  const owned = await openOwnedFolder(loaded.outDir, runFolderRules(loaded.outDir, options.force ?? false, options.log));
  try {
    // The chains others rely on are checked before anything in the folder is cleared (pipeline/recordedChains.ts).
    await checkRecordedChains(loaded);
    const folder: RunFolder = { outDir: loaded.outDir, specDir: loaded.specDir, spec: loaded.spec };
    const readRun = (dir: string, node: StageDefinition) => readArtefacts({ outDir: dir, specDir: dir, spec: null }, node);
    const facts = factLoader({ loaded, nodes: STAGES, compare: options.compare, signingKey: options.sign ?? null, readRun });
    await body({ loaded, options, owned, folder, facts });
  } finally {
    await owned.release();
  }
  return loaded;
}

/** Every file the run reads: the spec, its plan lock, and every input any node declares (follow-ups too). */
async function inputPaths(loaded: LoadedSpec): Promise<string[]> {
  const paths = [loaded.specPath, join(loaded.specDir, PLAN_LOCK)];
  for (const node of STAGES) for (const input of await resolveInputs(node.inputs(loaded.spec), loaded.specDir)) paths.push(input.path);
  return paths;
}

/** One node, the same way for every node: load what it declares, run it, save what it returns, then stop on its issues. */
async function executeNode(node: StageDefinition, run: Run): Promise<void> {
  const { loaded, options } = run;
  const input = {
    artefacts: await readArtefacts(run.folder, node),
    files: await openInputs(node.inputs(loaded.spec), loaded.specDir, (line) => options.log(`${node.name}: ${line}`)),
    hashes: node.hashes === undefined ? [] : await artefactHashes(node.hashes, loaded.outDir, (path) => run.owned.owns(path)),
    facts: await run.facts(node),
  };
  let result: StageResult<ArtefactName>;
  try {
    result = await node.run(input as never, contextFor(run));
  } catch (error) {
    // A node's helpers may end it early with StopRun: those are the node's issues.
    if (!(error instanceof StopRun)) throw error;
    result = stopped(error.issues);
  }
  await saveOutputs(result.outputs, run);
  for (const warning of result.warnings) options.log(`${node.name}: warning: ${formatIssue(warning)}`);
  for (const line of result.summary) options.log(line);
  if (result.issues.length > 0) throw new StopRun(result.issues);
}

/** Every file is claimed (marked as effekt's) before it is written or removed; one in the way that effekt did not write stops the run. */
async function saveOutputs(outputs: StageResult<ArtefactName>["outputs"], run: Run): Promise<void> {
  const entries = Object.entries(outputs) as [ArtefactName, unknown][];
  const targets = entries.flatMap(([name, value]) =>
    value instanceof Map ? [...(value as ReadonlyMap<string, string>).keys()].map((key) => locate(run.folder, name, key)) : [locate(run.folder, name)],
  );
  await run.owned.claim(targets);
  // What a node leaves absent goes first: a new manifest is never beside the old one's signature.
  for (const [name] of entries.filter(([, value]) => value === ABSENT)) await removeFile(locate(run.folder, name));
  for (const [name, value] of entries.filter(([, value]) => value !== ABSENT)) await writeArtefact(run.folder, name, value);
}

/** The artefacts a node reads: required ones must exist (else: which stage to run first), optional ones are null when absent. */
async function readArtefacts(folder: RunFolder, node: StageDefinition): Promise<Partial<Record<ArtefactName, unknown>>> {
  const found: Partial<Record<ArtefactName, unknown>> = {};
  for (const name of node.reads) found[name] = await readArtefact(folder, name, writerOf(name));
  for (const name of node.readsOptional) found[name] = (await exists(locate(folder, name))) ? await readArtefact(folder, name, writerOf(name)) : null;
  return found;
}

function writerOf(name: ArtefactName): string {
  return STAGES.find((s) => s.writes.includes(name))?.name ?? "run";
}

function contextFor(run: Run): StageContext {
  const { loaded, options, folder } = run;
  return {
    spec: loaded.spec,
    asOf: loaded.asOf,
    seeds: seedsOf(loaded.spec),
    lang: options.lang ?? loaded.spec.report?.lang ?? "da",
    shownPath: (name, key) => shown(locate(folder, name, key)),
    runPath: (name, key) => artefactPath(name, key),
    log: options.log,
  };
}
