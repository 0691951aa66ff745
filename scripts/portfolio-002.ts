/**
 * The portfolio example: 002's "Økonomi – frem til 2030" over all seven Aarhus contracts — the five investments
 * (Havnen, Hjem Job og Helhed, Dialog mod Vold, UngiFokus, Lær for Livet) and the two IPS contracts — each run from
 * its shipped example (UngiFokus) or register fixtures (fixtures/registers/<name>/), then one council status that
 * recomputes 002's printed table (fixtures/contracts/portfolio-002.json):
 *
 *   node bin/run-ts.js scripts/portfolio-002.ts [OUT]      (default output/portfolio-002; runs into OUT/<name>, status in OUT/status)
 */
import { join } from "node:path";
import { main } from "../pipeline/cli.ts";
import { runPipeline } from "../pipeline/run.ts";

export const PORTFOLIO_002_SPECS = {
  ungifokus: "fixtures/ungifokus/spec.json",
  havnen: "fixtures/registers/havnen/spec.json",
  "hjem-job-helhed": "fixtures/registers/hjem-job-helhed/spec.json",
  "dialog-mod-vold": "fixtures/registers/dialog-mod-vold/spec.json",
  "laer-for-livet": "fixtures/registers/laer-for-livet/spec.json",
  "ips-plus": "fixtures/registers/ips-plus/spec.json",
  "udvidet-ips": "fixtures/registers/udvidet-ips/spec.json",
} as const;

if (process.argv[1]?.endsWith("run-ts.js")) {
  const out = process.argv[2] ?? join("output", "portfolio-002");
  const runs: string[] = [];
  for (const [name, spec] of Object.entries(PORTFOLIO_002_SPECS)) {
    const dir = join(out, name);
    await runPipeline({ specPath: spec, outDir: dir, log: (line) => console.error(line) });
    runs.push(dir);
  }
  process.exitCode = await main(["portfolio", ...runs, "--published", "fixtures/contracts/portfolio-002.json", "--horizon", "2030", "--out", join(out, "status")]);
}
