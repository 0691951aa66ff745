/**
 * npm run fuzz [-- --cases 100000 --seed 1] — damaged extracts and config files through
 * the loaders; prints the crashes and count mismatches (target: 0 and 0).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileReader } from "./fuzz/readers.ts";
import { checkConfig, checkExtract, damagedExtract, damagedJson } from "./fuzz/harness.ts";
import { seededRandom } from "../src/shared/random.ts";

const argument = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
export async function fuzz(cases: number, seed: number, log: (line: string) => void = console.log) {
  const random = seededRandom(seed);
  const dir = mkdtempSync(join(tmpdir(), "effekt-fuzz-"));
  const chosen = fileReader(join(dir, "a.csv"), "chosen");
  const slow = fileReader(join(dir, "b.csv"), "csv-parse");
  // The same text as UTF-16 (both byte orders) and, every tenth case, as an .xlsx workbook.
  const converted = {
    "utf-16le": fileReader(join(dir, "c.txt"), "chosen", "utf-16le"),
    "utf-16be": fileReader(join(dir, "d.txt"), "chosen", "utf-16be"),
    xlsx: fileReader(join(dir, "e.xlsx"), "chosen", "xlsx"),
  };
  const configs = {
    spec: JSON.parse(readFileSync("fixtures/ungifokus/spec.json", "utf8")),
    assumptions: JSON.parse(readFileSync("fixtures/business-cases/ungifokus-001.json", "utf8")),
    contract: JSON.parse(readFileSync("fixtures/contracts/ungifokus.json", "utf8")),
  };
  const failures: string[] = [];
  let crashes = 0;
  let mismatches = 0;
  const start = performance.now();
  for (let i = 0; i < cases; i += 1) {
    if (i % 5 < 3) {
      const bytes = damagedExtract(random);
      const a = await checkExtract(bytes, chosen);
      const b = await checkExtract(bytes, slow);
      const as = i % 10 === 1 ? "xlsx" : i % 2 === 0 ? "utf-16le" : "utf-16be";
      const c = await checkExtract(bytes, converted[as]);
      for (const problem of [a, b, c === null ? null : `${as}: ${c}`]) {
        if (problem === null) continue;
        if (problem.startsWith("crash")) crashes += 1;
        else mismatches += 1;
        if (failures.length < 20) failures.push(`case ${i}: ${problem}`);
      }
    } else {
      const kind = (["spec", "assumptions", "contract"] as const)[i % 3]!;
      const problem = checkConfig(kind, damagedJson(random, configs[kind]));
      if (problem !== null) {
        if (problem.startsWith("crash")) crashes += 1;
        else mismatches += 1;
        if (failures.length < 20) failures.push(`case ${i} (${kind}): ${problem}`);
      }
    }
    if ((i + 1) % 10_000 === 0) log(`fuzz: ${i + 1} cases, ${crashes} crashes, ${mismatches} mismatches`);
  }
  return { cases, crashes, mismatches, failures, seconds: (performance.now() - start) / 1000 };
}

if (process.argv[1]?.endsWith("run-ts.js")) {
  const result = await fuzz(argument("cases", 100_000), argument("seed", 1));
  for (const f of result.failures) console.log(f);
  console.log(`fuzz: ${result.cases} cases in ${result.seconds.toFixed(1)} s: ${result.crashes} crashes, ${result.mismatches} count mismatches`);
  process.exitCode = result.crashes + result.mismatches === 0 ? 0 : 1;
}
