/**
 * npm run attack -- <report dir> [previous report dir]: tries to work out every count of 1 to 4
 * persons from a published report/ folder (src/report/disclosure/attackReport.ts) and exits 1
 * naming each one it finds. The outcomes' kinds (public in the analysis plan) come from the
 * run's ingest.json beside report/, when it is there.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { attackReport } from "../src/report/disclosure/attackReport.ts";

const read = (dir: string) => new Map(readdirSync(dir).filter((f) => f.endsWith(".csv")).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
const [dir, previous] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("usage: npm run attack -- <report dir> [previous report dir]\n");
  process.exit(2);
}
// Which outcomes are binary is public (the analysis plan); read it from the run's ingest.json when it lies beside report/.
const ingest = join(dirname(dir.replace(/\/+$/, "")), "ingest.json");
const outcomes = existsSync(ingest) ? (JSON.parse(readFileSync(ingest, "utf8")).outcomes as { id: string; label: string; type: string }[]) : null;
const binaryOutcomes = outcomes ? new Set(outcomes.filter((o) => o.type === "binary").flatMap((o) => [o.id, o.label])) : undefined;
const found = attackReport(read(dir), previous ? read(previous) : null, { binaryOutcomes });
for (const line of found) process.stdout.write(`recovered: ${line}\n`);
process.stdout.write(found.length === 0 ? `attack: nothing recovered from ${dir}\n` : `attack: ${found.length} counts of 1 to 4 recovered from ${dir}\n`);
process.exit(found.length === 0 ? 0 : 1);
