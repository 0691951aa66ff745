/**
 * Every whole pipeline run that more than one test reads, by name: made once per `npm test` by the first test file
 * that asks (tests/runs/sharedRun.ts), then read by all. A test that needs a run no other test reads makes its own.
 */

export interface RunRecipe {
  /** A spec path (relative to the repository), or a function writing a variant of the shipped spec into `dir`. */
  readonly spec: string | ((dir: string) => string);
  /** --as-of (default: the spec's asOf). */
  readonly asOf?: string;
  /** --lang (default: the spec's, Danish). */
  readonly lang?: "da" | "en";
  /** --compare: the name of another shared run, made first. */
  readonly compare?: string;
  /** Made by the command line (`node bin/effekt.js run`, exit 0) rather than runPipeline in the test's process. */
  readonly cli?: boolean;
}

const UNGIFOKUS = "fixtures/ungifokus/spec.json";
const RELEASE = "fixtures/release/spec.json";
const register = (name: string): RunRecipe => ({ spec: `fixtures/registers/${name}/spec.json` });

export const SHARED_RUNS = {
  /** `npm start`. */
  ungifokus: { spec: UNGIFOKUS },
  /** `npm start` again, from the command line: a second run to compare with the first. */
  "ungifokus-cli": { spec: UNGIFOKUS, cli: true },
  "ungifokus-en": { spec: UNGIFOKUS, lang: "en" },
  "ungifokus-2024-12-31": { spec: UNGIFOKUS, asOf: "2024-12-31" },
  "ungifokus-2025-06-30": { spec: UNGIFOKUS, asOf: "2025-06-30" },
  "ungifokus-2026-06-30": { spec: UNGIFOKUS, asOf: "2026-06-30" },
  /** The shipped run a quarter after ungifokus-2026-06-30, with --compare. */
  "ungifokus-compare": { spec: UNGIFOKUS, compare: "ungifokus-2026-06-30" },
  /** `npm run release`. */
  release: { spec: RELEASE },
  "release-en": { spec: RELEASE, lang: "en" },
  "release-2026-06-30": { spec: RELEASE, asOf: "2026-06-30" },
  "release-compare": { spec: RELEASE, compare: "release-2026-06-30" },
  matched: { spec: "fixtures/release/spec-matched.json" },
  /** The register contracts of 002 (fixtures/registers/, scripts/portfolio-002.ts). */
  havnen: register("havnen"),
  "hjem-job-helhed": register("hjem-job-helhed"),
  "laer-for-livet": register("laer-for-livet"),
  "ips-plus": register("ips-plus"),
  "dialog-mod-vold": register("dialog-mod-vold"),
  "udvidet-ips": register("udvidet-ips"),
} satisfies Record<string, RunRecipe>;

export type SharedRunName = keyof typeof SHARED_RUNS;
