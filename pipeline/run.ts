/**
 * The pipeline, start to end. Read this file first: every stage is one line below,
 * with the folder that holds it and the artefacts it reads and writes.
 *
 *   spec.json ──► 1 ingest    src/ingest/    extracts            → ingest.json, work/persons.csv, work/outcomes.csv,
 *                                                                  work/quarantine/<extract>.csv
 *             ──► 2 assign    src/assign/    ingest.json, work/persons.csv,  → assignment.json, work/allocation-log.csv,
 *                                            work/outcome-status.csv          work/assignments.csv, work/roster.csv
 *             ──► 3 estimate  src/estimate/  (not built yet: issue #4)
 *             ──► 4 project   src/project/   (not built yet: issue #5)
 *             ──► 5 repay     src/repay/     (not built yet: issue #6)
 *             ──► 6 report    src/report/    (not built yet: issue #7)
 *
 * Only this file and the CLI touch files, the clock and the environment; the stages
 * are functions of their typed input and the spec.
 */
import { access, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import * as ingest from "../src/ingest/index.ts";
import * as assign from "../src/assign/index.ts";
import { ingestExtract } from "../src/ingest/ingestExtract.ts";
import { IngestArtefact } from "../src/ingest/schema.ts";
import { PersonRow } from "../src/assign/schema.ts";
import { parse as parseCsv } from "csv-parse/sync";
import type { z } from "zod";
import { parseBenefitCodes } from "../src/ingest/parseBenefitCodes.ts";
import { parseDate } from "../src/ingest/parseValue.ts";
import { QuarantineEntry } from "../src/ingest/schema.ts";
import { messages } from "../src/messages.ts";
import { toCsv } from "../src/shared/csv.ts";
import { StopRun, stopRun } from "../src/shared/issues.ts";
import { parseSpec } from "../src/spec/parseSpec.ts";
import type { EvaluationSpec } from "../src/spec/schema.ts";
import { detectDialect, readCsvRows } from "./io/readCsv.ts";
import { formatJson, writeFileAtomic } from "./io/files.ts";

export interface RunOptions {
  readonly specPath: string;
  /** Overrides the spec's asOf (yyyy-mm-dd). */
  readonly asOf?: string;
  /** Output folder; default output/<spec name>. */
  readonly outDir?: string;
  /** Progress lines (stderr in the CLI). */
  readonly log: (line: string) => void;
}

export interface LoadedSpec {
  readonly spec: EvaluationSpec;
  readonly specDir: string;
  readonly asOf: number;
  readonly outDir: string;
}

export const STAGES = {
  ingest: runIngest,
  assign: runAssign,
} as const satisfies Record<string, (loaded: LoadedSpec, options: RunOptions) => Promise<void>>;
export type StageName = keyof typeof STAGES;

/** Runs every stage built so far, in order. */
export async function runPipeline(options: RunOptions): Promise<LoadedSpec> {
  const loaded = await loadSpec(options);
  for (const [name, stage] of Object.entries(STAGES)) {
    options.log(`${name}: start`);
    await stage(loaded, options);
  }
  return loaded;
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
    stopRun("spec_not_found", options.specPath, messages.specNotFound(options.specPath));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    stopRun("spec_not_json", options.specPath, messages.specNotJson(options.specPath, (error as Error).message));
  }
  const parsed = parseSpec(json);
  if ("issues" in parsed) {
    throw new StopRun([
      { code: "spec_invalid", path: options.specPath, message: messages.specInvalid(options.specPath) },
      ...parsed.issues.map((issue) => ({ ...issue, message: messages.specIssue(issue.path, issue.message) })),
    ]);
  }
  const asOfText = options.asOf ?? parsed.spec.asOf;
  const asOf = parseDate(asOfText, "iso");
  if (asOf === null) stopRun("as_of_invalid", "--as-of", messages.asOfInvalid(asOfText));
  return {
    spec: parsed.spec,
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
      if (extract.required) stopRun("extract_missing", shown(path), messages.extractMissing(name, shown(path)));
      sources[name] = null;
      continue;
    }
    const dialect = await detectDialect(path, extract.dialect);
    const detected = dialect.detected.length > 0 ? ` (detected: ${dialect.detected.join(", ")})` : "";
    options.log(`ingest: ${name} ← ${shown(path)} [delimiter ${JSON.stringify(dialect.delimiter)}, ${dialect.encoding}, decimal ${JSON.stringify(dialect.decimal)}${detected}]`);
    sources[name] = { file: shown(path), dialect, rows: readCsvRows(path, shown(path), dialect) };
  }

  let benefitCodes = null;
  if (spec.benefitCodes) {
    const path = resolve(specDir, spec.benefitCodes.file);
    if (!(await exists(path))) stopRun("benefit_codes_missing", shown(path), messages.extractMissing("benefitCodes", shown(path)));
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
  if (!design) stopRun("no_assignment", "$.assignment", "the spec has no `assignment`: say how groups are randomised (mode randomise) or where an allocation is (mode existing)");
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
    if (!(await exists(path))) stopRun("allocation_missing", shown(path), messages.extractMissing("allocation", shown(path)));
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
  } else if (design.log) {
    logPath = resolve(specDir, design.log);
    if (await exists(logPath)) existingLog = await readFile(logPath, "utf8");
  }

  const logLabel = design.mode === "randomise" && design.log ? design.log : assign.LOG_FILE;
  const output = assign.run({ spec, asOf: loaded.asOf, ingest: ingestArtefact, persons, primaryStatus, existingAllocation, existingLog, logLabel });
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
      blocking.map((c) => ({ code: `check_${c.id}`, path: shown(join(outDir, "assignment.json")), message: messages.assignmentCheckFailed(c.id, c.count, c.detail, shown(join(outDir, assign.ISSUES_FILE))) })),
    );
  }
  const counts = output.artefact.consort.arms.map((a) => `${a.arm} ${a.randomised}`).join(", ");
  options.log(`assign: ${output.artefact.persons.assigned} assigned (${counts}) → ${shown(join(outDir, "assignment.json"))}`);
}

/** Reads an earlier stage's JSON artefact, validated; a missing one says which stage to run first. */
async function readArtefact<T>(path: string, schema: z.ZodType<T>, stage: string): Promise<T> {
  if (!(await exists(path))) stopRun("artefact_missing", path, `${path} not found: run 'effekt ${stage}' (or 'effekt run') first`);
  const parsed = schema.safeParse(JSON.parse(await readFile(path, "utf8")));
  if (!parsed.success) stopRun("artefact_invalid", path, `${path} is not a valid ${stage} artefact (written by another version?): run 'effekt ${stage}' again`);
  return parsed.data;
}

/** Reads a CSV table the pipeline wrote (small, person-level), optionally validating every row. */
async function readTable<T = Record<string, string>>(path: string, schema: z.ZodType<T> | null): Promise<T[]> {
  if (!(await exists(path))) stopRun("artefact_missing", path, `${path} not found: run 'effekt ingest' (or 'effekt run') first`);
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
