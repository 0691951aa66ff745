/**
 * npm run attack -- <report dir> [previous report dir]: tries to work out every count of 1 to 4
 * persons from a published report/ folder (src/report/disclosure/attackReport.ts) and exits 1
 * naming each one it finds. The outcomes' kinds (public in the analysis plan) come from the
 * run's ingest.json beside report/, when it is there.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { attackReport, knowledgeOf } from "../src/report/disclosure/attackReport.ts";

const read = (dir: string) => new Map(readdirSync(dir).filter((f) => f.endsWith(".csv")).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
const [dir, previous] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("usage: npm run attack -- <report dir> [previous report dir]\n");
  process.exit(2);
}
// What the analysis plan makes public (which outcomes are binary, their units, the KPIs compared with the control
// arm): read from the run's ingest.json and spec when they lie beside report/.
const run = dirname(dir.replace(/\/+$/, ""));
const readJson = (path: string) => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null);
const ingest = readJson(join(run, "ingest.json"));
const manifest = readJson(join(run, "manifest.json")) as { inputs?: { role: string; path: string }[] } | null;
const specPath = manifest?.inputs?.find((i) => i.role === "spec")?.path;
const spec = specPath === undefined ? null : readJson(join(run, specPath));
const knowledge = ingest ? knowledgeOf(ingest, spec?.kpis ?? []) : {};
const found = attackReport(read(dir), previous ? read(previous) : null, knowledge);
for (const line of found) process.stdout.write(`recovered: ${line}\n`);
process.stdout.write(found.length === 0 ? `attack: nothing recovered from ${dir}\n` : `attack: ${found.length} counts of 1 to 4 recovered from ${dir}\n`);
process.exit(found.length === 0 ? 0 : 1);
