/**
 * npm run bench — the performance figures, as measured, never asserted in tests.
 *
 *   npm run bench                         full size: 50,000 persons × 520 weeks (26 M rows), 1 M-row estimation, RI on 100,000
 *   npm run bench -- --persons 5000       smaller (weeks, rows and RI persons follow the options below)
 *   npm run bench -- --scale 5            5 × the persons, table rows and RI persons (how time and memory grow)
 *   options: --persons N --weeks N --rows N --ri-persons N --permutations N --keep (keep the generated inputs)
 *            --repeat N (each measurement N times, effekt and its peers taking turns; the median run of each is shown)
 *            --json FILE (the rows as { machine, date, rows: [{ stage, effektSeconds, peakMB, peer, peerSeconds, ratio }] })
 *
 * Every input is generated here (seeded) in a temporary folder, removed at the end unless --keep; nothing large is committed.
 * Each measurement runs in a child process of its own, so its peak memory is its own.
 * The same work runs in DuckDB (`npm install --no-save @duckdb/node-api`: the same derivation
 * as ingest, in one SQL statement), pandas + statsmodels (Debian's python3-pandas,
 * python3-statsmodels) and R (data.table, sandwich) when they are installed, and the ratios are
 * printed; a peer that is not installed is skipped with a line saying so. Estimation is timed
 * inside each process on both sides (read, HC2 fit, Lin fit; interpreter start-up excluded).
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { once } from "node:events";

const argument = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

if (process.argv[2] === "--child") await child(process.argv[3]!, process.argv.slice(4));
else await main();

interface Measure {
  ms: number;
  peakMB: number;
  detail?: string;
  /** estimate: the read, the HC2 fit and the Lin fit on their own. */
  parts?: { readMs: number; hc2Ms: number; linMs: number };
}

async function child(task: string, args: string[]): Promise<void> {
  // The estimate's modules are loaded before its clock starts, as the peers load pandas and data.table before theirs.
  const estimateModules =
    task === "estimate"
      ? await Promise.all([import("../pipeline/io/openExtract.ts"), import("../src/estimate/bytes/tableFromBytes.ts"), import("../src/estimate/regressionEstimators.ts"), import("../src/stats/gramThreads.ts"), import("../src/estimate/analysisTable.ts")])
      : null;
  const start = performance.now();
  let detail = "";
  let parts: Measure["parts"];
  let cpu = "";
  if (task === "ingest") {
    const { runStage } = await import("../pipeline/run.ts");
    await runStage("ingest", { specPath: args[0]!, outDir: args[1]!, log: () => {} });
  } else if (task === "duckdb") {
    // Optional peer: `npm install --no-save @duckdb/node-api` to include it.
    const name = "@duckdb/node-api";
    let duckdb: { DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<{ runAndReadAll(sql: string): Promise<{ getRows(): unknown[] }> }> }> } };
    try {
      duckdb = (await import(name)) as typeof duckdb;
    } catch {
      process.stdout.write(JSON.stringify({ missing: true }) + "\n");
      return;
    }
    const { DuckDBInstance } = duckdb;
    const db = await DuckDBInstance.create(":memory:");
    const connection = await db.connect();
    const result = await connection.runAndReadAll(duckdbDerivation(args[0]!, args[1] as "long" | "wide"));
    const [row] = result.getRows() as unknown[][];
    // Sums over the observed values, and how many are not observed, in effekt's order and form.
    const names = ["support_36m", "selfsupport_24", "flex_24m", "hours_24m", "admission_days_24m", "social_24m", "convictions_24m"];
    const value = (v: unknown) => Number(Number(v ?? 0).toFixed(6));
    detail = `${row![0]} persons; sums over observed values: ${names.map((name, k) => `${name} ${value(row![1 + 2 * k])}${Number(row![2 + 2 * k]) > 0 ? ` (${row![2 + 2 * k]} not observed)` : ""}`).join(", ")}`;
  } else if (task === "estimate") {
    // The table as `effekt estimate --table` reads it: from the bytes when the byte reader takes it.
    const [{ openExtract }, { tableFromBytes }, { regressionEstimate }, { warmStripeThreads }, { unitsWith, valuesOf }] = estimateModules!;
    const cpuMs = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000;
    const cpuStart = cpuMs();
    const opened = await openExtract(args[0]!, "table", { dialect: {} });
    // As estimate --table does for a large table: the fit's threads start while it is read.
    warmStripeThreads();
    const iterator = opened.rows[Symbol.asyncIterator]();
    const first = await iterator.next();
    await iterator.return?.();
    const headerRow = (Array.isArray(first.value) ? first.value[0] : first.value) as { line: number; fields: string[] };
    const header = headerRow.fields.map((f) => f.trim());
    const covariates = header.filter((h) => h.startsWith("x"));
    const table = await tableFromBytes(header, headerRow.line, opened.bytes!, opened.dialect.delimiter, { file: "t", decimal: ".", treatment: "arm", blocks: null, numeric: ["y", ...covariates], binary: [], counts: [], subgroups: [] }, { path: opened.bytesPath, size: opened.bytesSize });
    if (!table) throw new Error("bench: the byte reader declined the generated table");
    const readMs = performance.now() - start;
    const readCpuMs = cpuMs() - cpuStart;
    // The contrast as estimateEffects builds it for the adjusted estimators (unitsWith, valuesOf), timed with the fit.
    const fitStart = performance.now();
    const fitCpuStart = cpuMs();
    const units = unitsWith(table, ["treatment", "control"], ["y", ...covariates]);
    const data = { outcome: "y", contrast: "treatment vs control", units, z: units.map((i) => Number(table.arm[i] === "treatment")), y: valuesOf(table, "y", units), confidence: 0.95 };
    const columns = covariates.map((name) => ({ name, values: valuesOf(table, name, units) }));
    const adjusted = regressionEstimate(data, "ols_adjusted", columns);
    const fitMs = performance.now() - fitStart;
    const fitCpuMs = cpuMs() - fitCpuStart;
    const linStart = performance.now();
    regressionEstimate(data, "lin", columns);
    parts = { readMs, hc2Ms: fitMs, linMs: performance.now() - linStart };
    cpu = `; CPU (user + sys, every thread) read ${readCpuMs.toFixed(0)} ms, HC2 ${fitCpuMs.toFixed(0)} ms`;
    detail = `read ${readMs.toFixed(0)} ms, HC2 ${fitMs.toFixed(0)} ms, Lin ${parts.linMs.toFixed(0)} ms${cpu}; estimate ${adjusted.estimate?.toFixed(6)} SE ${adjusted.std_error?.toFixed(6)}`;
  } else if (task === "ri") {
    const { randomizationInference } = await import("../src/estimate/randomizationInference.ts");
    const { seededRandom } = await import("../src/shared/random.ts");
    const n = Number(args[0]);
    const random = seededRandom(3);
    const z = Array.from({ length: n }, (_, i) => i % 2);
    const y = z.map((t) => t * 0.02 + random.next());
    const r = randomizationInference({ outcome: "y", contrast: "t vs c", units: z.map((_, i) => i), z, y, confidence: 0.95 }, null, null, Number(args[1]), 1);
    detail = `p = ${r.p_value} (${(await import("node:os")).availableParallelism()} threads available)`;
  }
  const peakMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms: performance.now() - start, peakMB, detail, ...(parts ? { parts } : {}) }) + "\n");
}

/**
 * Each task `repeat` times, the tasks taking turns (effekt, then its peers, then effekt again …), so a
 * machine that slows down for a while slows every side alike; a task that is skipped or fails adds no run.
 */
function rounds(repeat: number, ...tasks: (() => Measure | null)[]): Measure[][] {
  const runs = tasks.map(() => [] as Measure[]);
  for (let round = 0; round < repeat; round += 1) {
    tasks.forEach((task, i) => {
      const measured = task();
      if (measured) runs[i]!.push(measured);
    });
  }
  return runs;
}

/** The run with the median time (the lower of the two middle ones for an even count), or null for none. */
function medianRun(runs: readonly Measure[]): Measure | null {
  if (runs.length === 0) return null;
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)]!;
}

function measure(task: string, args: string[]): Measure | null {
  const result = spawnSync(process.execPath, ["bin/run-ts.js", "scripts/bench.ts", "--child", task, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (result.status !== 0) {
    process.stderr.write(`bench: ${task} failed: ${result.stderr.slice(-2000)}\n`);
    return null;
  }
  const parsed = JSON.parse(result.stdout.trim().split("\n").at(-1)!);
  return parsed.missing ? null : parsed;
}

function external(command: string, args: string[]): Measure | null {
  if (!existsSync(command)) return null;
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 24 });
  if (result.status !== 0) {
    process.stderr.write(`bench: ${command} failed: ${result.stderr.slice(-800)}\n`);
    return null;
  }
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  const reported = /peakMB=([\d.]+)/.exec(last);
  // The peers time their read, HC2 and Lin fits in-process (start-up excluded), as effekt's child does.
  const timed = /read=([\d.]+) hc2=([\d.]+) lin=([\d.]+)/.exec(last);
  const parts = timed ? { readMs: 1000 * Number(timed[1]), hc2Ms: 1000 * Number(timed[2]), linMs: 1000 * Number(timed[3]) } : undefined;
  return { ms: performance.now() - start, peakMB: reported ? Number(reported[1]) : NaN, detail: last, ...(parts ? { parts } : {}) };
}

async function writeLines(path: string, header: string, count: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  out.write(header + "\n");
  let buffer = "";
  for (let i = 0; i < count; i += 1) {
    buffer += line(i) + "\n";
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.write(buffer);
  out.end();
  await once(out, "finish");
}

async function main(): Promise<void> {
  const scale = argument("scale", 1);
  const persons = argument("persons", 50_000 * scale);
  const weeks = argument("weeks", 520);
  const tableRows = argument("rows", 1_000_000 * scale);
  const riPersons = argument("ri-persons", 100_000 * scale);
  const permutations = argument("permutations", 10_000);
  const repeat = Math.max(1, Math.floor(argument("repeat", 1)));
  const dir = mkdtempSync(join(tmpdir(), "effekt-bench-"));
  // The generated inputs (hundreds of MB at full size) are removed at the end, also when a step fails; --keep keeps them.
  const keep = process.argv.includes("--keep");
  if (!keep) {
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
    process.on("SIGINT", () => process.exit(130));
  }
  console.log(`effekt bench — ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(`inputs in ${dir}: ${persons.toLocaleString("en")} persons × ${weeks} weeks; estimation table ${tableRows.toLocaleString("en")} rows; RI on ${riPersons.toLocaleString("en")} persons × ${permutations.toLocaleString("en")} draws${repeat > 1 ? `; each measurement ${repeat} times, effekt and its peers taking turns, the median shown` : ""}\n`);

  // 1. Seeded synthetic register extracts.
  const generationStart = performance.now();
  const id = (i: number) => `P${String(i).padStart(7, "0")}`;
  const firstMonday = Date.UTC(2015, 0, 5) / 86_400_000;
  const isoWeek = (w: number) => {
    const d = new Date((firstMonday + 7 * w + 3) * 86_400_000);
    const year = d.getUTCFullYear();
    const jan4 = Date.UTC(year, 0, 4) / 86_400_000;
    const jan4Monday = jan4 - ((new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7);
    return `${year}-W${String(Math.floor((firstMonday + 7 * w - jan4Monday) / 7) + 1).padStart(2, "0")}`;
  };
  const weekText = Array.from({ length: weeks }, (_, w) => isoWeek(w));
  const codes = ["134", "134", "130", "651", "521", "890"];
  const codeOf = (i: number, w: number) => ((i * 7919 + w * 104729) % 10 < 6 ? codes[(i + w) % codes.length]! : "");
  const startOf = (i: number) => new Date((firstMonday + 7 * (104 + (i % 200))) * 86_400_000).toISOString().slice(0, 10);
  await writeLines(join(dir, "population.csv"), "id,birth,sex,start", persons, (i) => `${id(i)},1995-01-01,${i % 2 ? "K" : "M"},${startOf(i)}`);
  const longRows = persons * weeks;
  await writeLines(join(dir, "benefits_long.csv"), "person,week,code", longRows, (k) => {
    const i = Math.floor(k / weeks);
    const w = k % weeks;
    return `${id(i)},${weekText[w]},${codeOf(i, w) || "134"}`;
  });
  await writeLines(join(dir, "benefits_wide.csv"), ["person", ...weekText.map((w) => `y_${w.slice(2, 4)}${w.slice(6)}`)].join(","), persons, (i) => [id(i), ...weekText.map((_, w) => codeOf(i, w) || "134")].join(","));
  await writeLines(join(dir, "hours.csv"), "id,month,hours", persons * 12, (k) => `${id(Math.floor(k / 12))},2019-${String((k % 12) + 1).padStart(2, "0")},${(k % 160) + 0.5}`);
  await writeLines(join(dir, "psych.csv"), "id,type,start,end", persons * 3, (k) => `${id(Math.floor(k / 3))},${["admission", "emergency", "outpatient"][k % 3]},2018-0${(k % 9) + 1}-10,2018-0${(k % 9) + 1}-1${k % 3 === 0 ? 8 : 0}`);
  await writeLines(join(dir, "social.csv"), "id,month,kr", persons * 12, (k) => `${id(Math.floor(k / 12))},2019-${String((k % 12) + 1).padStart(2, "0")},${(k % 5000) + 0.25}`);
  await writeLines(join(dir, "convictions.csv"), "id,date", Math.floor(persons / 3), (k) => `${id(k * 3)},2019-06-0${(k % 9) + 1}`);
  writeFileSync(join(dir, "codes.csv"), "code,group,label\n134,public_support,x\n130,public_support,x\n651,su,x\n521,flex_job,x\n890,public_support,x\n");
  const extractsCommon = {
    population: { kind: "population", file: "population.csv", columns: { personId: "id", birthDate: "birth", sex: { column: "sex", values: { K: "female", M: "male" } }, startDate: "start" } },
    hours: { kind: "paid_hours_monthly", file: "hours.csv", columns: { personId: "id", hours: "hours" } },
    psych: { kind: "psychiatric_contacts", file: "psych.csv", columns: { personId: "id", contactType: "type", startDate: "start", endDate: "end" } },
    social: { kind: "social_services_monthly", file: "social.csv", columns: { personId: "id", costKr: "kr" } },
    convictions: { kind: "convictions", file: "convictions.csv", columns: { personId: "id" } },
  };
  const outcomes = [
    { id: "support_36m", kind: "days_on_public_support", windowMonths: 36 },
    { id: "selfsupport_24", kind: "self_supporting_at_month", atMonth: 24 },
    { id: "flex_24m", kind: "flex_job", windowMonths: 24 },
    { id: "hours_24m", kind: "paid_hours", windowMonths: 24 },
    { id: "admission_days_24m", kind: "psychiatric", contactType: "admission", measure: "days", windowMonths: 24 },
    { id: "social_24m", kind: "social_services_kr", windowMonths: 24 },
    { id: "convictions_24m", kind: "convictions_per_person_year", windowMonths: 24 },
  ];
  for (const layout of ["long", "wide"] as const) {
    const benefits = layout === "long" ? { kind: "benefit_weeks_long", file: "benefits_long.csv", columns: { personId: "person" } } : { kind: "benefit_weeks_wide", file: "benefits_wide.csv", columns: { personId: "person" } };
    writeFileSync(
      join(dir, `spec-${layout}.json`),
      JSON.stringify({
        name: `bench-${layout}`,
        asOf: "2025-01-01",
        enrolment: { from: "2010-01-01", to: "2030-01-01" },
        extracts: { ...extractsCommon, benefits },
        benefitCodes: { file: "codes.csv" },
        quarantine: { maxShare: 1 },
        outcomes,
        covariates: [{ id: "before", kind: "public_support_weeks_before_start", weeks: 52 }],
      }),
    );
  }
  const columns = Array.from({ length: 8 }, (_, j) => `x${j + 1}`);
  await writeLines(join(dir, "table.csv"), ["arm", "y", ...columns].join(","), tableRows, (i) => {
    const xs = columns.map((_, j) => (((i * (j + 3) * 2654435761) % 1000) / 100).toFixed(2));
    const arm = i % 2 === 0 ? "treatment" : "control";
    const y = (Number(xs[0]) * 0.5 + Number(xs[1]) - (arm === "treatment" ? 0.3 : 0) + ((i * 40503) % 997) / 100).toFixed(3);
    return [arm, y, ...xs].join(",");
  });
  const generationMs = performance.now() - generationStart;
  const size = (file: string) => statSync(join(dir, file)).size / 2 ** 20;
  console.log(`generated in ${(generationMs / 1000).toFixed(1)} s: long ${size("benefits_long.csv").toFixed(0)} MB, wide ${size("benefits_wide.csv").toFixed(0)} MB, table ${size("table.csv").toFixed(0)} MB\n`);

  // 2. The measurements. A peer that is not installed is skipped, with a line saying so.
  const skipped: string[] = [];
  const rows: string[][] = [];
  const row = (stage: string, m: Measure | null, work: number, unit: string, mb: number, peer: string, p: Measure | null) =>
    rows.push([
      stage,
      m ? (m.ms / 1000).toFixed(2) : "failed",
      m ? `${Math.round(work / (m.ms / 1000)).toLocaleString("en")} ${unit}/s` : "",
      m && mb > 0 ? `${(mb / (m.ms / 1000)).toFixed(0)} MB/s` : "",
      m ? m.peakMB.toFixed(0) : "",
      peer,
      p ? (p.ms / 1000).toFixed(2) : peer ? "skipped" : "",
      m && p ? (m.ms / p.ms).toFixed(2) + "×" : "",
    ]);
  const otherRows = persons * (1 + 12 + 3 + 12) + Math.floor(persons / 3);
  const [longRuns = [], duckLongRuns = []] = rounds(repeat, () => measure("ingest", [join(dir, "spec-long.json"), join(dir, "out-long")]), () => measure("duckdb", [dir, "long"]));
  const longMeasure = medianRun(longRuns);
  const effektSums = longMeasure ? outcomeSums(join(dir, "out-long", "work", "outcomes.csv")) : "";
  const duckLong = medianRun(duckLongRuns);
  if (!duckLong) skipped.push("DuckDB: not installed (npm install --no-save @duckdb/node-api) — its ingest rows are skipped");
  const duckLabel = "DuckDB, the same derivation in SQL";
  row(`ingest + derive, long (${(longRows / 1e6).toFixed(1)} M rows + ${(otherRows / 1e6).toFixed(1)} M other)`, longMeasure, longRows + otherRows, "rows", size("benefits_long.csv"), duckLabel, duckLong);
  const [wideRuns = [], duckWideRuns = []] = rounds(repeat, () => measure("ingest", [join(dir, "spec-wide.json"), join(dir, "out-wide")]), () => (duckLong ? measure("duckdb", [dir, "wide"]) : null));
  const wideMeasure = medianRun(wideRuns);
  const effektWideSums = wideMeasure ? outcomeSums(join(dir, "out-wide", "work", "outcomes.csv")) : "";
  const duckWide = medianRun(duckWideRuns);
  row(`ingest + derive, wide (${persons.toLocaleString("en")} rows × ${weeks} weeks)`, wideMeasure, longRows + otherRows, "cells", size("benefits_wide.csv"), duckLabel, duckWide);

  writeFileSync(
    join(dir, "fit.py"),
    [
      "import sys, time, resource",
      "import pandas as pd, numpy as np, statsmodels.api as sm",
      "t0 = time.perf_counter(); c0 = time.process_time()",
      "d = pd.read_csv(sys.argv[1])",
      "d['z'] = (d['arm'] == 'treatment').astype(float)",
      "t1 = time.perf_counter()",
      "xs = ['x%d' % j for j in range(1, 9)]",
      "m = sm.OLS(d['y'], sm.add_constant(d[['z'] + xs])).fit(cov_type='HC2')",
      "t2 = time.perf_counter(); c2 = time.process_time()",
      "c = d[xs] - d[xs].mean()",
      "lin = pd.concat([d[['z']], c, c.mul(d['z'], axis=0).add_prefix('z:')], axis=1)",
      "ml = sm.OLS(d['y'], sm.add_constant(lin)).fit(cov_type='HC2')",
      "t3 = time.perf_counter()",
      "print('read=%.3f hc2=%.3f lin=%.3f' % (t1 - t0, t2 - t1, t3 - t2), 'CPU (user + sys, every thread) read + HC2 %.3f s' % (c2 - c0), 'estimate', m.params['z'], 'SE', m.bse['z'], 'Lin', ml.params['z'], 'SE', ml.bse['z'], 'peakMB=%.0f' % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))",
    ].join("\n") + "\n",
  );
  writeFileSync(
    join(dir, "fit.R"),
    [
      "suppressMessages({library(data.table); library(sandwich)})",
      "t0 <- proc.time()[['elapsed']]",
      "d <- fread(commandArgs(TRUE)[1])",
      "d[, z := as.integer(arm == 'treatment')]",
      "t1 <- proc.time()[['elapsed']]",
      "xs <- paste0('x', 1:8)",
      "m <- lm(as.formula(paste('y ~ z +', paste(xs, collapse = ' + '))), data = d)",
      "se <- sqrt(vcovHC(m, type = 'HC2')['z', 'z'])",
      "t2 <- proc.time()[['elapsed']]",
      "for (x in xs) set(d, j = paste0('c', x), value = d[[x]] - mean(d[[x]]))",
      "ml <- lm(as.formula(paste('y ~ z * (', paste0('c', xs, collapse = ' + '), ')')), data = d)",
      "sel <- sqrt(vcovHC(ml, type = 'HC2')['z', 'z'])",
      "t3 <- proc.time()[['elapsed']]",
      "cat(sprintf('read=%.3f hc2=%.3f lin=%.3f', t1 - t0, t2 - t1, t3 - t2), 'estimate', coef(m)[['z']], 'SE', se, 'Lin', coef(ml)[['z']], 'SE', sel, sprintf('peakMB=%.0f', as.numeric(system(paste('ps -o rss= -p', Sys.getpid()), intern = TRUE)) / 1024), '\\n')",
    ].join("\n") + "\n",
  );
  const [estimateRuns = [], pandasRuns = [], rRuns = []] = rounds(
    repeat,
    () => measure("estimate", [join(dir, "table.csv")]),
    () => external("/usr/bin/python3", [join(dir, "fit.py"), join(dir, "table.csv")]),
    () => external("/usr/bin/Rscript", [join(dir, "fit.R"), join(dir, "table.csv")]),
  );
  const [estimate, pandas, r] = [medianRun(estimateRuns), medianRun(pandasRuns), medianRun(rRuns)];
  if (!pandas) skipped.push("pandas + statsmodels: not installed (apt-get install -y python3-pandas python3-statsmodels) — skipped");
  if (!r) skipped.push("R: Rscript with data.table and sandwich not found (apt-get install -y r-cran-data.table r-cran-sandwich) — skipped");
  // Read + HC2 and read + Lin, each the median over the runs of its own sum.
  const partOf = (runs: readonly Measure[], part: "hc2" | "lin"): Measure | null => medianRun(runs.flatMap((m) => (m.parts ? [{ ms: m.parts.readMs + (part === "hc2" ? m.parts.hc2Ms : m.parts.linMs), peakMB: m.peakMB }] : [])));
  const effektHc2 = partOf(estimateRuns, "hc2");
  const effektLin = partOf(estimateRuns, "lin");
  const table = `${(tableRows / 1e6).toFixed(1)} M rows, 8 covariates`;
  row(`read + OLS HC2 (${table})`, effektHc2, tableRows, "rows", size("table.csv"), "pandas + statsmodels, read + HC2", partOf(pandasRuns, "hc2"));
  row("  same", effektHc2, tableRows, "rows", size("table.csv"), "R fread + lm + sandwich, read + HC2", partOf(rRuns, "hc2"));
  row(`read + Lin HC2 (${table})`, effektLin, tableRows, "rows", size("table.csv"), "pandas + statsmodels, read + Lin", partOf(pandasRuns, "lin"));
  row("  same", effektLin, tableRows, "rows", size("table.csv"), "R fread + lm + sandwich, read + Lin", partOf(rRuns, "lin"));
  row("  same", effektLin, tableRows, "rows", size("table.csv"), "pandas + statsmodels, read + HC2 (the target's yardstick)", partOf(pandasRuns, "hc2"));
  const [riRuns = []] = rounds(repeat, () => measure("ri", [String(riPersons), String(permutations)]));
  const ri = medianRun(riRuns);
  row(`randomisation inference (${riPersons.toLocaleString("en")} persons × ${permutations.toLocaleString("en")})`, ri, permutations, "draws", 0, "", null);

  const header = ["stage", "effekt s", "throughput", "MB/s", "peak MB", "peer", "peer s", "effekt ÷ peer"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const print = (cells: string[]) => console.log(cells.map((c, i) => c.padEnd(widths[i]!)).join("  "));
  print(header);
  print(widths.map((w) => "-".repeat(w)));
  for (const r of rows) print(r);
  console.log("");
  for (const line of skipped) console.log(`skipped: ${line}`);
  if (effektSums) console.log(`effekt ingest (long), sums over observed values: ${effektSums}`);
  if (effektWideSums) console.log(`effekt ingest (wide), sums over observed values: ${effektWideSums}`);
  // The peer's row counts only when it derived the same outcomes: its sums must equal effekt's.
  const sumsOf = (m: Measure | null) => m?.detail?.split("sums over observed values: ")[1] ?? null;
  for (const [layout, ours, theirs] of [["long", effektSums, sumsOf(duckLong)], ["wide", effektWideSums, sumsOf(duckWide)]] as const) {
    if (ours && theirs) console.log(`effekt and DuckDB (${layout}): ${ours === theirs ? "the same sums over observed values, and the same persons not observed" : "THE SUMS DIFFER — the peer's derivation is not the same"}`);
  }
  for (const [name, m] of [["DuckDB (long)", duckLong], ["DuckDB (wide)", duckWide], ["effekt estimate", estimate], ["pandas", pandas], ["R", r], ["RI", ri]] as const) if (m?.detail) console.log(`${name}: ${m.detail}`);
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(", ")} (${cpus().length} cores)`);

  // --json FILE: the rows in one shape, one per stage and peer (estimate_hc2 = read + HC2; estimate_lin = read + Lin).
  const jsonAt = process.argv.indexOf("--json");
  if (jsonAt > 0) {
    const seconds = (ms: number | undefined) => (ms === undefined ? null : Number((ms / 1000).toFixed(3)));
    const entry = (stage: string, effekt: Measure | null, peer: string | null, peerMeasure: Measure | null) => ({
      stage,
      effektSeconds: seconds(effekt?.ms),
      peakMB: effekt ? Math.round(effekt.peakMB) : null,
      peer,
      peerSeconds: peerMeasure ? seconds(peerMeasure.ms) : null,
      ratio: effekt && peerMeasure ? Number((effekt.ms / peerMeasure.ms).toFixed(3)) : null,
    });
    const json = {
      repeat,
      machine: `${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(", ")} at the end`,
      date: new Date().toISOString().slice(0, 10),
      scale,
      rows: [
        entry("ingest_long", longMeasure, `${duckLabel} (peak ${duckLong ? Math.round(duckLong.peakMB) : "?"} MB)`, duckLong),
        entry("ingest_wide", wideMeasure, `${duckLabel} (peak ${duckWide ? Math.round(duckWide.peakMB) : "?"} MB)`, duckWide),
        entry("estimate_hc2", effektHc2, "pandas + statsmodels (read + HC2)", partOf(pandasRuns, "hc2")),
        entry("estimate_hc2", effektHc2, "R fread + lm + sandwich (read + HC2)", partOf(rRuns, "hc2")),
        entry("estimate_lin", effektLin, "pandas + statsmodels (read + Lin)", partOf(pandasRuns, "lin")),
        entry("estimate_lin", effektLin, "R fread + lm + sandwich (read + Lin)", partOf(rRuns, "lin")),
        entry("estimate_lin", effektLin, "pandas + statsmodels (read + HC2)", partOf(pandasRuns, "hc2")),
        entry("ri", ri, null, null),
      ],
    };
    writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify(json, null, 2) + "\n");
    console.log(`\nwritten: ${process.argv[jsonAt + 1]}`);
  }
  console.log(`\ntargets (issue #19): ingest ≤ 1.0 × DuckDB and < 1 GB peak; read + HC2 ≤ 0.5 × pandas + statsmodels and ≤ 0.5 × R; read + Lin ≤ pandas' read + HC2; RI ≤ 4 s`);
}

/** Sums of ingest's outcome columns over their observed (non-empty) values, to set beside DuckDB's. */
function outcomeSums(path: string): string {
  const lines = readFileSync(path, "utf8").trim().split("\n");
  const header = lines[0]!.split(",");
  const wanted = ["support_36m", "selfsupport_24", "flex_24m", "hours_24m", "admission_days_24m", "social_24m", "convictions_24m"];
  const sums = new Map(wanted.map((w) => [w, { sum: 0, missing: 0 }]));
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    header.forEach((name, i) => {
      const s = sums.get(name);
      if (!s) return;
      if (cells[i] === "" || cells[i] === undefined) s.missing += 1;
      else s.sum += Number(cells[i]);
    });
  }
  return wanted.map((w) => `${w} ${Number(sums.get(w)!.sum.toFixed(6))}${sums.get(w)!.missing ? ` (${sums.get(w)!.missing} not observed)` : ""}`).join(", ");
}

/**
 * The derivation ingest does, in one DuckDB statement over the generated files: every column read as
 * VARCHAR (codes keep leading zeros), the same code → group table, ISO weeks to their Monday, windows
 * from each person's start date (a week counts when its Monday lies in [start, start + months), a month
 * when its first day does; month arithmetic clamped to the month's end, as DuckDB's INTERVAL and
 * effekt's addMonths both do), and the same outcomes and covariate; the wide layout unpivoted first.
 * Censoring as effekt's evidence rule: a window that ends after its extract's coverage (the last day
 * its rows reach) is not observed (NULL), and the conviction rate is over the years the extract covers.
 * The bench prints whether the sums and the persons not observed equal effekt's. What it leaves out:
 * effekt's checks of each row (quarantine of bad rows, repeats and conflicts, the rows that flag a window).
 */
function duckdbDerivation(dir: string, layout: "long" | "wide"): string {
  const csv = (file: string, columns: string[]) => `read_csv('${join(dir, file)}', header = true, columns = {${columns.map((c) => `'${c}': 'VARCHAR'`).join(", ")}})`;
  return `
with pop as (
  select id, cast(start as date) as start, cast(cast(start as date) + interval 24 month as date) as at24
  from ${csv("population.csv", ["id", "birth", "sex", "start"])}
), codes as (
  select code, "group" as grp from ${csv("codes.csv", ["code", "group", "label"])}
), weeks as (${
    layout === "long"
      ? `
  select b.person, c.grp, make_date(cast(substr(b.week, 1, 4) as integer), 1, 4) as jan4, cast(substr(b.week, 7, 2) as integer) as w
  from ${csv("benefits_long.csv", ["person", "week", "code"])} b left join codes c on c.code = b.code`
      : `
  select u.person, c.grp, make_date(2000 + cast(substr(u.name, 3, 2) as integer), 1, 4) as jan4, cast(substr(u.name, 5, 2) as integer) as w
  from (unpivot (select * from read_csv('${join(dir, "benefits_wide.csv")}', header = true, all_varchar = true)) on columns(* exclude (person)) into name name value code) u
  left join codes c on c.code = u.code where u.code <> ''`
  }
), dated as (
  select person, grp, cast(jan4 - (isodow(jan4) - 1) * interval 1 day + (w - 1) * interval 7 day as date) as monday from weeks
), benefit as (
  select p.id,
    7 * count(*) filter (where d.grp = 'public_support' and d.monday >= p.start and d.monday < p.start + interval 36 month) as support_36m,
    1 - coalesce(max(case when d.monday = cast(p.at24 - (isodow(p.at24) - 1) * interval 1 day as date) and coalesce(d.grp, 'self_supporting') <> 'self_supporting' then 1 else 0 end), 0) as selfsupport_24,
    coalesce(max(case when d.grp = 'flex_job' and d.monday >= p.start and d.monday < p.start + interval 24 month then 1 else 0 end), 0) as flex_24m,
    count(*) filter (where d.grp = 'public_support' and d.monday >= p.start - interval 364 day and d.monday < p.start) as before
  from pop p left join dated d on d.person = p.id group by p.id
), hours_rows as (
  select id, cast(month || '-01' as date) as month, cast(hours as double) as hours from ${csv("hours.csv", ["id", "month", "hours"])}
), hours as (
  -- Observed when the window ends within the extract's coverage (the last day of its last month), as effekt's evidence rule.
  select p.id, case when cast(p.start + interval 24 month as date) <= (select last_day(max(month)) + 1 from hours_rows)
    then coalesce(sum(h.hours) filter (where h.month >= p.start and h.month < p.start + interval 24 month), 0) end as hours_24m
  from pop p left join hours_rows h on h.id = p.id group by p.id, p.start
), social_rows as (
  select id, cast(month || '-01' as date) as month, cast(kr as double) as kr from ${csv("social.csv", ["id", "month", "kr"])}
), social as (
  select p.id, case when cast(p.start + interval 24 month as date) <= (select last_day(max(month)) + 1 from social_rows)
    then coalesce(sum(s.kr) filter (where s.month >= p.start and s.month < p.start + interval 24 month), 0) end as social_24m
  from pop p left join social_rows s on s.id = p.id group by p.id, p.start
), psych_rows as (
  select id, type, cast(start as date) as start, cast("end" as date) as stop from ${csv("psych.csv", ["id", "type", "start", "end"])}
), psych as (
  -- Coverage: the last day any contact reaches (its end, or its start when open).
  select p.id, case when cast(p.start + interval 24 month as date) <= (select max(greatest(start, coalesce(stop, start))) + 1 from psych_rows)
    then coalesce(sum(greatest(0, date_diff('day', greatest(c.start, p.start), least(c.stop, cast(p.start + interval 24 month as date))))) filter (where c.type = 'admission'), 0) end as admission_days_24m
  from pop p left join psych_rows c on c.id = p.id group by p.id, p.start
), conviction_rows as (
  select id, cast(date as date) as date from ${csv("convictions.csv", ["id", "date"])}
), convictions as (
  -- A rate over the years observed: the window cut at the extract's last day; censored with none.
  select p.id, least(cast(p.start + interval 24 month as date), (select max(date) + 1 from conviction_rows)) as stop,
    count(v.date) filter (where v.date >= p.start and v.date < least(cast(p.start + interval 24 month as date), (select max(date) + 1 from conviction_rows))) as convictions
  from pop p left join conviction_rows v on v.id = p.id group by p.id, p.start
), outcomes as (
  select b.*, h.hours_24m, s.social_24m, c.admission_days_24m,
    case when v.stop > p.start then v.convictions / (date_diff('day', p.start, v.stop) / 365.25) end as convictions_24m
  from benefit b join pop p on p.id = b.id left join hours h on h.id = b.id left join social s on s.id = b.id left join psych c on c.id = b.id left join convictions v on v.id = b.id
)
select count(*),
  sum(support_36m), count(*) - count(support_36m), sum(selfsupport_24), count(*) - count(selfsupport_24), sum(flex_24m), count(*) - count(flex_24m),
  round(sum(hours_24m), 2), count(*) - count(hours_24m), sum(admission_days_24m), count(*) - count(admission_days_24m),
  round(sum(social_24m), 2), count(*) - count(social_24m), sum(convictions_24m), count(*) - count(convictions_24m)
from outcomes`;
}
