/**
 * The pipeline, start to end. Read this file first: every stage is one line below,
 * with the folder that holds it and the artefacts it reads and writes.
 *
 *   spec.json ──► 1 ingest    src/ingest/    extracts            → ingest.json, work/persons.csv, work/outcomes.csv,
 *                                                                  work/quarantine/<extract>.csv
 *             ──► 2 assign    src/assign/    ingest.json, work/persons.csv,  → assignment.json, work/allocation-log.csv,
 *                                            work/outcome-status.csv          work/assignments.csv, work/roster.csv
 *             ──► 3 estimate  src/estimate/  ingest.json, assignment.json,   → effects.json
 *                                            work/{persons,outcomes,assignments}.csv
 *             ──► 4 project   src/project/   spec.assumptions, effects.json  → projection.json
 *             ──► 5 repay     src/repay/     spec.contract, effects.json,    → repayment.json, ledger.csv
 *                                            contract outcome tables, spec.portfolio
 *             ──► 6 report    src/report/    every artefact above (and a     → report/report.html, report/status.html,
 *                                            previous run, with --compare)     report/*.csv, manifest.json
 *
 * Only this file and the CLI touch files, the clock and the environment; the stages
 * are functions of their typed input and the spec.
 */
import { access, readFile, rm } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import * as ingest from "../src/ingest/index.ts";
import * as assign from "../src/assign/index.ts";
import * as estimate from "../src/estimate/index.ts";
import * as project from "../src/project/index.ts";
import * as repay from "../src/repay/index.ts";
import { buildReport, type RunArtefacts } from "../src/report/buildReport.ts";
import { compareHashes, Manifest, type FileHash } from "../src/report/manifest.ts";
import { ProjectionArtefact } from "../src/project/schema.ts";
import { isoDate } from "../src/shared/dates.ts";
import { listFiles, sha256File } from "./io/hash.ts";
import { Contract } from "../src/repay/schema.ts";
import { Portfolio } from "../src/repay/portfolio.ts";
import { ContractDataError } from "../src/repay/ruleAmounts.ts";
import type { OutcomeRow } from "../src/repay/outcomeTable.ts";
import { estimateEffects } from "../src/estimate/estimateEffects.ts";
import { EffectsArtefact } from "../src/estimate/schema.ts";
import { tableFromRows } from "../src/estimate/tableFromRows.ts";
import { ingestExtract } from "../src/ingest/ingestExtract.ts";
import { IngestArtefact } from "../src/ingest/schema.ts";
import { AssignmentArtefact, PersonRow } from "../src/assign/schema.ts";
import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { parseBenefitCodes } from "../src/ingest/parseBenefitCodes.ts";
import { parseDate } from "../src/ingest/parseValue.ts";
import { QuarantineEntry } from "../src/ingest/schema.ts";
import { messages } from "../src/messages.ts";
import { toCsv } from "../src/shared/csv.ts";
import { issue, issuesFromZod, StopRun, stopRun } from "../src/shared/issues.ts";
import { parseSpec } from "../src/spec/parseSpec.ts";
import type { EvaluationSpec } from "../src/spec/schema.ts";
import { detectDialect, readCsvRows } from "./io/readCsv.ts";
import { rowsOfExtract } from "./io/scanCsv.ts";
import { formatJson, writeFileAtomic } from "./io/files.ts";

export interface RunOptions {
  readonly specPath: string;
  /** Overrides the spec's asOf (yyyy-mm-dd). */
  readonly asOf?: string;
  /** Output folder; default output/<spec name>. */
  readonly outDir?: string;
  /** Progress lines (stderr in the CLI). */
  readonly log: (line: string) => void;
  /** Report language; default the spec's report.lang, else Danish. */
  readonly lang?: "da" | "en";
  /** A previous run's output folder, for the report's changes section. */
  readonly compare?: string;
}

export interface LoadedSpec {
  readonly spec: EvaluationSpec;
  readonly specPath: string;
  readonly specDir: string;
  readonly asOf: number;
  readonly outDir: string;
}

export const STAGES = {
  ingest: runIngest,
  assign: runAssign,
  estimate: runEstimate,
  project: runProject,
  repay: runRepay,
  report: runReport,
} as const satisfies Record<string, (loaded: LoadedSpec, options: RunOptions) => Promise<void>>;
export type StageName = keyof typeof STAGES;

/** What a run writes in its output folder: cleared before a full run, so a failed run leaves nothing stale that looks complete. */
const RUN_OUTPUTS = ["ingest.json", "assignment.json", "effects.json", "projection.json", "repayment.json", "ledger.csv", "manifest.json", "work", "report"];

/** Runs every stage, in order. */
export async function runPipeline(options: RunOptions): Promise<LoadedSpec> {
  const loaded = await loadSpec(options);
  for (const name of RUN_OUTPUTS) await rm(join(loaded.outDir, name), { recursive: true, force: true });
  for (const [name, stage] of Object.entries(STAGES)) {
    const skip = skipReason(name as StageName, loaded.spec);
    if (skip) {
      options.log(`${name}: skipped — ${skip}`);
      continue;
    }
    options.log(`${name}: start`);
    await stage(loaded, options);
  }
  return loaded;
}

/** In a full run, a stage the spec gives nothing to do is skipped (and said so); run alone, it explains what is missing. */
function skipReason(stage: StageName, spec: EvaluationSpec): string | null {
  if ((stage === "assign" || stage === "estimate") && !spec.assignment) return "the spec has no assignment";
  if (stage === "project" && spec.assumptions === undefined) return "the spec names no assumption files";
  if (stage === "repay" && spec.contract === undefined) return "the spec names no contract";
  return null;
}

/** Runs one stage, reading what earlier stages left in the output folder. */
export async function runStage(stage: StageName, options: RunOptions): Promise<LoadedSpec> {
  const loaded = await loadSpec(options);
  await STAGES[stage](loaded, options);
  return loaded;
}

export async function loadSpec(options: RunOptions): Promise<LoadedSpec> {
  const specPath = resolve(options.specPath);
  let text: string;
  try {
    text = await readFile(specPath, "utf8");
  } catch {
    stopRun(issue("spec_not_found", messages.specNotFound(options.specPath), { file: options.specPath, path: [] }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    stopRun(issue("spec_not_json", messages.specNotJson(options.specPath, (error as Error).message), { file: options.specPath, path: [] }));
  }
  const parsed = parseSpec(json);
  if ("issues" in parsed) {
    throw new StopRun([issue("spec_invalid", messages.specInvalid(options.specPath)), ...parsed.issues.map((i) => ({ ...i, file: options.specPath }))]);
  }
  const asOfText = options.asOf ?? parsed.spec.asOf;
  const asOf = parseDate(asOfText, "iso");
  if (asOf === null) stopRun(issue("as_of_invalid", messages.asOfInvalid(asOfText), { path: [] }));
  return {
    spec: parsed.spec,
    specPath,
    specDir: dirname(specPath),
    asOf,
    outDir: resolve(options.outDir ?? join("output", parsed.spec.name)),
  };
}

/** Stage 1: opens every extract as a row stream, runs the ingest stage, writes its artefacts. */
async function runIngest(loaded: LoadedSpec, options: RunOptions): Promise<void> {
  const { spec, specDir, outDir } = loaded;
  const shown = (path: string) => relative(process.cwd(), path) || path;

  const sources: Record<string, ingest.ExtractSource | null> = {};
  for (const [name, extract] of Object.entries(spec.extracts)) {
    const path = resolve(specDir, extract.file);
    if (!(await exists(path))) {
      if (extract.required) stopRun(issue("extract_missing", messages.extractMissing(name, shown(path)), { file: shown(path), path: [] }));
      sources[name] = null;
      continue;
    }
    const dialect = await detectDialect(path, extract.dialect);
    const detected = dialect.detected.length > 0 ? ` (detected: ${dialect.detected.join(", ")})` : "";
    const { rows, fast } = await rowsOfExtract(path, shown(path), dialect);
    options.log(`ingest: ${name} ← ${shown(path)} [delimiter ${JSON.stringify(dialect.delimiter)}, ${dialect.encoding}, decimal ${JSON.stringify(dialect.decimal)}${detected}; ${fast ? "fast reader" : "csv-parse"}]`);
    sources[name] = { file: shown(path), dialect, rows };
  }

  let benefitCodes = null;
  if (spec.benefitCodes) {
    const path = resolve(specDir, spec.benefitCodes.file);
    if (!(await exists(path))) stopRun(issue("benefit_codes_missing", messages.extractMissing("benefitCodes", shown(path)), { file: shown(path), path: [] }));
    const dialect = await detectDialect(path, {});
    benefitCodes = await parseBenefitCodes(readCsvRows(path, shown(path), dialect), shown(path), spec.benefitCodes.absentGroup);
  }

  const output = await ingest.run({
    spec,
    asOf: loaded.asOf,
    sources,
    benefitCodes,
    outputLabel: shown(outDir),
    onProgress: (name, rows) => options.log(`ingest: ${name} … ${rows.toLocaleString("en")} rows`),
    onExtractDone: (name, r) =>
      options.log(`ingest: ${name}: ${r.rowsRead} rows read = ${r.rowsAccepted} accepted + ${r.rowsQuarantined} quarantined`),
  });

  for (const [name, entries] of Object.entries(output.quarantine)) {
    const rows = entries.map((e) => QuarantineEntry.parse(e)).map((e) => [e.file, e.line, e.column, e.value, e.rule, e.message]);
    await writeFileAtomic(join(outDir, ingest.quarantineFile(name)), toCsv(["file", "line", "column", "value", "rule", "message"], rows));
  }
  if (output.blocking.length > 0) throw new StopRun(output.blocking);

  await writeFileAtomic(join(outDir, ingest.PERSONS_FILE), output.personsCsv);
  await writeFileAtomic(join(outDir, ingest.OUTCOMES_FILE), output.outcomesCsv);
  await writeFileAtomic(join(outDir, ingest.OUTCOME_STATUS_FILE), output.outcomeStatusCsv);
  await writeFileAtomic(join(outDir, "ingest.json"), formatJson(output.artefact));
  for (const warning of output.artefact.warnings) options.log(`ingest: warning: ${warning.message}`);
  options.log(`ingest: ${output.artefact.persons} persons, ${output.artefact.outcomes.length} outcomes → ${shown(join(outDir, "ingest.json"))}`);
}

/** Stage 2: reads ingest's artefacts (and an allocation file or an existing log), runs the assign stage, writes its artefacts. */
async function runAssign(loaded: LoadedSpec, options: RunOptions): Promise<void> {
  const { spec, specDir, outDir } = loaded;
  const design = spec.assignment;
  if (!design) stopRun(issue("no_assignment", "the spec has no `assignment`: say how groups are randomised (mode randomise) or where an allocation is (mode existing)", { path: ["assignment"] }));
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const ingestArtefact = await readArtefact(join(outDir, "ingest.json"), IngestArtefact, "ingest");
  const persons = await readTable(join(outDir, ingest.PERSONS_FILE), PersonRow);
  const statusRows = await readTable(join(outDir, ingest.OUTCOME_STATUS_FILE), null);
  const primary = spec.primaryOutcome ?? spec.outcomes[0]!.id;
  const primaryStatus = new Map(statusRows.map((row) => [row.personId!, row[primary] ?? ""]));

  let existingAllocation = null;
  let existingLog: string | null = null;
  let logPath = join(outDir, assign.LOG_FILE);
  if (design.mode === "existing") {
    const path = resolve(specDir, design.file);
    if (!(await exists(path))) stopRun(issue("allocation_missing", messages.extractMissing("allocation", shown(path)), { file: shown(path), path: [] }));
    const dialect = await detectDialect(path, design.dialect);
    existingAllocation = await ingestExtract("allocation", readCsvRows(path, shown(path), dialect), {
      name: "allocation",
      file: shown(path),
      spec: { kind: "allocation", file: design.file, required: true, dialect: design.dialect, dateFormat: design.dateFormat, monthFormat: "yyyy-mm", weekFormat: "iso", weekColumnPattern: "", columns: design.columns },
      decimal: dialect.decimal,
      delimiter: dialect.delimiter,
      enrolment: { from: parseDate(spec.enrolment.from, "iso")!, to: parseDate(spec.enrolment.to, "iso")! },
      benefitCodes: null,
      population: new Set(persons.map((p) => p.personId)),
    });
    const rows = existingAllocation.quarantine.map((e) => [e.file, e.line, e.column, e.value, e.rule, e.message]);
    await writeFileAtomic(join(outDir, ingest.quarantineFile("allocation")), toCsv(["file", "line", "column", "value", "rule", "message"], rows));
    options.log(`assign: allocation ← ${shown(path)}: ${existingAllocation.rowsRead} rows read = ${existingAllocation.rowsAccepted} accepted + ${existingAllocation.rowsQuarantined} quarantined`);
  } else if (design.mode === "randomise" && design.log) {
    logPath = resolve(specDir, design.log);
    if (await exists(logPath)) existingLog = await readFile(logPath, "utf8");
  }

  const logLabel = design.mode === "randomise" && design.log ? design.log : assign.LOG_FILE;
  const outcomeStatus = new Map(statusRows.map((row) => [row.personId!, row as Record<string, string>]));
  const output = assign.run({ spec, asOf: loaded.asOf, ingest: ingestArtefact, persons, primaryStatus, outcomeStatus, existingAllocation, existingLog, logLabel });
  if (output.logText !== null) await writeFileAtomic(logPath, output.logText);
  await writeFileAtomic(join(outDir, assign.ASSIGNMENTS_FILE), output.assignmentsCsv);
  await writeFileAtomic(join(outDir, assign.ROSTER_FILE), output.rosterCsv);
  await writeFileAtomic(join(outDir, assign.ISSUES_FILE), output.issuesCsv);
  await writeFileAtomic(join(outDir, "assignment.json"), formatJson(output.artefact));
  const failed = output.artefact.checks.filter((c) => c.passed === false);
  for (const c of failed) options.log(`assign: check failed: ${c.id} (${c.count}): ${c.detail}`);
  for (const flag of output.artefact.balance.flagged) options.log(`assign: balance flag |SMD| > ${output.artefact.balance.threshold}: ${flag}`);
  const blocking = failed.filter((c) => assign.INTEGRITY_CHECKS.includes(c.id));
  if (blocking.length > 0) {
    throw new StopRun(
      blocking.map((c) => issue(`check_${c.id}`, messages.assignmentCheckFailed(c.id, c.count, c.detail, shown(join(outDir, assign.ISSUES_FILE))), { file: shown(join(outDir, "assignment.json")), path: [] })),
    );
  }
  const counts = output.artefact.consort.arms.map((a) => `${a.arm} ${a.randomised}`).join(", ");
  options.log(`assign: ${output.artefact.persons.assigned} assigned (${counts}) → ${shown(join(outDir, "assignment.json"))}`);
}

/** Stage 3: reads the ingest and assign artefacts, estimates every effect, writes effects.json. */
const AssignmentRow = z.object({ personId: z.string(), arm: z.string(), batch: z.string(), block: z.string() });

async function runEstimate(loaded: LoadedSpec, options: RunOptions): Promise<void> {
  const { spec, outDir } = loaded;
  if (!spec.assignment) stopRun(issue("no_assignment", "the spec has no `assignment`, so there are no groups to compare", { path: ["assignment"] }));
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const ingestArtefact = await readArtefact(join(outDir, "ingest.json"), IngestArtefact, "ingest");
  const assignment = await readArtefact(join(outDir, "assignment.json"), AssignmentArtefact, "assign");
  const failed = assignment.checks.filter((c) => c.passed === false && assign.INTEGRITY_CHECKS.includes(c.id)).map((c) => c.id);
  if (failed.length > 0) stopRun(issue("assignment_failed", `assignment.json records failed checks (${failed.join(", ")}): effects are not estimated from this allocation`, { file: join(outDir, "assignment.json"), path: [] }));
  const persons = await readTable(join(outDir, ingest.PERSONS_FILE), PersonRow);
  const outcomes = await readTable(join(outDir, ingest.OUTCOMES_FILE), null);
  const assignments = await readTable(join(outDir, assign.ASSIGNMENTS_FILE), AssignmentRow);
  const started = Date.now();
  const artefact = estimate.run({ spec, ingest: ingestArtefact, persons, outcomes, assignments });
  await writeFileAtomic(join(outDir, "effects.json"), formatJson(artefact));
  const notEstimable = artefact.estimates.filter((e) => e.estimate === null).length;
  options.log(`estimate: ${artefact.estimates.length} estimates (${notEstimable} not estimable) in ${Date.now() - started} ms → ${shown(join(outDir, "effects.json"))}`);
}

export interface TableRunOptions {
  readonly file: string;
  readonly treatment: string;
  readonly control: string;
  readonly outcomes: readonly string[];
  readonly binary: readonly string[];
  readonly counts: readonly string[];
  readonly exposure: string | null;
  readonly covariates: readonly string[];
  readonly blocks: string | null;
  readonly subgroups: readonly string[];
  readonly permutations: number;
  readonly seed: number;
  readonly confidence: number;
  readonly outDir: string;
  readonly log: (line: string) => void;
}

/** `effekt estimate --table`: the estimators on a researcher's own person-level CSV. Returns the effects.json path. */
export async function estimateFromTable(options: TableRunOptions): Promise<string> {
  const path = resolve(options.file);
  const shown = relative(process.cwd(), path) || path;
  if (!(await exists(path))) stopRun(issue("table_missing", `table not found: ${shown}`, { file: shown, path: [] }));
  const dialect = await detectDialect(path, {});
  let header: string[] | null = null;
  const rows: { line: number; fields: string[] }[] = [];
  const malformed: string[] = [];
  for await (const row of readCsvRows(path, shown, dialect)) {
    if ("malformed" in row) malformed.push(`${shown} line ${row.line}: ${row.malformed}`);
    else if (header === null) header = row.fields.map((f) => f.trim());
    else rows.push({ line: row.line, fields: [...row.fields] });
  }
  if (header === null) stopRun(issue("table_empty", messages.extractEmpty(), { file: shown, path: [] }));
  if (malformed.length > 0) throw new StopRun(malformed.map((message) => issue("malformed_csv", message)));
  const numeric = [...new Set([...options.outcomes, ...(options.exposure ? [options.exposure] : []), ...options.covariates])];
  const { table, issues } = tableFromRows(header, rows, {
    file: shown,
    decimal: dialect.decimal,
    treatment: options.treatment,
    blocks: options.blocks,
    numeric,
    binary: options.binary,
    counts: options.counts,
    subgroups: options.subgroups,
  });
  if (issues.length > 0) throw new StopRun(issues);
  const arms = [...new Set(table.arm)].sort();
  if (!arms.includes(options.control)) stopRun(issue("control_missing", `${shown}: the control arm '${options.control}' is not among the arms in column '${options.treatment}' (${arms.join(", ")}); name it with --control`, { file: shown, path: [] }));
  if (arms.length < 2) stopRun(issue("one_arm", `${shown}: column '${options.treatment}' holds only one arm (${arms.join(", ")})`, { file: shown, path: [] }));
  options.log(`estimate: ${shown}: ${rows.length} persons, arms ${arms.join(", ")} [delimiter ${JSON.stringify(dialect.delimiter)}, ${dialect.encoding}, decimal ${JSON.stringify(dialect.decimal)}]`);
  const result = estimateEffects(table, {
    control: options.control,
    arms: arms.filter((a) => a !== options.control),
    outcomes: options.outcomes.map((id) =>
      options.binary.includes(id)
        ? { id, kind: "binary" as const }
        : options.counts.includes(id)
          ? { id, kind: "count" as const, ...(options.exposure ? { exposure: options.exposure } : {}) }
          : { id, kind: "continuous" as const },
    ),
    covariates: options.covariates,
    subgroups: options.subgroups,
    permutations: options.permutations,
    seed: options.seed,
    confidence: options.confidence,
  });
  const artefact = EffectsArtefact.parse({
    artefact: "effects",
    schema_version: 1,
    evaluation: basename(path),
    source: `table: ${basename(path)}`,
    confidence: options.confidence,
    control: options.control,
    adjustment: estimate.ADJUSTMENT,
    ...result,
  });
  const out = join(resolve(options.outDir), "effects.json");
  await writeFileAtomic(out, formatJson(artefact));
  return relative(process.cwd(), out) || out;
}

/** Stage 4: reads the assumption files (and effects.json when present), projects every case, writes projection.json. */
async function runProject(loaded: LoadedSpec, options: RunOptions): Promise<void> {
  const { spec, specDir, outDir } = loaded;
  const files = spec.assumptions === undefined ? [] : Array.isArray(spec.assumptions) ? spec.assumptions : [spec.assumptions];
  if (files.length === 0) stopRun(issue("no_assumptions", "the spec names no assumption files (`assumptions`), so there is nothing to project", { path: ["assumptions"] }));
  const effectsPath = join(outDir, "effects.json");
  const effects = (await exists(effectsPath)) ? await readArtefact(effectsPath, EffectsArtefact, "estimate") : null;
  const artefact = await projectFiles(spec.name, files.map((f) => resolve(specDir, f)), effects);
  await writeFileAtomic(join(outDir, "projection.json"), formatJson(artefact));
  for (const c of artefact.cases) {
    if (c.notProjected !== null) {
      options.log(`project: ${c.name}: not projected: ${c.notProjected}`);
      continue;
    }
    const reproduced = c.published.filter((p) => p.verdict === "reproduced").length;
    const figures = c.published.length > 0 ? `; published figures: ${reproduced} of ${c.published.length} reproduced` : "";
    options.log(`project: ${c.name}: society ${Math.round(c.scenarios[0]!.totals.society).toLocaleString("en")} kr over the horizon${figures}`);
  }
  options.log(`project: ${artefact.cases.length} case(s) → ${relative(process.cwd(), join(outDir, "projection.json"))}`);
}

/** Stage 6: reads every artefact there is, writes the report (HTML, status page, CSVs), then the manifest over it all. */
async function runReport(loaded: LoadedSpec, options: RunOptions): Promise<void> {
  const { spec, outDir } = loaded;
  const artefacts = await readRunArtefacts(outDir);
  let previous = null;
  if (options.compare) {
    const dir = resolve(options.compare);
    previous = { label: relative(process.cwd(), dir) || dir, run: await readRunArtefacts(dir) };
  }
  const inputs = await inputHashes(loaded);
  const versions = { effekt: await toolVersion(), node: process.version };
  const seeds: Record<string, number> = { estimation: spec.estimation.seed, repaymentRisk: 1 };
  if (spec.assignment?.mode === "randomise") seeds.assignment = spec.assignment.seed;
  const lang = options.lang ?? spec.report?.lang ?? "da";
  const report = await buildReport({
    lang,
    minCell: spec.report?.minCell ?? 5,
    spec,
    run: artefacts,
    previous,
    manifest: { inputs: inputs.map((i) => ({ file: i.path, sha256: i.sha256 })), seeds, versions },
  });
  const reportDir = join(outDir, "report");
  await writeFileAtomic(join(reportDir, "report.html"), report.html);
  await writeFileAtomic(join(reportDir, "status.html"), report.statusHtml);
  for (const [name, csv] of report.tables) await writeFileAtomic(join(reportDir, name), csv);
  const outputs: FileHash[] = [];
  for (const path of await listFiles(outDir, (rel) => rel === "manifest.json" || rel.endsWith(".tmp"))) {
    outputs.push({ role: "output", path, sha256: (await sha256File(join(outDir, path)))! });
  }
  const manifest = Manifest.parse({
    artefact: "manifest",
    schema_version: 1,
    createdAt: new Date().toISOString(),
    evaluation: spec.name,
    asOf: isoDate(loaded.asOf),
    versions,
    seeds,
    inputs,
    outputs,
  });
  await writeFileAtomic(join(outDir, "manifest.json"), formatJson(manifest));
  options.log(`report: ${relative(process.cwd(), join(reportDir, "report.html"))} (${lang}), ${report.tables.size} tables; manifest.json over ${inputs.length} inputs and ${outputs.length} outputs`);
}

async function readRunArtefacts(dir: string): Promise<RunArtefacts> {
  const optional = async <T>(file: string, schema: z.ZodType<T>, stage: string) => ((await exists(join(dir, file))) ? await readArtefact(join(dir, file), schema, stage) : null);
  return {
    ingest: await readArtefact(join(dir, "ingest.json"), IngestArtefact, "ingest"),
    assignment: await optional("assignment.json", AssignmentArtefact, "assign"),
    effects: await optional("effects.json", EffectsArtefact, "estimate"),
    projection: await optional("projection.json", ProjectionArtefact, "project"),
    repayment: await optional("repayment.json", repay.RepaymentArtefact, "repay"),
  };
}

/** Every input file of the run with its SHA-256, paths relative to the output folder. */
async function inputHashes(loaded: LoadedSpec): Promise<FileHash[]> {
  const { spec, specDir, outDir } = loaded;
  const files: { role: string; path: string }[] = [{ role: "spec", path: loaded.specPath }];
  for (const [name, extract] of Object.entries(spec.extracts)) files.push({ role: `extract:${name}`, path: resolve(specDir, extract.file) });
  if (spec.benefitCodes) files.push({ role: "benefitCodes", path: resolve(specDir, spec.benefitCodes.file) });
  if (spec.assignment?.mode === "existing") files.push({ role: "allocation", path: resolve(specDir, spec.assignment.file) });
  if (spec.assignment?.mode === "randomise" && spec.assignment.log) files.push({ role: "allocationLog", path: resolve(specDir, spec.assignment.log) });
  for (const f of [spec.assumptions ?? []].flat()) files.push({ role: "assumptions", path: resolve(specDir, f) });
  for (const f of [spec.contract ?? []].flat()) {
    const path = resolve(specDir, f);
    files.push({ role: "contract", path });
    try {
      const table = (JSON.parse(await readFile(path, "utf8")) as { outcomeTable?: string }).outcomeTable;
      if (table) files.push({ role: "outcomeTable", path: resolve(dirname(path), table) });
    } catch {
      // An unreadable contract was already reported by the repay stage.
    }
  }
  if (spec.portfolio) files.push({ role: "portfolio", path: resolve(specDir, spec.portfolio) });
  const hashes: FileHash[] = [];
  for (const file of files) {
    const sha = await sha256File(file.path);
    if (sha !== null) hashes.push({ role: file.role, path: relative(outDir, file.path), sha256: sha });
  }
  return hashes;
}

async function toolVersion(): Promise<string> {
  const packagePath = new URL("../package.json", import.meta.url);
  return (JSON.parse(await readFile(packagePath, "utf8")) as { version: string }).version;
}

/** `effekt verify-run`: recomputes every hash in a run's manifest. */
export async function verifyRun(dir: string) {
  const path = join(resolve(dir), "manifest.json");
  const manifest = await readArtefact(path, Manifest, "run");
  const actual = new Map<string, string | null>();
  for (const file of [...manifest.inputs, ...manifest.outputs]) actual.set(file.path, await sha256File(join(resolve(dir), file.path)));
  const current = new Set(await listFiles(resolve(dir), (rel) => rel === "manifest.json" || rel.endsWith(".tmp")));
  const unrecorded = [...current].filter((p) => !manifest.outputs.some((o) => o.path === p));
  return { ...compareHashes([...manifest.inputs, ...manifest.outputs], actual), unrecorded, manifest };
}

/** Stage 5: reads the contracts, their outcome tables and effects.json, writes repayment.json and ledger.csv. */
async function runRepay(loaded: LoadedSpec, options: RunOptions): Promise<void> {
  const { spec, specDir, outDir } = loaded;
  const files = spec.contract === undefined ? [] : Array.isArray(spec.contract) ? spec.contract : [spec.contract];
  if (files.length === 0) stopRun(issue("no_contract", "the spec names no contract file (`contract`), so there is nothing to repay", { path: ["contract"] }));
  const effectsPath = join(outDir, "effects.json");
  const effects = (await exists(effectsPath)) ? await readArtefact(effectsPath, EffectsArtefact, "estimate") : null;
  const contracts = [];
  for (const file of files) contracts.push(await readContract(resolve(specDir, file)));
  const portfolio = spec.portfolio ? await readJsonFile(resolve(specDir, spec.portfolio), Portfolio, "portfolio file") : null;
  let output;
  try {
    output = repay.run({ evaluation: spec.name, contracts, effects, portfolio });
  } catch (error) {
    if (error instanceof ContractDataError) stopRun(issue("contract_data", error.message, { path: [] }));
    throw error;
  }
  await writeFileAtomic(join(outDir, "repayment.json"), formatJson(output.artefact));
  await writeFileAtomic(join(outDir, "ledger.csv"), output.ledgerCsv);
  for (const c of output.artefact.contracts) {
    options.log(`repay: ${c.name}: ${Math.round(c.totalRepaid).toLocaleString("en")} kr repaid of ${c.capital.toLocaleString("en")} kr capital${c.illustrative.length > 0 ? ` (${c.illustrative.length} illustrative terms)` : ""}`);
  }
  options.log(`repay: → ${relative(process.cwd(), join(outDir, "repayment.json"))}, ledger.csv`);
}

/** A contract file and, for rate cards, its outcome table: every problem named by file and JSON path or line. */
export async function readContract(path: string): Promise<{ contract: Contract; outcomeRows: OutcomeRow[] | null }> {
  const contract = await readJsonFile(path, Contract, "contract");
  if (!contract.outcomeTable) return { contract, outcomeRows: null };
  const tablePath = resolve(dirname(path), contract.outcomeTable);
  const shown = relative(process.cwd(), tablePath) || tablePath;
  if (!(await exists(tablePath))) stopRun(issue("outcome_table_missing", `outcome table not found: ${shown} (named by ${relative(process.cwd(), path)})`, { file: shown, path: [] }));
  const records = parseCsv(await readFile(tablePath, "utf8"), { skip_empty_lines: true }) as string[][];
  const [header, ...rows] = records;
  if (!header || !header.includes("person_id") || !header.includes("period")) stopRun(issue("outcome_table_header", `${shown}: the header needs person_id and period columns`, { file: shown, path: [] }));
  const outcomeColumns = header.filter((c) => c !== "person_id" && c !== "period");
  const needed = contract.rules.flatMap((r) => (r.kind === "rate_card" ? r.prices.map((p) => p.outcome) : r.kind === "capped_unit_price" ? [r.outcome] : []));
  const unknown = needed.filter((o) => !outcomeColumns.includes(o));
  if (unknown.length > 0) stopRun(issue("unknown_outcome", `${relative(process.cwd(), path)}: outcome(s) ${unknown.join(", ")} are not columns of ${shown} (it has ${outcomeColumns.join(", ")})`, { file: shown, path: [] }));
  const problems: string[] = [];
  const outcomeRows = rows.map((fields, i) => {
    const outcomes: Record<string, number | null> = {};
    outcomeColumns.forEach((column) => {
      const text = (fields[header.indexOf(column)] ?? "").trim();
      if (text !== "" && text !== "0" && text !== "1") problems.push(`${shown} line ${i + 2}, column '${column}': '${text}' is not 0, 1 or empty`);
      outcomes[column] = text === "" ? null : Number(text);
    });
    return { personId: fields[header.indexOf("person_id")] ?? "", period: fields[header.indexOf("period")] ?? "", outcomes };
  });
  if (problems.length > 0) throw new StopRun(problems.map((message) => issue("invalid_outcome", message)));
  return { contract, outcomeRows };
}

/** A JSON input file validated by zod; every problem is named by file and JSON path. */
async function readJsonFile<T>(path: string, schema: z.ZodType<T>, what: string): Promise<T> {
  const shown = relative(process.cwd(), path) || path;
  if (!(await exists(path))) stopRun(issue("file_missing", `${what} not found: ${shown}`, { file: shown, path: [] }));
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    stopRun(issue("not_json", `${shown} is not valid JSON: ${(error as Error).message}`, { file: shown, path: [] }));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new StopRun(issuesFromZod(parsed.error, shown));
  }
  return parsed.data;
}

/** Reads and projects assumption files; a problem in one becomes a StopRun naming the file and JSON path. */
export async function projectFiles(evaluation: string, paths: readonly string[], effects: EffectsArtefact | null) {
  const cases = [];
  for (const path of paths) {
    const shown = relative(process.cwd(), path) || path;
    if (!(await exists(path))) stopRun(issue("assumptions_missing", `assumption file not found: ${shown}`, { file: shown, path: [] }));
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, "utf8"));
    } catch (error) {
      stopRun(issue("assumptions_not_json", `${shown} is not valid JSON: ${(error as Error).message}`, { file: shown, path: [] }));
    }
    cases.push({ file: shown, json });
  }
  return project.run({ evaluation, cases, effects });
}

/** Reads an earlier stage's JSON artefact, validated; a missing one says which stage to run first. */
async function readArtefact<T>(path: string, schema: z.ZodType<T>, stage: string): Promise<T> {
  if (!(await exists(path))) stopRun(issue("artefact_missing", `${path} not found: run 'effekt ${stage}' (or 'effekt run') first`, { file: path, path: [] }));
  const parsed = schema.safeParse(JSON.parse(await readFile(path, "utf8")));
  if (!parsed.success) stopRun(issue("artefact_invalid", `${path} is not a valid ${stage} artefact (written by another version?): run 'effekt ${stage}' again`, { file: path, path: [] }));
  return parsed.data;
}

/** Reads a CSV table the pipeline wrote (small, person-level), optionally validating every row. */
async function readTable<T = Record<string, string>>(path: string, schema: z.ZodType<T> | null): Promise<T[]> {
  if (!(await exists(path))) stopRun(issue("artefact_missing", `${path} not found: run 'effekt ingest' (or 'effekt run') first`, { file: path, path: [] }));
  const rows = parseCsv(await readFile(path, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return schema ? rows.map((row) => schema.parse(row)) : (rows as T[]);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
