/**
 * The `effekt` command line. Exit codes: 0 the result is usable; 1 the run stopped on
 * a problem in the input (the message says which); 2 the command was mistyped;
 * 70 an internal error (a bug: please report it with EFFEKT_DEBUG=1 output).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse as parseCsv } from "csv-parse/sync";
import { verifyAllocation } from "../src/assign/verifyAllocation.ts";
import { checkPublished, PublishedFile } from "../src/estimate/checkPublished.ts";
import { jsonPath } from "../src/spec/parseSpec.ts";
import { estimateFromTable, projectFiles, verifyRun } from "./run.ts";
import { EffectsArtefact } from "../src/estimate/schema.ts";
import { pilotDesign } from "../src/design/pilotDesign.ts";
import { z } from "zod";
import { formatIssue, StopRun } from "../src/shared/issues.ts";
import { EvaluationSpec } from "../src/spec/schema.ts";
import { runPipeline, runStage, STAGES, type StageName } from "./run.ts";
import { settle } from "./commands/settle.ts";

const EXIT_OK = 0;
const EXIT_STOPPED = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 70;

const MAIN_HELP = `effekt — evaluation pipeline for social effect investments

Usage:
  effekt run <spec.json> [--as-of YYYY-MM-DD] [--out DIR] [--lang da|en] [--compare DIR]
                                                          run every stage
  effekt ingest <spec.json> [--as-of YYYY-MM-DD] [--out DIR]  run stage 1 alone
  effekt assign <spec.json> [--as-of YYYY-MM-DD] [--out DIR]  run stage 2 alone, from stage 1's artefacts
  effekt estimate <spec.json> [--as-of YYYY-MM-DD] [--out DIR] run stage 3 alone, from stages 1–2's artefacts
  effekt estimate --table data.csv --treatment COL --outcomes a,b [options] --out DIR
                                                          estimate effects from your own person-level table
  effekt project <spec.json> [--out DIR]                  run stage 4 alone (savings by sector and year)
  effekt project --assumptions case.json [--effects effects.json] --out DIR
                                                          project one business case on its own
  effekt repay <spec.json> [--out DIR]                    run stage 5 alone (repayments and the ledger)
  effekt report <spec.json> [--lang da|en] [--compare DIR]  run stage 6 alone (the report and the manifest)
  effekt verify-run <output dir>                          recompute every hash in a run's manifest
  effekt settle <spec.json> --run DIR --through YYYY-MM-DD  record every contract period due by that date as settled
  effekt verify-allocation <log.csv> [--roster roster.csv]  recompute an allocation log's hash chain and allocation
  effekt check-published <figures.json>                   recompute published p-values from printed figures
  effekt design --n 100 --base 0.3 [--target 0.5] [--case case.json --effect 0.5]
                                                          pilot design: power, n per arm, detectable and break-even effects
  effekt spec-schema                                      print the spec's JSON Schema
  effekt <command> --help                                 help on one command

Stages: ${Object.keys(STAGES).join(" → ")}.
Results are written under --out (default output/<spec name>/); progress goes to stderr.
Exit codes: 0 usable result, 1 stopped on a problem in the input, 2 usage error, 70 internal error.`;

const RUN_HELP = (command: string, what: string) => `effekt ${command} <spec.json> [options]

${what}

Options:
  --as-of YYYY-MM-DD   follow-up is counted up to and including this date (default: the spec's asOf)
  --out DIR            output folder (default: output/<spec name>)
  --lang da|en         the report's language (default: the spec's report.lang, else Danish)
  --compare DIR        a previous run's output folder: the report shows what changed since
  -h, --help           this help`;

const HELP: Record<string, string> = {
  run: RUN_HELP("run", "Runs every stage built so far on the spec and writes each stage's artefacts."),
  ingest: RUN_HELP(
    "ingest",
    "Stage 1: reads and validates every extract in the spec, quarantines bad rows under work/quarantine/,\nand derives person-level outcomes (work/outcomes.csv) and covariates (work/persons.csv); writes ingest.json.",
  ),
  assign: RUN_HELP(
    "assign",
    "Stage 2: randomises every batch whose period has ended (or reads the allocation named in the spec),\nchecks it (each person once, timing, ratio, cross-overs), baseline balance and the CONSORT flow;\nwrites assignment.json, work/allocation-log.csv, work/assignments.csv and work/roster.csv.",
  ),
  estimate: `effekt estimate <spec.json> [--as-of YYYY-MM-DD] [--out DIR]
effekt estimate --table data.csv --treatment COL [--control VALUE] --outcomes a,b [--binary b]
                [--counts c --exposure COL] [--covariates x,y] [--blocks COL] [--subgroups s]
                [--permutations 10000 --seed 1] [--confidence 0.95] --out DIR

Stage 3: intention-to-treat effects of every arm against the control arm, for every outcome:
difference in means (Welch; blocked as estimatr when blocked), OLS, OLS with covariates and
Lin's estimator (all HC2), risk difference / risk ratio / logistic odds ratio with Pearson χ²
and Fisher's exact p for binary outcomes, a Poisson rate ratio (robust SE; log exposure as
offset) for counts, randomisation inference, Holm and Benjamini–Hochberg adjusted p-values,
subgroup effects with an interaction test. Writes effects.json.

With --table it reads your own CSV (',' ';' or tab; UTF-8 or Windows-1252; empty or NA = missing):
  --treatment COL     the arm of each person        --control VALUE   the control arm (default "control")
  --outcomes a,b      outcome columns               --binary b        which outcomes are 0/1
  --counts c          which outcomes are counts     --exposure COL    exposure (e.g. years): log offset for counts
  --covariates x,y    numeric covariates            --blocks COL      design blocks (blocked estimator, permutation strata)
  --subgroups s       subgroup columns              --permutations N  randomisation draws (0 = none; default 10000)
  --seed S            seed for the draws (default 1) --out DIR        where effects.json goes (required)`,
  project: `effekt project <spec.json> [--as-of YYYY-MM-DD] [--out DIR]
effekt project --assumptions case.json [--assumptions other.json …] [--effects effects.json] --out DIR

Stage 4: turns effects into money over the horizon — each cost line = effect × unit price ×
cohort size × sector share (kommune / region / stat) × its decay profile — then intervention
cost, net by year and cumulative, break-even per sector, ROI (savings / cost and
(savings − cost) / cost), NPV, the steady state with a new cohort every year, scenarios,
one-way sensitivity, the investment ceiling, and for published cases the
published-vs-reproduced table. Writes projection.json.`,
  repay: RUN_HELP(
    "repay",
    "Stage 5: what the municipality owes the investors under each contract in the spec — differential payments,\nrate cards, unit prices capped by the municipal saving — with caps, the return floor and ceiling,\nthe split between payers, the cumulative ledger, the investors' IRR, the repayment risk and the\nportfolio check — as of --as-of: each period settled (in the spec's settlement file), due, provisional\nor not yet due; only settled periods are repaid. Writes repayment.json and ledger.csv.",
  ),
  report: RUN_HELP(
    "report",
    "Stage 6: one self-contained report.html (Danish by default), status.html and a CSV for every table under\nreport/, with every cell describing fewer than 5 persons suppressed; then manifest.json with the SHA-256\nof every input and output.",
  ),
  settle: `effekt settle <spec.json> --run <run dir> --through YYYY-MM-DD

Records every contract period of the run that is due (complete, not yet settled) with a due date on or
before --through as settled, at the amount the run computed, in the spec's settlement file (spec key
settlements, default settlements.json beside the spec), with the run's manifest hash and as-of date.
Later runs read it: a settled amount is never restated; a different computed amount is shown beside it
as a restatement. Refuses a run whose manifest does not verify, a run of another spec, and a --through
after the run's as-of date. Periods already settled are kept as they are.`,
  "verify-run": `effekt verify-run <output dir>

Recomputes the SHA-256 of every input and output recorded in the run's manifest.json and names
every file that changed or is missing. Exit 0 when all match.`,
  design: `effekt design --n PERSONS_PER_ARM --base SHARE [--target SHARE] [--alpha 0.05] [--power 0.8]
              [--case business-case.json --effect STATED_EFFECT]

Pilot design for a share outcome, two arms, two-sided (as R's power.prop.test): the power
at --target, the persons per arm it needs, and the minimum detectable effect at --n. With
--case (an assumption file) and --effect (the effect its base case assumes, e.g. 0.5 for
'50 % in work'), also the smallest effect that still breaks even for society, and whether
the pilot could detect it.`,
  "check-published": `effekt check-published <figures.json> [--out result.json]

Recomputes published p-values from the figures printed beside them: two shares (%) — Pearson χ²,
Yates χ², Fisher — or two means with SDs — Welch's t; with group sizes when published, otherwise
finding every pair of sizes (10–1,500 per arm, 1:1 within 20 %) that reproduces the printed p.
Says plainly what cannot be recomputed and why. Example: fixtures/published/ungifokus-001.json.`,
  "verify-allocation": `effekt verify-allocation <log.csv> [--roster roster.csv]

Recomputes the log's SHA-256 chain and, from the seed in its header and the batches and blocks
on its lines, the allocation itself; names the first line that differs. With --roster (a CSV
with person_id, batch, block, as effekt writes to work/roster.csv) it also checks that the log
holds exactly the roster's persons, in their batches and blocks. Exit 0 when everything holds.`,
  "spec-schema": "effekt spec-schema\n\nPrints the JSON Schema of the evaluation spec (for editors: \"$schema\" in the spec).",
};

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(MAIN_HELP + "\n");
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (!(command in HELP) || command === "help") {
    process.stderr.write(`effekt: unknown command '${command}'\n\n${MAIN_HELP}\n`);
    return EXIT_USAGE;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        "as-of": { type: "string" },
        out: { type: "string" },
        roster: { type: "string" },
        table: { type: "string" },
        treatment: { type: "string" },
        control: { type: "string" },
        outcomes: { type: "string" },
        binary: { type: "string" },
        counts: { type: "string" },
        exposure: { type: "string" },
        covariates: { type: "string" },
        blocks: { type: "string" },
        subgroups: { type: "string" },
        permutations: { type: "string" },
        seed: { type: "string" },
        confidence: { type: "string" },
        assumptions: { type: "string", multiple: true },
        effects: { type: "string" },
        lang: { type: "string" },
        n: { type: "string" },
        base: { type: "string" },
        target: { type: "string" },
        alpha: { type: "string" },
        power: { type: "string" },
        case: { type: "string" },
        effect: { type: "string" },
        compare: { type: "string" },
        run: { type: "string" },
        through: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    process.stderr.write(`effekt ${command}: ${(error as Error).message}\n\n${HELP[command]}\n`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    process.stdout.write(HELP[command] + "\n");
    return EXIT_OK;
  }
  if (command === "spec-schema") {
    process.stdout.write(JSON.stringify(specJsonSchema(), null, 2) + "\n");
    return EXIT_OK;
  }
  if (command === "verify-allocation") return verifyAllocationCommand(parsed.positionals, parsed.values.roster);
  if (command === "check-published") return checkPublishedCommand(parsed.positionals, parsed.values.out);
  if (command === "verify-run") return verifyRunCommand(parsed.positionals);
  if (command === "settle") return settleCommand(parsed.positionals, parsed.values.run, parsed.values.through);
  if (command === "design") return designCommand(parsed.values as Record<string, string | undefined>);
  if (parsed.values.lang !== undefined && parsed.values.lang !== "da" && parsed.values.lang !== "en") {
    process.stderr.write(`effekt ${command}: --lang takes da or en\n`);
    return EXIT_USAGE;
  }
  if (command === "estimate" && parsed.values.table !== undefined) return estimateTableCommand(parsed.values as Record<string, string | boolean | undefined>);
  if (command === "project" && parsed.values.assumptions !== undefined) return projectFilesCommand(parsed.values.assumptions, parsed.values.effects, parsed.values.out);
  const [specPath, ...extra] = parsed.positionals;
  if (specPath === undefined || extra.length > 0) {
    process.stderr.write(`effekt ${command}: expected exactly one spec file\n\n${HELP[command]}\n`);
    return EXIT_USAGE;
  }
  const options = {
    specPath,
    ...(parsed.values["as-of"] !== undefined ? { asOf: parsed.values["as-of"] } : {}),
    ...(parsed.values.out !== undefined ? { outDir: parsed.values.out } : {}),
    ...(parsed.values.lang !== undefined ? { lang: parsed.values.lang as "da" | "en" } : {}),
    ...(parsed.values.compare !== undefined ? { compare: parsed.values.compare } : {}),
    log: (line: string) => process.stderr.write(line + "\n"),
  };
  try {
    const loaded = command === "run" ? await runPipeline(options) : await runStage(command as StageName, options);
    process.stderr.write(`effekt ${command}: done → ${loaded.outDir}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof StopRun) {
      process.stderr.write(`effekt ${command}: stopped\n${error.issues.map(formatIssue).join("\n")}\n`);
      return EXIT_STOPPED;
    }
    process.stderr.write(`effekt ${command}: internal error: ${(error as Error).message}\n`);
    if (process.env.EFFEKT_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return EXIT_INTERNAL;
  }
}

/** The spec's JSON Schema, for editors; `npm run schema` writes it to schemas/spec.schema.json. */
export function specJsonSchema(): unknown {
  return z.toJSONSchema(EvaluationSpec, { io: "input", unrepresentable: "any" });
}

async function verifyAllocationCommand(positionals: readonly string[], rosterPath: string | undefined): Promise<number> {
  const [logPath, ...extra] = positionals;
  if (logPath === undefined || extra.length > 0) {
    process.stderr.write(`effekt verify-allocation: expected exactly one log file\n\n${HELP["verify-allocation"]}\n`);
    return EXIT_USAGE;
  }
  let logText: string;
  let roster = null;
  try {
    logText = await readFile(logPath, "utf8");
    if (rosterPath !== undefined) {
      const rows = parseCsv(await readFile(rosterPath, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
      if (rows.length > 0 && !["person_id", "batch", "block"].every((c) => c in rows[0]!)) {
        process.stderr.write(`effekt verify-allocation: ${rosterPath} needs the columns person_id, batch, block\n`);
        return EXIT_STOPPED;
      }
      roster = rows.map((r) => ({ personId: r.person_id!, batch: r.batch!, block: r.block!, referred: r.referred ?? "" }));
    }
  } catch (error) {
    process.stderr.write(`effekt verify-allocation: ${(error as Error).message}\n`);
    return EXIT_STOPPED;
  }
  const result = verifyAllocation(logText, roster);
  const say = (line: string) => process.stdout.write(line + "\n");
  for (const problem of result.problems) say(`log: ${problem}`);
  say(result.chain.ok ? `chain: holds over ${result.lines} lines` : `chain: BROKEN at ${result.chain.reason}`);
  say(result.allocation.ok ? "allocation: recomputed from the seed, every line agrees" : `allocation: DIFFERS at ${result.allocation.reason}`);
  if (result.roster) {
    if (result.roster.ok) say(`roster: the log holds exactly the roster's ${roster!.length} persons in their batches and blocks`);
    for (const id of result.roster.missing) say(`roster: ${id} is on the roster but not on the log`);
    for (const line of result.roster.notOnRoster) say(`roster: ${line} is on the log but not on the roster`);
    for (const line of result.roster.moved) say(`roster: ${line}`);
  }
  say(result.ok ? "verified" : "NOT verified");
  return result.ok ? EXIT_OK : EXIT_STOPPED;
}

const list = (text: string | undefined) => (text ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");

async function estimateTableCommand(values: Record<string, string | boolean | undefined>): Promise<number> {
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  const usage = (message: string) => {
    process.stderr.write(`effekt estimate: ${message}\n\n${HELP.estimate}\n`);
    return EXIT_USAGE;
  };
  const table = text("table")!;
  const treatment = text("treatment");
  const outDir = text("out");
  const outcomes = list(text("outcomes"));
  if (!treatment) return usage("--treatment is required with --table");
  if (outcomes.length === 0) return usage("--outcomes is required with --table");
  if (!outDir) return usage("--out is required with --table");
  const numberOption = (key: string, fallback: number, check: (n: number) => boolean) => {
    const raw = text(key);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    return check(n) ? n : NaN;
  };
  const permutations = numberOption("permutations", 10000, (n) => Number.isInteger(n) && n >= 0);
  const seed = numberOption("seed", 1, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32);
  const confidence = numberOption("confidence", 0.95, (n) => n > 0 && n < 1);
  if ([permutations, seed, confidence].some(Number.isNaN)) return usage("--permutations and --seed take whole numbers ≥ 0, --confidence a number between 0 and 1");
  const binary = list(text("binary"));
  const counts = list(text("counts"));
  const covariates = list(text("covariates"));
  const exposure = text("exposure");
  const notOutcomes = [...binary, ...counts].filter((o) => !outcomes.includes(o));
  if (notOutcomes.length > 0) return usage(`--binary/--counts name columns that are not in --outcomes: ${notOutcomes.join(", ")}`);
  if (exposure && counts.length === 0) return usage("--exposure goes with --counts");
  try {
    const result = await estimateFromTable({
      file: table,
      treatment,
      control: text("control") ?? "control",
      outcomes,
      binary,
      counts,
      exposure: exposure ?? null,
      covariates,
      blocks: text("blocks") ?? null,
      subgroups: list(text("subgroups")),
      permutations,
      seed,
      confidence,
      outDir,
      log: (line) => process.stderr.write(line + "\n"),
    });
    process.stderr.write(`effekt estimate: done → ${result}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof StopRun) {
      process.stderr.write(`effekt estimate: stopped\n${error.issues.map(formatIssue).join("\n")}\n`);
      return EXIT_STOPPED;
    }
    process.stderr.write(`effekt estimate: internal error: ${(error as Error).message}\n`);
    if (process.env.EFFEKT_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return EXIT_INTERNAL;
  }
}

async function checkPublishedCommand(positionals: readonly string[], outPath: string | undefined): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) {
    process.stderr.write(`effekt check-published: expected exactly one figures file\n\n${HELP["check-published"]}\n`);
    return EXIT_USAGE;
  }
  let file;
  try {
    const parsed = PublishedFile.safeParse(JSON.parse(await readFile(path, "utf8")));
    if (!parsed.success) {
      process.stderr.write(`effekt check-published: ${path} is not a valid figures file:\n${parsed.error.issues.map((i) => `  ${jsonPath(i.path)}: ${i.message}`).join("\n")}\n`);
      return EXIT_STOPPED;
    }
    file = parsed.data;
  } catch (error) {
    process.stderr.write(`effekt check-published: ${(error as Error).message}\n`);
    return EXIT_STOPPED;
  }
  const report = checkPublished(file);
  const say = (line: string) => process.stdout.write(line + "\n");
  say(`${file.title ?? path} — source: ${file.source}`);
  for (const r of report.results) say(`${r.verdict.toUpperCase().replace("_", " ").padEnd(16)} ${r.label}: ${r.detail}`);
  if (report.sameSample) say(`same sample: ${report.sameSample}`);
  if (outPath) await writeFile(outPath, JSON.stringify({ source: file.source, ...report }, null, 2) + "\n");
  return EXIT_OK;
}

async function projectFilesCommand(files: readonly string[], effectsPath: string | undefined, outDir: string | undefined): Promise<number> {
  if (!outDir) {
    process.stderr.write(`effekt project: --out is required with --assumptions\n\n${HELP.project}\n`);
    return EXIT_USAGE;
  }
  try {
    let effects = null;
    if (effectsPath !== undefined) {
      const parsed = EffectsArtefact.safeParse(JSON.parse(await readFile(effectsPath, "utf8")));
      if (!parsed.success) {
        process.stderr.write(`effekt project: ${effectsPath} is not an effects.json written by effekt estimate\n`);
        return EXIT_STOPPED;
      }
      effects = parsed.data;
    }
    const artefact = await projectFiles("business cases", files.map((f) => resolve(f)), effects);
    const out = join(resolve(outDir), "projection.json");
    await mkdir(resolve(outDir), { recursive: true });
    await writeFile(out, JSON.stringify(artefact, null, 2) + "\n");
    for (const c of artefact.cases) {
      process.stdout.write(`${c.title}\n`);
      for (const p of c.published) {
        const value = p.reproduced === null ? "—" : p.reproduced.toLocaleString("en", { maximumFractionDigits: 2 });
        process.stdout.write(`  ${p.verdict === "reproduced" ? "REPRODUCED" : "DIFFERS   "} ${p.label}: published ${p.published.toLocaleString("en")} ${p.unit}, effekt ${value}\n`);
      }
    }
    process.stderr.write(`effekt project: done → ${relative(process.cwd(), out)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof StopRun) {
      process.stderr.write(`effekt project: stopped\n${error.issues.map(formatIssue).join("\n")}\n`);
      return EXIT_STOPPED;
    }
    throw error;
  }
}

async function settleCommand(positionals: readonly string[], runDir: string | undefined, through: string | undefined): Promise<number> {
  const [specPath, ...extra] = positionals;
  if (specPath === undefined || extra.length > 0 || runDir === undefined || through === undefined) {
    process.stderr.write(`effekt settle: expected one spec file, --run and --through\n\n${HELP.settle}\n`);
    return EXIT_USAGE;
  }
  try {
    const result = await settle({ specPath, runDir, through, log: (line) => process.stderr.write(line + "\n") });
    process.stderr.write(`effekt settle: done → ${result.file}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof StopRun) {
      process.stderr.write(`effekt settle: stopped\n${error.issues.map(formatIssue).join("\n")}\n`);
      return EXIT_STOPPED;
    }
    throw error;
  }
}

async function verifyRunCommand(positionals: readonly string[]): Promise<number> {
  const [dir, ...extra] = positionals;
  if (dir === undefined || extra.length > 0) {
    process.stderr.write(`effekt verify-run: expected exactly one output folder\n\n${HELP["verify-run"]}\n`);
    return EXIT_USAGE;
  }
  try {
    const result = await verifyRun(dir);
    for (const file of result.changed) process.stdout.write(`CHANGED  ${file}\n`);
    for (const file of result.missing) process.stdout.write(`MISSING  ${file}\n`);
    for (const file of result.unrecorded) process.stdout.write(`NOT IN MANIFEST  ${file}\n`);
    process.stdout.write(result.ok && result.unrecorded.length === 0 ? `verified: ${result.checked} files match manifest.json (${result.manifest.createdAt})\n` : "NOT verified\n");
    return result.ok && result.unrecorded.length === 0 ? EXIT_OK : EXIT_STOPPED;
  } catch (error) {
    if (error instanceof StopRun) {
      process.stderr.write(`effekt verify-run: ${error.issues.map(formatIssue).join("\n")}\n`);
      return EXIT_STOPPED;
    }
    throw error;
  }
}

async function designCommand(values: Record<string, string | undefined>): Promise<number> {
  const number = (key: string, fallback: number | null) => (values[key] === undefined ? fallback : Number(values[key]));
  const n = number("n", null);
  const base = number("base", null);
  const target = number("target", null);
  const alpha = number("alpha", 0.05)!;
  const power = number("power", 0.8)!;
  const share = (x: number | null) => x !== null && x > 0 && x < 1;
  if (n === null || !(n >= 2) || !share(base) || (target !== null && !share(target)) || !share(alpha) || !share(power)) {
    process.stderr.write(`effekt design: --n (≥ 2) and --base (a share) are required; --target, --alpha and --power are shares\n\n${HELP.design}\n`);
    return EXIT_USAGE;
  }
  let businessCase = null;
  if (values.case !== undefined) {
    const effect = number("effect", null);
    if (effect === null || !(effect > 0)) {
      process.stderr.write("effekt design: --case needs --effect, the effect its base case assumes\n");
      return EXIT_USAGE;
    }
    try {
      const artefact = await projectFiles("design", [resolve(values.case)], null);
      businessCase = { projection: artefact.cases[0]!, statedEffect: effect };
    } catch (error) {
      if (error instanceof StopRun) {
        process.stderr.write(`effekt design: ${error.issues.map(formatIssue).join("\n")}\n`);
        return EXIT_STOPPED;
      }
      throw error;
    }
  }
  const design = pilotDesign({ n, base: base!, target, alpha, power }, businessCase);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const say = (line: string) => process.stdout.write(line + "\n");
  say(`${n} persons per arm, comparison share ${pct(base!)}, α = ${alpha}, power ${pct(power)}`);
  if (design.powerAtTarget !== null) say(`power to detect ${pct(base!)} → ${pct(target!)}: ${pct(design.powerAtTarget)}; persons per arm needed for ${pct(power)}: ${Math.ceil(design.personsPerArmForTarget!)}`);
  say(`minimum detectable share: ${pct(design.minimumDetectableShare)} (an effect of ${(100 * design.minimumDetectableEffect).toFixed(1)} percentage points)`);
  if (design.breakEven) say(`break-even (${design.breakEven.case}): ${design.breakEven.explanation}`);
  return EXIT_OK;
}
