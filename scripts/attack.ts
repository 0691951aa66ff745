/**
 * npm run attack -- <report dir> [previous report dir]: tries to work out every count of 1 to 4
 * persons from a published report/ folder (src/report/disclosure/attackReport.ts) and exits 1
 * naming each one it finds.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { attackReport } from "../src/report/disclosure/attackReport.ts";

const read = (dir: string) => new Map(readdirSync(dir).filter((f) => f.endsWith(".csv")).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
const [dir, previous] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("usage: npm run attack -- <report dir> [previous report dir]\n");
  process.exit(2);
}
const found = attackReport(read(dir), previous ? read(previous) : null);
for (const line of found) process.stdout.write(`recovered: ${line}\n`);
process.stdout.write(found.length === 0 ? `attack: nothing recovered from ${dir}\n` : `attack: ${found.length} counts of 1 to 4 recovered from ${dir}\n`);
process.exit(found.length === 0 ? 0 : 1);
