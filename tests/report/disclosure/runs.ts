/**
 * Runs for the attack test: the shipped examples and a quarterly pair as every test reads them
 * (tests/runs/recipes.ts); and, in copies of the fixtures in a temporary folder (never written
 * into fixtures/) with fewer permutations so the whole test stays quick, subgroups on, one
 * person awaiting randomisation, and a seeded generator of small-arm specs (a random subset of
 * the UngiFokus population, 15, 24, 36 and 60 persons).
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPipeline } from "../../../pipeline/run.ts";
import { seeded } from "./seeded.ts";
import { sharedRun } from "../../runs/sharedRun.ts";
import { knowledgeOf, type AttackerKnowledge } from "../../../src/report/disclosure/attackReport.ts";

export const root = mkdtempSync(join(tmpdir(), "effekt-attack-"));
const log = () => {};

export function copyFixtures(): void {
  for (const dir of ["ungifokus", "release", "codes", "contracts", "business-cases"]) cpSync(join("fixtures", dir), join(root, "fixtures", dir), { recursive: true });
}

/** A copy of a shipped spec beside the original's files, changed by `edit`; returns its path. */
export function specCopy(example: "ungifokus" | "release", name: string, edit: (spec: Record<string, any>) => void): string {
  const spec = JSON.parse(readFileSync(join(root, "fixtures", example, "spec.json"), "utf8"));
  spec.estimation = { ...(spec.estimation ?? {}), permutations: 200 };
  edit(spec);
  const path = join(root, "fixtures", example, `${name}.json`);
  writeFileSync(path, JSON.stringify(spec, null, 2));
  return path;
}

/** A population of `size` persons drawn with `seed` from the UngiFokus population (bytes kept: it is Windows-1252). */
export function smallPopulation(seed: number, size: number): string {
  const text = readFileSync(join(root, "fixtures", "ungifokus", "population.csv"), "latin1");
  const [header, ...lines] = text.split("\n").filter((l) => l.length > 0);
  const random = seeded(seed);
  const picked = new Set<number>();
  while (picked.size < size) picked.add(Math.floor(random() * lines.length));
  const file = `population-small-${seed}.csv`;
  writeFileSync(join(root, "fixtures", "ungifokus", file), [header, ...[...picked].sort((a, b) => a - b).map((i) => lines[i])].join("\n") + "\n", "latin1");
  return file;
}

export type Runner = (options: { specPath: string; outDir: string; log: (line: string) => void; asOf?: string; compare?: string }) => Promise<unknown>;

export interface AttackCase {
  readonly name: string;
  readonly report: string;
  /** The previous run's report/, for a run with --compare. */
  readonly previous: string | null;
}

/** Every run the attack test reads: the shipped examples (UngiFokus as a quarterly pair with --compare), subgroups on, and four generated small-arm specs. */
export async function runAll(runner: Runner = runPipeline): Promise<AttackCase[]> {
  copyFixtures();
  const cases: AttackCase[] = [];
  const run = async (name: string, specPath: string, options: { asOf?: string; compare?: string } = {}) => {
    const outDir = join(root, name);
    await runner({ specPath, outDir, log, ...options });
    return outDir;
  };
  const ungifokus = specCopy("ungifokus", "spec-attack", () => {});
  const quarter = await sharedRun("ungifokus-2026-06-30");
  const shipped = await sharedRun("ungifokus-compare");
  cases.push({ name: "ungifokus (shipped) as of 2026-06-30", report: join(quarter, "report"), previous: null });
  cases.push({ name: "ungifokus (shipped) as of 2026-09-30 --compare 2026-06-30", report: join(shipped, "report"), previous: join(quarter, "report") });
  const release = await sharedRun("release");
  cases.push({ name: "release (shipped)", report: join(release, "report"), previous: null });
  const subgroups = await run("subgroups", specCopy("ungifokus", "spec-subgroups", (spec) => {
    spec.estimation.subgroups = [{ covariate: "female" }, { covariate: "age", breaks: [23] }];
  }));
  cases.push({ name: "ungifokus with subgroups (female; age below and from 23)", report: join(subgroups, "report"), previous: null });
  // As of 2025-07-08 one person awaits randomisation: the intake less the arms would give them away.
  const awaiting = await run("ungifokus-2025-07-08", ungifokus, { asOf: "2025-07-08" });
  cases.push({ name: "ungifokus as of 2025-07-08 (one person awaiting randomisation)", report: join(awaiting, "report"), previous: null });
  for (const [seed, size] of [[1, 15], [2, 24], [3, 36], [4, 60]] as const) {
    const file = smallPopulation(seed, size);
    const small = await run(`small-${seed}`, specCopy("ungifokus", `spec-small-${seed}`, (spec) => {
      spec.extracts.population.file = file;
      spec.estimation.subgroups = [{ covariate: "female" }];
    }));
    cases.push({ name: `generated: ${size} persons (seed ${seed})`, report: join(small, "report"), previous: null });
  }
  return cases;
}

/** What the published analysis plan tells an attacker about a run: binary outcomes, units, KPIs against the control arm. */
export function knowledge(report: string): AttackerKnowledge {
  const ingest = JSON.parse(readFileSync(join(report, "..", "ingest.json"), "utf8"));
  const manifest = JSON.parse(readFileSync(join(report, "..", "manifest.json"), "utf8")) as { inputs: { role: string; path: string }[] };
  const spec = JSON.parse(readFileSync(join(report, "..", manifest.inputs.find((i) => i.role === "spec")!.path), "utf8"));
  return knowledgeOf(ingest, spec.kpis ?? []);
}

export function reportFiles(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((f) => f.endsWith(".csv")).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}
