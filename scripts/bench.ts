/**
 * npm run bench — prints timings; never asserts them (targets belong here, not in tests).
 *
 * 1. The shipped example end to end (median of 3 runs).
 * 2. Ingest of a synthetic long-layout benefit extract of --rows rows (default 1,000,000).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runPipeline } from "../pipeline/run.ts";

const rowsArg = process.argv.indexOf("--rows");
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
const log = () => {};

async function timed(label: string, task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(48)} ${ms.toFixed(0).padStart(8)} ms   rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  return ms;
}

const times: number[] = [];
for (let i = 0; i < 3; i += 1) {
  times.push(await timed(`example end to end, run ${i + 1}`, () => runPipeline({ specPath: "fixtures/ungifokus/spec.json", outDir: mkdtempSync(join(tmpdir(), "effekt-bench-")), log })));
}
console.log(`${"example end to end, median".padEnd(48)} ${times.sort((a, b) => a - b)[1]!.toFixed(0).padStart(8)} ms`);

const dir = mkdtempSync(join(tmpdir(), "effekt-bench-"));
const persons = Math.ceil(ROWS / 200);
const population = ["id;birth;sex;start", ...Array.from({ length: persons }, (_, i) => `P${i};1999-01-01;K;2022-01-03`)].join("\n") + "\n";
writeFileSync(join(dir, "population.csv"), population);
const lines = ["id;week;code"];
for (let i = 0; i < ROWS; i += 1) {
  const week = i % 200;
  lines.push(`P${Math.floor(i / 200)};${2022 + Math.floor(week / 52)}-W${String((week % 52) + 1).padStart(2, "0")};134`);
}
writeFileSync(join(dir, "benefits.csv"), lines.join("\n") + "\n");
writeFileSync(join(dir, "codes.csv"), "code,group,label\n134,public_support,Uddannelseshjælp\n");
writeFileSync(
  join(dir, "spec.json"),
  JSON.stringify({
    name: "bench",
    asOf: "2026-01-01",
    enrolment: { from: "2021-01-01", to: "2025-12-31" },
    extracts: {
      population: { kind: "population", file: "population.csv", columns: { personId: "id", birthDate: "birth", sex: { column: "sex", values: { K: "female", M: "male" } }, startDate: "start" } },
      benefits: { kind: "benefit_weeks_long", file: "benefits.csv", columns: { personId: "id" } },
    },
    benefitCodes: { file: "codes.csv" },
    outcomes: [{ id: "days", kind: "days_on_public_support", windowMonths: 36 }],
  }),
);
const ms = await timed(`ingest ${ROWS.toLocaleString("en")} long benefit rows, ${persons} persons`, () => runPipeline({ specPath: join(dir, "spec.json"), outDir: join(dir, "out"), log }));
console.log(`${"  throughput".padEnd(48)} ${Math.round(ROWS / (ms / 1000)).toLocaleString("en").padStart(8)} rows/s`);
