/** `effekt estimate --table`: the estimators on a researcher's own person-level CSV. */
import { basename, join, resolve } from "node:path";
import { artefactPath } from "../../src/catalogue.ts";
import { ADJUSTMENT } from "../../src/estimate/index.ts";
import { estimateEffects } from "../../src/estimate/estimateEffects.ts";
import { EffectsArtefact } from "../../src/estimate/schema.ts";
import { tableFromRows } from "../../src/estimate/tableFromRows.ts";
import { chooseControl } from "../../src/estimate/chooseControl.ts";
import { handleMissingCovariates, type MissingCovariates } from "../../src/estimate/missingCovariates.ts";
import { summaryTable } from "../../src/estimate/summaryTable.ts";
import { tidyEffects } from "../../src/estimate/tidyEffects.ts";
import { messages } from "../../src/messages.ts";
import { issue, StopRun, stopRun } from "../../src/shared/issues.ts";
import { formatJson, writeFileAtomic } from "../io/files.ts";
import { exists, isDirectory, shown } from "../io/paths.ts";
import { oneByOne, openExtract } from "../io/openExtract.ts";
import { containsCpr } from "../../src/ingest/containsCpr.ts";
import type { RawRow } from "../../src/ingest/schema.ts";
import { EXIT_OK, guarded, list, tell, text, UsageError, type OptionValues } from "./command.ts";

export interface TableRunOptions {
  readonly file: string;
  readonly treatment: string;
  /** null: 0 for a 0/1 column, else an arm named control/kontrol. */
  readonly control: string | null;
  readonly outcomes: readonly string[];
  readonly binary: readonly string[];
  readonly counts: readonly string[];
  readonly exposure: string | null;
  readonly covariates: readonly string[];
  /** Categorical covariates (also listed in covariates or not), each with its reference level or null (the first sorted level). */
  readonly categorical: readonly { column: string; reference: string | null }[];
  readonly missingCovariates: MissingCovariates;
  readonly blocks: string | null;
  /** The cluster column of a cluster-randomised table, and the cluster-robust SE type. */
  readonly clusters?: string | null;
  readonly clusterSe?: "CR2" | "CR1";
  /** The 0/1 column of who received the programme: the CACE estimators. */
  readonly received?: string | null;
  readonly subgroups: readonly string[];
  readonly permutations: number;
  readonly seed: number;
  readonly confidence: number;
  readonly outDir: string;
  readonly log: (line: string) => void;
}

export const TABLE_OPTIONS = {
  table: { type: "string" },
  treatment: { type: "string" },
  control: { type: "string" },
  outcomes: { type: "string" },
  binary: { type: "string" },
  counts: { type: "string" },
  exposure: { type: "string" },
  covariates: { type: "string" },
  categorical: { type: "string" },
  "missing-covariates": { type: "string" },
  blocks: { type: "string" },
  received: { type: "string" },
  clusters: { type: "string" },
  "cluster-se": { type: "string" },
  subgroups: { type: "string" },
  permutations: { type: "string" },
  seed: { type: "string" },
  confidence: { type: "string" },
} as const;

/** The table options, every value checked: a mistyped one is a usage error. */
export function tableOptions(values: OptionValues): TableRunOptions {
  const treatment = text(values, "treatment");
  const outDir = text(values, "out");
  const outcomes = list(values, "outcomes");
  if (!treatment) throw new UsageError("effekt estimate: --treatment is required with --table");
  if (outcomes.length === 0) throw new UsageError("effekt estimate: --outcomes is required with --table");
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
    covariates: list(values, "covariates").filter((c) => !categorical.some((k) => k.column === c)),
    categorical,
    missingCovariates,
    blocks: text(values, "blocks") ?? null,
    received: text(values, "received") ?? null,
    clusters: text(values, "clusters") ?? null,
    clusterSe: clusterSeOf(text(values, "cluster-se")),
    subgroups: list(values, "subgroups"),
    permutations,
    seed,
    confidence,
    outDir,
    log: tell,
  };
}

export function estimateTableCommand(values: OptionValues): Promise<number> {
  const options = tableOptions(values);
  return guarded("estimate", async () => {
    tell(`effekt estimate: done → ${await estimateFromTable(options)}`);
    return EXIT_OK;
  });
}

/** Reads the table, estimates every effect, writes effects.json; returns its path as shown. */
export async function estimateFromTable(options: TableRunOptions): Promise<string> {
  const path = resolve(options.file);
  const file = shown(path);
  if (await isDirectory(path)) stopRun(issue("input_is_directory", messages.inputIsDirectory("table"), { file, path: [] }));
  if (!(await exists(path))) stopRun(issue("table_missing", messages.inputMissing("table"), { file, path: [] }));
  const opened = await openExtract(path, file, { dialect: {} });
  const dialect = opened.dialect;
  const { header, rows } = await readTableRows(opened.rows, file);
  const read = tableFromRows(header, rows, {
    file,
    decimal: dialect.decimal,
    treatment: options.treatment,
    blocks: options.blocks,
    clusters: options.clusters ?? null,
    numeric: [...new Set([...options.outcomes, ...(options.exposure ? [options.exposure] : []), ...options.covariates, ...(options.received ? [options.received] : [])])],
    binary: [...options.binary, ...(options.received ? [options.received] : [])],
    counts: options.counts,
    subgroups: options.subgroups,
    categorical: options.categorical,
  });
  if (read.issues.length > 0) throw new StopRun(read.issues);
  const expanded = [...options.covariates, ...read.categorical.flatMap((c) => c.indicators)];
  const missing = handleMissingCovariates(read.table, expanded, read.lines, options.missingCovariates, file);
  if (missing.issues.length > 0) throw new StopRun(missing.issues);
  const table = missing.table;
  const arms = [...new Set(table.arm)].sort();
  if (arms.length < 2) stopRun(issue("one_arm", messages.oneArm(options.treatment, arms), { file, path: [] }));
  const control = options.control ?? chooseControl(arms);
  if (control === null) stopRun(issue("control_unclear", messages.controlUnclear(options.treatment, arms), { file, path: [] }));
  if (!arms.includes(control)) stopRun(issue("control_missing", messages.controlMissing(control, options.treatment, arms), { file, path: [] }));
  options.log(`estimate: ${file}: ${rows.length} persons, arms ${arms.join(", ")}, control ${control}${options.control === null ? " (taken as the control arm: name another with --control)" : ""} [delimiter ${JSON.stringify(dialect.delimiter)}, ${dialect.encoding}, decimal ${JSON.stringify(dialect.decimal)}]`);
  for (const c of read.categorical) options.log(`estimate: categorical covariate ${c.column} against reference level '${c.reference}': ${c.indicators.join(", ") || "(one level only)"}`);
  if (missing.imputed.length > 0) options.log(`estimate: missing covariate values mean-imputed with a missingness indicator: ${missing.imputed.join(", ")}`);
  const kindOf = (id: string) =>
    options.binary.includes(id)
      ? { id, kind: "binary" as const }
      : options.counts.includes(id)
        ? { id, kind: "count" as const, ...(options.exposure ? { exposure: options.exposure } : {}) }
        : { id, kind: "continuous" as const };
  const result = estimateEffects(table, {
    control,
    arms: arms.filter((a) => a !== control),
    outcomes: options.outcomes.map(kindOf),
    covariates: missing.covariates,
    subgroups: options.subgroups,
    ...(options.received ? { received: options.received } : {}),
    ...(options.clusterSe ? { clusterSe: options.clusterSe } : {}),
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
    control,
    adjustment: adjustmentOf(options, read.categorical, missing.imputed),
    ...result,
  });
  const out = join(resolve(options.outDir), artefactPath("effects"));
  await writeFileAtomic(out, formatJson(artefact));
  await writeFileAtomic(join(resolve(options.outDir), artefactPath("effectsCsv")), tidyEffects(artefact));
  for (const line of summaryTable(artefact.estimates, options.confidence)) options.log(line);
  return shown(out);
}

function clusterSeOf(raw: string | undefined): "CR2" | "CR1" {
  if (raw === undefined || raw === "CR2") return "CR2";
  if (raw === "CR1" || raw === "stata") return "CR1";
  throw new UsageError("effekt estimate: --cluster-se takes CR2 (default) or CR1 (also called stata)");
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
    // A malformed line is never quoted when it holds a CPR-like value.
    if ("malformed" in row) malformed.push(issue("malformed_csv", containsCpr(row.raw) || containsCpr(row.malformed) ? messages.cprRefused() : row.malformed, { file, path: [], line: row.line }));
    else if (header === null) header = row.fields.map((f) => f.trim());
    else rows.push({ line: row.line, fields: [...row.fields] });
  }
  if (header === null) stopRun(issue("table_empty", messages.extractEmpty(), { file, path: [] }));
  if (malformed.length > 0) throw new StopRun(malformed);
  return { header, rows };
}
