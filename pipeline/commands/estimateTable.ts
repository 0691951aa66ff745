/** `effekt estimate --table`: the estimators on a researcher's own person-level CSV. */
import { basename, join, resolve } from "node:path";
import { artefactPath } from "../../src/catalogue.ts";
import { ADJUSTMENT } from "../../src/estimate/index.ts";
import { estimateEffects } from "../../src/estimate/estimateEffects.ts";
import { EffectsArtefact } from "../../src/estimate/schema.ts";
import { tableFromRows, type TableOptions } from "../../src/estimate/tableFromRows.ts";
import { tableFromBytes } from "../../src/estimate/bytes/tableFromBytes.ts";
import type { AnalysisTable, EstimationPlan, ExpandedCategorical, OutcomePlan } from "../../src/estimate/analysisTable.ts";
import { chooseControl } from "../../src/estimate/chooseControl.ts";
import { handleMissingCovariates, type MissingCovariates } from "../../src/estimate/missingCovariates.ts";
import { jointTestLines, summaryTable } from "../../src/estimate/summaryTable.ts";
import { tidyEffects } from "../../src/estimate/tidyEffects.ts";
import { valuesToShow } from "../../src/shared/valuesToShow.ts";
import { messages } from "../../src/messages.ts";
import { issue, StopRun, stopRun, type Issue } from "../../src/shared/issues.ts";
import { formatJson, writeFileAtomic } from "../io/files.ts";
import { exists, isDirectory, shown } from "../io/paths.ts";
import { openOwnedFolder, type OwnedFolder } from "../io/ownedFolder.ts";
import { refuseOutHoldingInputs } from "../io/refuseOutHoldingInputs.ts";
import { oneByOne, openExtract } from "../io/openExtract.ts";
import { containsCpr } from "../../src/ingest/containsCpr.ts";
import type { RawRow } from "../../src/ingest/schema.ts";
import { warmStripeThreads } from "../../src/stats/gramThreads.ts";
import { EXIT_OK, guarded, list, tell, text, UsageError, type OptionValues } from "./command.ts";
import { parseLooks, parseSpending } from "./sequentialOptions.ts";
import { sequentialEstimates } from "../../src/monitor/sequentialEstimates.ts";
import { describeSpending, type Spending } from "../../src/stats/sequential/spending/index.ts";

export interface TableRunOptions {
  readonly file: string;
  readonly treatment: string;
  /** null: 0 for a 0/1 column, else an arm named control/kontrol. */
  readonly control: string | null;
  readonly outcomes: readonly string[];
  readonly binary: readonly string[];
  readonly counts: readonly string[];
  readonly exposure: string | null;
  /** A time-to-event outcome: the time column, its event column (1/0), the times to read the curves at, τ, ties. */
  readonly survival: { readonly time: string; readonly event: string; readonly at: readonly number[]; readonly tau: number | null; readonly ties: "efron" | "breslow" } | null;
  readonly covariates: readonly string[];
  /** Categorical covariates (also listed in covariates or not), each with its reference level or null (the first sorted level). */
  readonly categorical: readonly { column: string; reference: string | null }[];
  readonly missingCovariates: MissingCovariates;
  readonly blocks: string | null;
  /** The cluster column of a cluster-randomised table, and the cluster-robust SE type. */
  readonly clusters?: string | null;
  readonly clusterSe?: "CR2" | "CR1" | "CR0";
  /** --cluster-se COL: cluster the standard errors on COL (any level; its clusters may hold both arms). */
  readonly clusterSeColumn?: string | null;
  /** --fixed-effects COL: absorb COL's blocks in the regressions, as estimatr's fixed_effects = ~ COL. */
  readonly fixedEffects?: string | null;
  /** The 0/1 column of who received the programme: the CACE estimators. */
  readonly received?: string | null;
  readonly subgroups: readonly string[];
  readonly permutations: number;
  readonly seed: number;
  readonly confidence: number;
  readonly outDir: string;
  /** Take over a non-empty --out folder effekt did not write (its other files are kept). */
  readonly force?: boolean;
  readonly log: (line: string) => void;
  /** A sequential analysis (--looks): the earlier looks' fractions, this look's (null: persons ÷ maximumInformation), the spending function. */
  readonly sequential?: { readonly earlier: readonly number[]; readonly fraction: number | null; readonly maximumInformation: number | null; readonly spending: Spending } | null;
}

export const TABLE_OPTIONS = {
  table: { type: "string" },
  treatment: { type: "string" },
  control: { type: "string" },
  outcomes: { type: "string" },
  binary: { type: "string" },
  counts: { type: "string" },
  exposure: { type: "string" },
  time: { type: "string" },
  event: { type: "string" },
  at: { type: "string" },
  tau: { type: "string" },
  ties: { type: "string" },
  covariates: { type: "string" },
  categorical: { type: "string" },
  "missing-covariates": { type: "string" },
  blocks: { type: "string" },
  received: { type: "string" },
  clusters: { type: "string" },
  "cluster-se": { type: "string" },
  "se-type": { type: "string" },
  "fixed-effects": { type: "string" },
  subgroups: { type: "string" },
  permutations: { type: "string" },
  seed: { type: "string" },
  confidence: { type: "string" },
  looks: { type: "string" },
  information: { type: "string" },
  spending: { type: "string" },
} as const;

/** The table options, every value checked: a mistyped one is a usage error. */
export function tableOptions(values: OptionValues): TableRunOptions {
  const treatment = text(values, "treatment");
  const outDir = text(values, "out");
  const outcomes = list(values, "outcomes");
  if (!treatment) throw new UsageError("effekt estimate: --treatment is required with --table");
  const survival = survivalOptions(values);
  if (outcomes.length === 0 && !survival) throw new UsageError("effekt estimate: --outcomes (or --time with --event) is required with --table");
  if (!outDir) throw new UsageError("effekt estimate: --out is required with --table");
  const numberOption = (key: string, fallback: number, check: (n: number) => boolean) => {
    const raw = text(values, key);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    return check(n) ? n : NaN;
  };
  const permutations = numberOption("permutations", 10000, (n) => Number.isInteger(n) && n >= 0);
  const seed = numberOption("seed", 1, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32);
  const confidence = numberOption("confidence", 0.95, (n) => n > 0 && n < 1);
  if ([permutations, seed, confidence].some(Number.isNaN)) throw new UsageError("effekt estimate: --permutations and --seed take whole numbers ≥ 0, --confidence a number between 0 and 1");
  const binary = list(values, "binary");
  const counts = list(values, "counts");
  const exposure = text(values, "exposure") ?? null;
  const notOutcomes = [...binary, ...counts].filter((o) => !outcomes.includes(o));
  if (notOutcomes.length > 0) throw new UsageError(`effekt estimate: --binary/--counts name columns that are not in --outcomes: ${notOutcomes.join(", ")}`);
  if (exposure && counts.length === 0) throw new UsageError("effekt estimate: --exposure goes with --counts");
  const missingCovariates = text(values, "missing-covariates") ?? "stop";
  if (missingCovariates !== "stop" && missingCovariates !== "indicator" && missingCovariates !== "drop") throw new UsageError("effekt estimate: --missing-covariates takes stop, indicator or drop");
  // --categorical region=north,sex: each column with its reference level after '=' (default: the first level in sorted order).
  const categorical = list(values, "categorical").map((item) => {
    const at = item.indexOf("=");
    return at < 0 ? { column: item, reference: null } : { column: item.slice(0, at), reference: item.slice(at + 1) };
  });
  return {
    file: text(values, "table")!,
    treatment,
    control: text(values, "control") ?? null,
    outcomes,
    binary,
    counts,
    exposure,
    survival,
    covariates: list(values, "covariates").filter((c) => !categorical.some((k) => k.column === c)),
    categorical,
    missingCovariates,
    blocks: text(values, "blocks") ?? null,
    received: text(values, "received") ?? null,
    clusters: text(values, "clusters") ?? null,
    ...clusterOptionsOf(values),
    subgroups: list(values, "subgroups"),
    permutations,
    seed,
    confidence,
    outDir,
    ...(values.force === true ? { force: true } : {}),
    log: tell,
    sequential: sequentialOptions(values),
  };
}

/**
 * --looks T1,…,Tk [--information N] [--spending obf|pocock|hsd:γ]: the information fractions of the looks so far, this
 * table the last (Tk); with --information (the planned maximum in persons), --looks lists only the earlier looks and
 * this one's fraction is the persons with the outcome ÷ N.
 */
function sequentialOptions(values: OptionValues): TableRunOptions["sequential"] {
  const looks = text(values, "looks");
  const information = text(values, "information");
  if (looks === undefined && information === undefined) {
    if (text(values, "spending") !== undefined) throw new UsageError("effekt estimate: --spending goes with --looks or --information");
    return null;
  }
  const maximumInformation = information === undefined ? null : Number(information);
  if (maximumInformation !== null && !(Number.isInteger(maximumInformation) && maximumInformation > 0)) throw new UsageError("effekt estimate: --information takes the planned maximum number of persons (a whole number > 0)");
  const fractions = looks === undefined || looks === "" ? [] : parseLooks("estimate", looks, false);
  if (maximumInformation === null && fractions.length === 0) throw new UsageError("effekt estimate: --looks lists the information fractions of the looks so far, this table the last");
  return {
    earlier: maximumInformation === null ? fractions.slice(0, -1) : fractions,
    fraction: maximumInformation === null ? fractions.at(-1)! : null,
    maximumInformation,
    spending: parseSpending("estimate", "spending", text(values, "spending") ?? "obf"),
  };
}

/** --time COL --event COL [--at 90,180,365] [--tau N] [--ties efron|breslow]. */
function survivalOptions(values: OptionValues): TableRunOptions["survival"] {
  const time = text(values, "time");
  const event = text(values, "event");
  const extras = ["at", "tau", "ties"].filter((k) => text(values, k) !== undefined);
  if (!time && !event) {
    if (extras.length > 0) throw new UsageError(`effekt estimate: --${extras.join(", --")} go with --time and --event`);
    return null;
  }
  if (!time || !event) throw new UsageError("effekt estimate: --time and --event go together (the time to the event or to censoring, and 1 = event, 0 = censored)");
  const at = list(values, "at").map(Number);
  if (at.some((t) => !(Number.isFinite(t) && t >= 0))) throw new UsageError("effekt estimate: --at takes times ≥ 0 separated by commas, e.g. --at 90,180,365");
  const tauText = text(values, "tau");
  const tau = tauText === undefined ? null : Number(tauText);
  if (tau !== null && !(Number.isFinite(tau) && tau > 0)) throw new UsageError("effekt estimate: --tau takes a time > 0");
  const ties = text(values, "ties") ?? "efron";
  if (ties !== "efron" && ties !== "breslow") throw new UsageError("effekt estimate: --ties takes efron (coxph's default) or breslow");
  return { time, event, at: [...at].sort((a, b) => a - b), tau, ties };
}

export function estimateTableCommand(values: OptionValues): Promise<number> {
  const options = tableOptions(values);
  return guarded("estimate", async () => {
    tell(`effekt estimate: done → ${await estimateFromTable(options)}`);
    return EXIT_OK;
  });
}

/** The files `estimate --table` writes into its --out folder: the only ones it claims, and never over a file it did not write. */
const TABLE_FILES = [artefactPath("effects"), artefactPath("effectsCsv")];
/** With --looks: the look of each outcome's difference in means. */
const SEQUENTIAL_FILE = "sequential.json";

/** Reads the table, estimates every effect, writes effects.json and effects.csv into a folder of its own (locked meanwhile); returns effects.json's path as shown. */
export async function estimateFromTable(options: TableRunOptions): Promise<string> {
  const dir = resolve(options.outDir);
  await refuseOutHoldingInputs(dir, [resolve(options.file)]);
  const folder = await openOwnedFolder(dir, { kind: "table", force: options.force ?? false, log: options.log, catalogued: (path) => TABLE_FILES.includes(path) || path === SEQUENTIAL_FILE });
  try {
    // Claimed first: a file in the way stops the command before any work.
    await folder.claim([...TABLE_FILES, ...(options.sequential ? [SEQUENTIAL_FILE] : [])].map((file) => join(dir, file)));
    return await estimateInto(options, folder);
  } finally {
    await folder.release();
  }
}

/**
 * Steps: 1. open the file (its dialect detected); 2. read the analysis table (analysisTable.ts: from the bytes
 * when the byte reader takes it, else by tableFromRows, which names every problem); 3. the missing-covariate
 * rule; 4. the control arm; 5. the plan and the estimates; 6. effects.json and effects.csv, and the summary.
 */
async function estimateInto(options: TableRunOptions, folder: OwnedFolder): Promise<string> {
  // 1. The file.
  const path = resolve(options.file);
  const file = shown(path);
  if (await isDirectory(path)) stopRun(issue("input_is_directory", messages.inputIsDirectory("table"), { file, path: [] }));
  if (!(await exists(path))) stopRun(issue("table_missing", messages.inputMissing("table"), { file, path: [] }));
  const opened = await openExtract(path, file, { dialect: {} });
  const dialect = opened.dialect;
  // 2. The analysis table.
  const tableOptions = readerOptions(options, file, dialect.decimal);
  const read = await readTable(path, file, opened, tableOptions);
  if (read.issues.length > 0) throw new StopRun(read.issues);
  // 3. Persons without a covariate value, by the rule chosen (the byte reader keeps no line numbers: a message naming lines reads them from the rows).
  const expanded = [...options.covariates, ...read.categorical.flatMap((c) => c.indicators)];
  let missing = handleMissingCovariates(read.table, expanded, read.lines ?? [], options.missingCovariates, file, read.categorical);
  if (missing.issues.length > 0 && read.lines === null) missing = handleMissingCovariates(read.table, expanded, (await readRowsTable(path, file, tableOptions)).lines, options.missingCovariates, file, read.categorical);
  if (missing.issues.length > 0) throw new StopRun(missing.issues);
  const table = missing.table;
  // 4. The arms and the control arm.
  const arms = [...new Set(table.arm)].sort();
  const control = controlArm(options, arms, file);
  options.log(`estimate: ${file}: ${table.arm.length} persons, arms ${messages.valuesShown(valuesToShow(arms))}, control ${control}${options.control === null ? " (taken as the control arm: name another with --control)" : ""} [delimiter ${JSON.stringify(dialect.delimiter)}, ${dialect.encoding}, decimal ${JSON.stringify(dialect.decimal)}]`);
  for (const c of read.categorical) options.log(`estimate: categorical covariate ${c.column} against reference level ${messages.valuesShown(valuesToShow([c.reference]))}: ${c.indicators.length === 0 ? "(one level only)" : `${messages.valuesShown(valuesToShow(c.indicators))}`}`);
  if (missing.imputed.length > 0) options.log(`estimate: missing covariate values mean-imputed with a missingness indicator: ${missing.imputed.join(", ")}`);
  // 5. The plan and the estimates.
  const result = estimateEffects(table, tablePlan(options, control, arms, missing.covariates));
  const artefact = EffectsArtefact.parse({
    artefact: "effects",
    schema_version: 1,
    evaluation: basename(path),
    source: `table: ${basename(path)}`,
    confidence: options.confidence,
    control,
    adjustment: adjustmentOf(options, read.categorical, missing.imputed),
    ...result,
  });
  // 6. The artefacts, and the summary on stdout.
  const [out, csv] = TABLE_FILES.map((file) => join(folder.dir, file)) as [string, string];
  await writeFileAtomic(out, formatJson(artefact));
  await writeFileAtomic(csv, tidyEffects(artefact));
  for (const line of [...summaryTable(artefact.estimates, options.confidence), ...jointTestLines(artefact.joint_tests ?? [])]) options.log(line);
  if (options.sequential) {
    const plan = { alpha: Number((1 - options.confidence).toPrecision(12)), sides: 2 as const, spending: options.sequential.spending };
    const looks = sequentialEstimates(artefact.estimates, plan, options.sequential.earlier, options.sequential.fraction, options.sequential.maximumInformation);
    await writeFileAtomic(join(folder.dir, SEQUENTIAL_FILE), formatJson({ artefact: "sequential", alpha: plan.alpha, spending: describeSpending(plan.spending), earlier_looks: options.sequential.earlier, looks }));
    for (const l of looks) options.log(`estimate: ${l.outcome} (${l.contrast}), look ${l.look} at information ${(100 * l.fraction).toFixed(1)} %: crossing needs p < ${l.nominal_p.toPrecision(2)}; p = ${l.p_value.toPrecision(3)}: ${l.crossed ? `crossed, adjusted p ${l.adjusted_p!.toPrecision(3)}` : l.adjusted_p !== null ? `not crossed at the final look, adjusted p ${l.adjusted_p.toPrecision(3)}` : "not yet conclusive"}`);
  }
  return shown(out);
}

/** What the table readers read: the numeric columns (outcomes, survival, exposure, covariates, received), which are 0/1 or counts, the texts. */
function readerOptions(options: TableRunOptions, file: string, decimal: TableOptions["decimal"]): TableOptions {
  const survival = options.survival ? [options.survival.time, options.survival.event] : [];
  return {
    file,
    decimal,
    treatment: options.treatment,
    blocks: options.blocks,
    clusters: options.clusters ?? null,
    clusterSe: options.clusterSeColumn ?? null,
    fixedEffects: options.fixedEffects ?? null,
    numeric: [...new Set([...options.outcomes, ...survival, ...(options.exposure ? [options.exposure] : []), ...options.covariates, ...(options.received ? [options.received] : [])])],
    binary: [...options.binary, ...(options.survival ? [options.survival.event] : []), ...(options.received ? [options.received] : [])],
    counts: options.counts,
    subgroups: options.subgroups,
    categorical: options.categorical,
  };
}

/** The control arm: as named, or 0 / control / kontrol; two arms at least, and the control among them. */
function controlArm(options: TableRunOptions, arms: readonly string[], file: string): string {
  if (arms.length < 2) stopRun(issue("one_arm", messages.oneArm(options.treatment, valuesToShow(arms)), { file, path: [] }));
  const control = options.control ?? chooseControl(arms);
  if (control === null) stopRun(issue("control_unclear", messages.controlUnclear(options.treatment, valuesToShow(arms)), { file, path: [] }));
  if (!arms.includes(control)) stopRun(issue("control_missing", messages.controlMissing(control, options.treatment, valuesToShow(arms)), { file, path: [] }));
  return control;
}

/** The estimation plan of a researcher's table: every other arm against the control, each outcome of its kind. */
function tablePlan(options: TableRunOptions, control: string, arms: readonly string[], covariates: readonly string[]): EstimationPlan {
  const kindOf = (id: string): OutcomePlan =>
    options.binary.includes(id)
      ? { id, kind: "binary" }
      : options.counts.includes(id)
        ? { id, kind: "count", ...(options.exposure ? { exposure: options.exposure } : {}) }
        : { id, kind: "continuous" };
  const survival = options.survival;
  return {
    control,
    arms: arms.filter((a) => a !== control),
    outcomes: [...options.outcomes.map(kindOf), ...(survival ? [{ id: survival.time, kind: "time_to_event" as const, survival: { event: survival.event, at: survival.at, tau: survival.tau, ties: survival.ties } }] : [])],
    covariates,
    subgroups: options.subgroups,
    ...(options.received ? { received: options.received } : {}),
    ...(options.clusterSe ? { clusterSe: options.clusterSe } : {}),
    permutations: options.permutations,
    seed: options.seed,
    confidence: options.confidence,
  };
}

/** About 200,000 rows of a narrow table (gramThreads.ts' PARALLEL_MINIMUM_ROWS). */
const WARM_THREADS_BYTES = 8 * 2 ** 20;

/** A table the byte reader takes whole (and with no categorical covariate to expand) is read from the bytes, without line numbers; any other (or one with any problem) by tableFromRows, which names it. */
async function readTable(path: string, file: string, opened: Awaited<ReturnType<typeof openExtract>>, tableOptions: TableOptions): Promise<{ table: AnalysisTable; issues: Issue[]; lines: number[] | null; categorical: ExpandedCategorical[] }> {
  if (opened.bytes && (tableOptions.categorical ?? []).length === 0) {
    // A table this large will be fitted by cross-products on every core: the threads start while it is read.
    if ((opened.bytesSize ?? 0) >= WARM_THREADS_BYTES) warmStripeThreads();
    const iterator = opened.rows[Symbol.asyncIterator]();
    const first = await iterator.next();
    await iterator.return?.();
    const row = first.done ? undefined : Array.isArray(first.value) ? first.value[0] : first.value;
    if (row && "fields" in row) {
      const table = await tableFromBytes(row.fields.map((f) => f.trim()), row.line, opened.bytes, opened.dialect.delimiter, tableOptions, { ...(opened.bytesPath ? { path: opened.bytesPath, size: opened.bytesSize } : {}) });
      if (table) return { table, issues: [], lines: null, categorical: [] };
    }
    return readRowsTable(path, file, tableOptions);
  }
  const { header, rows } = await readTableRows(opened.rows, file);
  return tableFromRows(header, rows, tableOptions);
}

async function readRowsTable(path: string, file: string, tableOptions: TableOptions) {
  const { header, rows } = await readTableRows((await openExtract(path, file, { dialect: {} })).rows, file);
  return tableFromRows(header, rows, tableOptions);
}

/**
 * --cluster-se COL [--se-type CR2|CR1|stata|CR0] [--fixed-effects COL]: the level the SEs are clustered on, apart from
 * the unit of assignment (--clusters). `--cluster-se CR1` (a type, with --clusters) is read as before.
 */
function clusterOptionsOf(values: Readonly<Record<string, string | boolean | string[] | undefined>>): Pick<TableRunOptions, "clusterSe" | "clusterSeColumn" | "fixedEffects"> {
  const raw = text(values, "cluster-se");
  const legacyType = raw !== undefined && ["CR2", "CR1", "stata", "CR0"].includes(raw);
  const typeText = text(values, "se-type") ?? (legacyType ? raw : undefined);
  const clusterSeColumn = legacyType ? null : (raw ?? null);
  const fixedEffects = text(values, "fixed-effects") ?? null;
  if (fixedEffects !== null && clusterSeColumn === null && text(values, "clusters") === undefined)
    throw new UsageError("effekt estimate: --fixed-effects goes with --cluster-se COL or --clusters COL (the regressions with cluster-robust SEs)");
  return { clusterSe: clusterSeOf(typeText), clusterSeColumn, fixedEffects };
}

function clusterSeOf(raw: string | undefined): "CR2" | "CR1" | "CR0" {
  if (raw === undefined || raw === "CR2") return "CR2";
  if (raw === "CR1" || raw === "stata") return "CR1";
  if (raw === "CR0") return "CR0";
  throw new UsageError("effekt estimate: --se-type takes CR2 (default), CR1 (also called stata) or CR0");
}

/** The adjustment note of effects.json: the pipeline's, plus the categorical reference levels and the missing-value rule. */
function adjustmentOf(options: TableRunOptions, categorical: readonly { column: string; reference: string }[], imputed: readonly string[]): string {
  const parts = [ADJUSTMENT];
  if (categorical.length > 0) parts.push(`categorical covariates against a reference level: ${categorical.map((c) => `${c.column} (reference ${c.reference})`).join(", ")}`);
  if (options.missingCovariates === "indicator" && imputed.length > 0) parts.push(`missing covariate values mean-imputed with a missingness indicator: ${imputed.join(", ")}`);
  if (options.missingCovariates === "drop") parts.push("persons without a covariate value are left out of the adjusted estimators (each says how many)");
  return parts.join("; ");
}

async function readTableRows(source: AsyncIterable<RawRow | RawRow[]>, file: string) {
  let header: string[] | null = null;
  const rows: { line: number; fields: string[] }[] = [];
  const malformed = [];
  for await (const row of oneByOne(source)) {
    // A malformed line is never quoted: the reason is in words, and a CPR-like value in it is refused as such.
    if ("malformed" in row) malformed.push(issue("malformed_csv", containsCpr(row.raw) ? messages.cprRefused() : messages.rule.malformed_csv(row.malformed), { file, path: [], line: row.line }));
    else if (header === null) header = row.fields.map((f) => f.trim());
    else rows.push({ line: row.line, fields: [...row.fields] });
  }
  if (header === null) stopRun(issue("table_empty", messages.extractEmpty(), { file, path: [] }));
  if (malformed.length > 0) throw new StopRun(malformed);
  return { header, rows };
}
