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
 *                                           → report/report.html, report/status.html, report/<table>.csv,
 *                                             report/tables.xlsx
 *             ─► seal        pipeline/seal.ts  every input and output → manifest.json
 *                                           (with --sign, pipeline/sign.ts: → manifest-signature.json)
 *
 * The runner is generic: for each stage it loads what the stage reads, opens the files the
 * spec names for it, runs it, writes what it returns (also when it stops), then stops on
 * its issues. Only the runner and the CLI touch files, the clock and the environment.
 * Before any stage it checks the chains others rely on (pipeline/recordedChains.ts): the
 * settlement file's, and the allocation log against every chain head recorded elsewhere.
 * Around it all, the output folder is effekt's own (pipeline/io/ownedFolder.ts): it holds no
 * input, is locked for the run, and only files effekt wrote there are cleared or overwritten.
 */
import { join } from "node:path";
import { artefactPath, type ArtefactName } from "../src/catalogue.ts";
import { messages } from "../src/messages.ts";
import { formatIssue, issue, StopRun, stopRun } from "../src/shared/issues.ts";
import { parseDate } from "../src/ingest/parseValue.ts";
import { seedsOf } from "../src/spec/seedsOf.ts";
import { stopped, type StageContext, type StageDefinition, type StageName, type StageResult } from "../src/stage.ts";
import { stage as ingest } from "../src/ingest/index.ts";
import { stage as assign } from "../src/assign/index.ts";
import { stage as estimate } from "../src/estimate/index.ts";
import { stage as monitor } from "../src/monitor/index.ts";
import { stage as project } from "../src/project/index.ts";
import { stage as repay } from "../src/repay/index.ts";
import { stage as report } from "../src/report/index.ts";
import { locate, readArtefact, writeArtefact, type RunFolder } from "./io/artefactStore.ts";
import { openInputs } from "./io/openInputs.ts";
import { exists, shown } from "./io/paths.ts";
import { openOwnedFolder, type OwnedFolder } from "./io/ownedFolder.ts";
import { runFolderRules } from "./io/runFolderRules.ts";
import { refuseOutHoldingInputs } from "./io/refuseOutHoldingInputs.ts";
import { resolveInputs } from "./io/openInputs.ts";
import { loadSpec, type LoadedSpec, type RunOptions } from "./loadSpec.ts";
import { inputHashes, toolVersions, writeManifest } from "./seal.ts";
import { planStatus, PLAN_LOCK } from "./planLock.ts";
import { checkRecordedChains } from "./recordedChains.ts";
import { signRun } from "./sign.ts";
import { previousRunOf } from "./previousRun.ts";
import { NOT_LOCKED } from "../src/spec/analysisPlan.ts";
import { isoDate } from "../src/shared/dates.ts";

export type { LoadedSpec, RunOptions } from "./loadSpec.ts";
export type { StageName } from "../src/stage.ts";

/** The stages, in order. The graph test (tests/pipeline/graph.test.ts) checks that each reads only what an earlier one writes. */
export const STAGES: readonly StageDefinition[] = [ingest, assign, estimate, monitor, project, repay, report] as readonly StageDefinition[];

/** Runs every stage the spec gives something to do, in order, then seals the run. */
export async function runPipeline(options: RunOptions): Promise<LoadedSpec> {
  const loaded = await loadSpec(options);
  return inOwnedFolder(loaded, options, async (folder) => {
    // What an earlier run wrote goes first (only that: files of anyone else in the folder stay).
    // The run --compare names is checked before this folder is emptied (and read again by the report stage).
    if (options.compare !== undefined) await previousRunOf(options.compare, loaded);
    await folder.clear();
    for (const stage of STAGES) {
      const skip = stage.skip(loaded.spec);
      if (skip) {
        options.log(`${stage.name}: skipped — ${skip.reason}`);
        continue;
      }
      options.log(`${stage.name}: start`);
      await executeStage(stage, loaded, options, folder);
    }
  });
}

/** Runs one stage, reading what earlier stages left in the output folder; run alone, a stage with nothing to do says why. */
export async function runStage(name: StageName, options: RunOptions): Promise<LoadedSpec> {
  const loaded = await loadSpec(options);
  const stage = STAGES.find((s) => s.name === name)!;
  const skip = stage.skip(loaded.spec);
  if (skip) stopRun(issue("nothing_to_do", messages.stageHasNothingToDo(name, skip.reason), { file: shown(loaded.specPath), path: skip.path }));
  return inOwnedFolder(loaded, options, (folder) => executeStage(stage, loaded, options, folder));
}

/**
 * The frame of every run: an as-of date someone can be enrolled by, an output folder that holds no
 * input, then the folder opened as effekt's and locked (pipeline/io/ownedFolder.ts) until the run
 * ends, however it ends; a signature (--sign) is made inside the lock.
 */
async function inOwnedFolder(loaded: LoadedSpec, options: RunOptions, body: (folder: OwnedFolder) => Promise<void>): Promise<LoadedSpec> {
  if (loaded.asOf < parseDate(loaded.spec.enrolment.from, "iso")!) stopRun(issue("as_of_before_enrolment", messages.asOfBeforeEnrolment(isoDate(loaded.asOf), loaded.spec.enrolment.from), { file: shown(loaded.specPath), path: ["enrolment", "from"] }));
  await refuseOutHoldingInputs(loaded.outDir, await inputPaths(loaded));
  const folder = await openOwnedFolder(loaded.outDir, runFolderRules(loaded.outDir, options.force ?? false, options.log));
  try {
    // The chains others rely on are checked before anything in the folder is cleared (pipeline/recordedChains.ts).
    await checkRecordedChains(loaded);
    await body(folder);
    if (options.sign) {
      await folder.claim([join(loaded.outDir, artefactPath("manifestSignature"))]);
      options.log(`seal: signed manifest.json with key ${(await signRun(loaded.outDir, options.sign)).slice(0, 16)}…`);
    }
  } finally {
    await folder.release();
  }
  return loaded;
}

/** Every file the run reads: the spec, its plan lock, and every input any stage declares (follow-ups too). */
async function inputPaths(loaded: LoadedSpec): Promise<string[]> {
  const paths = [loaded.specPath, join(loaded.specDir, PLAN_LOCK)];
  for (const stage of STAGES) for (const input of await resolveInputs(stage.inputs(loaded.spec), loaded.specDir)) paths.push(input.path);
  return paths;
}

async function executeStage(stage: StageDefinition, loaded: LoadedSpec, options: RunOptions, owned: OwnedFolder): Promise<void> {
  const folder: RunFolder = { outDir: loaded.outDir, specDir: loaded.specDir, spec: loaded.spec };
  const artefacts = await readArtefacts(folder, stage.reads, stage.readsOptional);
  const files = await openInputs(stage.inputs(loaded.spec), loaded.specDir, (line) => options.log(`${stage.name}: ${line}`));
  const context = await contextFor(stage, loaded, options);
  let result: StageResult<ArtefactName>;
  try {
    result = await stage.run({ artefacts: artefacts as never, files }, context);
  } catch (error) {
    // A stage's helpers may end it early with StopRun: those are the stage's issues.
    if (!(error instanceof StopRun)) throw error;
    result = stopped(error.issues);
  }
  // Every file is claimed (marked as effekt's) before it is written; one in the way that effekt did not write stops the run.
  const targets = Object.entries(result.outputs).flatMap(([name, value]) =>
    value instanceof Map ? [...(value as ReadonlyMap<string, string>).keys()].map((key) => locate(folder, name as ArtefactName, key)) : [locate(folder, name as ArtefactName)],
  );
  await owned.claim(targets);
  for (const [name, value] of Object.entries(result.outputs)) await writeArtefact(folder, name as ArtefactName, value);
  for (const warning of result.warnings) options.log(`${stage.name}: warning: ${formatIssue(warning)}`);
  for (const line of result.summary) options.log(line);
  if (result.issues.length > 0) throw new StopRun(result.issues);
  if (stage === report) {
    await owned.claim([join(loaded.outDir, artefactPath("manifest")), join(loaded.outDir, artefactPath("manifestSignature"))]);
    const outputs = await writeManifest(loaded, context.run.inputs, { ...context.seeds }, context.run.versions, context.run.plan, (path) => owned.owns(path));
    options.log(`seal: ${shown(join(loaded.outDir, artefactPath("manifest")))} over ${context.run.inputs.length} inputs and ${outputs} outputs`);
  }
}

/** The artefacts a stage reads: required ones must exist (else: which stage to run first), optional ones are null when absent. */
async function readArtefacts(folder: RunFolder, required: readonly ArtefactName[], optional: readonly ArtefactName[]): Promise<Partial<Record<ArtefactName, unknown>>> {
  const found: Partial<Record<ArtefactName, unknown>> = {};
  for (const name of required) found[name] = await readArtefact(folder, name, writerOf(name));
  for (const name of optional) found[name] = (await exists(locate(folder, name))) ? await readArtefact(folder, name, writerOf(name)) : null;
  return found;
}

function writerOf(name: ArtefactName): string {
  return STAGES.find((s) => s.writes.includes(name))?.name ?? "run";
}

async function contextFor(stage: StageDefinition, loaded: LoadedSpec, options: RunOptions): Promise<StageContext> {
  const sealing = stage === report;
  let previous = null;
  if (sealing && options.compare) {
    const { dir, asOf, manifestSha256 } = await previousRunOf(options.compare, loaded);
    const other: RunFolder = { outDir: dir, specDir: dir, spec: null };
    previous = { asOf, manifestSha256, artefacts: await readArtefacts(other, report.reads, report.readsOptional) };
  }
  return {
    spec: loaded.spec,
    asOf: loaded.asOf,
    seeds: seedsOf(loaded.spec),
    shownPath: (name, key) => shown(locate({ outDir: loaded.outDir, specDir: loaded.specDir, spec: loaded.spec }, name, key)),
    runPath: (name, key) => artefactPath(name, key),
    log: options.log,
    run: {
      inputs: sealing ? await inputHashes(loaded, STAGES) : [],
      versions: sealing ? await toolVersions() : {},
      lang: options.lang ?? loaded.spec.report?.lang ?? "da",
      previous,
      plan: sealing ? await planStatus(loaded) : NOT_LOCKED,
    },
  };
}
