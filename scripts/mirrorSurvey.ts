// Which modules under src/ have logic and no mirror test file (#27: "a mirror test file for every src module with
// logic"). The mirror of src/a/b.ts (or .js) is tests/a/b.test.ts. Used by scripts/mirror-tests.ts (npm run
// mirror-tests) and tests/layout.test.ts.
//
// The rule. A module has logic when its code holds a function body: a function declaration, a method or accessor,
// a constructor, an arrow function or a function expression — anywhere in the file, so a zod schema with a
// `.refine((x) => …)` or an outcome kind written as an object of methods counts. A module without one — zod schemas
// without refinements, type-only files, constants, re-export indexes, hand-written `.d.ts` — is exempt by the rule.
// The few modules with logic that may stay without a mirror are named in MIRROR_EXEMPT below, each with its reason;
// tests/layout.test.ts fails on a module with logic that has neither, and on an exemption that is no longer needed.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Reasons a module with logic may lack its mirror. */
const REFACTOR = "refactor in progress (#27): written by the refactor that rewrites this file";
const WORKER_ENTRY = "worker entry point: unpacks a message and calls the kernel it names, exercised through the threads that start it";
const ANALYSIS_TABLE = "mirror not yet written (#27): reads the AnalysisTable the analysis-table refactor rewrites; covered today through tests/estimate/estimateEffects.test.ts, categoricalIndicators.test.ts and tests/pipeline/commands/estimateTable.test.ts";
const GRAM = "mirror not yet written (#27): covered by tests/stats/gramRobustRegression.test.ts (R's lm + HC2 on seven designs, one thread against a worker thread), which the analysis-table refactor (Float64Array columns end to end) reworks";
const STAGE_INDEX = "mirror not yet written (#27): a stage's declaration and run, covered through the runner by tests/pipeline/run.test.ts";
const MONITORING = "new with the monitoring and sequential-design work, merged into main while #27's mirror pass ran: its mirror is that work's to write (tests/monitor/, tests/stats/sequential/ cover it in part)";
const SCHEMA = "mirror not yet written (#27): zod schemas whose refinements are tested through their parsers' mirrors";

/**
 * Modules with logic that have no mirror test yet, each with why. Keep it short: an entry is a debt, and the
 * layout test fails when an entry's module gains a mirror, loses its logic or disappears.
 */
export const MIRROR_EXEMPT: Readonly<Record<string, string>> = {
  // Worker entries: a dozen lines of message plumbing around a tested kernel.
  "src/stats/gramStripeWorker.js": `${WORKER_ENTRY} (gramThreads.ts)`,
  "src/ingest/bytes/benefitWorkerTask.ts": `${WORKER_ENTRY} (benefitThread.ts, through tests/ingest/bytes/benefitThread.test.ts)`,
  // Being rewritten by the refactors of #27 (stages as small steps, words as data, sealing as a node, one analysis table).
  "src/estimate/bytes/tableLines.js": REFACTOR,
  "src/estimate/bytes/tableLinesWorker.js": REFACTOR,
  "src/report/buildReport.ts": REFACTOR,
  "src/report/index.ts": REFACTOR,
  "src/report/page.ts": REFACTOR,
  "src/report/repaymentTables.ts": REFACTOR,
  "src/report/sections/appendix.ts": REFACTOR,
  "src/report/sections/balance.ts": REFACTOR,
  "src/report/sections/changes.ts": REFACTOR,
  "src/report/sections/design.ts": REFACTOR,
  "src/report/sections/effects.ts": REFACTOR,
  "src/report/sections/estimateCells.ts": REFACTOR,
  "src/report/sections/manifest.ts": REFACTOR,
  "src/report/sections/methods.ts": REFACTOR,
  "src/report/sections/published.ts": REFACTOR,
  "src/report/sections/repayment.ts": REFACTOR,
  "src/report/sections/savings.ts": REFACTOR,
  "src/report/sections/section.ts": REFACTOR,
  "src/report/sections/status.ts": REFACTOR,
  "src/report/sections/summary.ts": REFACTOR,
  "src/report/table.ts": REFACTOR,
  "src/stage.ts": REFACTOR,
  // Merged into main during the mirror pass, from another piece of work.
  "src/design/sequentialDesign.ts": MONITORING,
  "src/monitor/assessLook.ts": MONITORING,
  "src/monitor/index.ts": MONITORING,
  "src/monitor/lookLog.ts": MONITORING,
  "src/monitor/schema.ts": MONITORING,
  "src/spec/primaryEstimator.ts": MONITORING,
  "src/stats/sequential/betaSpendingFutility.ts": MONITORING,
  "src/stats/sequential/designCharacteristics.ts": MONITORING,
  "src/stats/sequential/groupSequentialSampleSize.ts": MONITORING,
  "src/stats/sequential/repeatedConfidenceInterval.ts": MONITORING,
  "src/stats/sequential/spending/customTable.ts": MONITORING,
  "src/stats/sequential/spending/hwangShihDeCani.ts": MONITORING,
  "src/stats/sequential/spending/index.ts": MONITORING,
  "src/stats/sequential/spending/obrienFleming.ts": MONITORING,
  "src/stats/sequential/spending/pocock.ts": MONITORING,
  "src/stats/sequential/stagewiseAdjustedP.ts": MONITORING,
  // Stable modules whose mirror is still to be written, each saying where it is covered today.
  "src/estimate/missingCovariates.ts": ANALYSIS_TABLE,
  "src/estimate/permutationChunks.js": "mirror not yet written (#27): covered by tests/estimate/permutationWorkers.test.ts (the same p on any number of threads); the worker kernels are being made type-checked",
  "src/estimate/regressionDesign.ts": GRAM,
  "src/estimate/regressionEstimators.ts": ANALYSIS_TABLE,
  "src/estimate/subgroupEffects.ts": ANALYSIS_TABLE,
  "src/project/index.ts": STAGE_INDEX,
  "src/project/schema.ts": `${SCHEMA} (tests/project/projectScenario.test.ts, businessCases.test.ts)`,
  "src/repay/index.ts": STAGE_INDEX,
  "src/repay/schema.ts": `${SCHEMA} (tests/repay/repayContract.test.ts, rules/*.test.ts)`,
  "src/spec/schema.ts": `${SCHEMA} (tests/spec/parseSpec.test.ts, clusterSpec.test.ts)`,
  "src/stats/gramLeastSquares.ts": GRAM,
  "src/stats/gramStripes.js": GRAM,
  "src/stats/gramThreads.ts": GRAM,
};

const root = fileURLToPath(new URL("..", import.meta.url));

/** Every .ts/.js file under `dir`, as paths relative to `base` with forward slashes. */
function sourceFiles(base: string, dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return sourceFiles(base, path);
      return /\.(ts|js|mjs)$/.test(entry) ? [relative(base, path).split("\\").join("/")] : [];
    });
}

/** True when the source text holds a function body (see the rule at the top of this file). */
export function hasLogic(sourceText: string, fileName = "module.ts"): boolean {
  if (fileName.endsWith(".d.ts")) return false;
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, false);
  const visit = (node: ts.Node): boolean =>
    (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) || ts.forEachChild(node, visit) === true;
  return visit(source);
}

/** The mirror test of a module: src/a/b.ts → tests/a/b.test.ts. */
export function mirrorOf(modulePath: string): string {
  return modulePath.replace(/^src\//, "tests/").replace(/\.(ts|js|mjs)$/, ".test.ts");
}

export type MirrorSurvey = {
  /** Every module under src/ (.d.ts included). */
  readonly modules: readonly string[];
  /** The modules with logic. */
  readonly withLogic: readonly string[];
  /** Modules with logic whose mirror exists. */
  readonly mirrored: readonly string[];
  /** Modules with logic, no mirror, no exemption: what the layout test fails on. */
  readonly missing: readonly string[];
  /** Modules with logic and no mirror, exempt by MIRROR_EXEMPT. */
  readonly exempt: readonly string[];
  /** Exemptions that are no longer needed: the module has a mirror, has no logic, or does not exist. */
  readonly staleExemptions: readonly string[];
};

/** Surveys src/ under `repositoryRoot` against tests/ and MIRROR_EXEMPT. */
export function surveyMirrors(repositoryRoot = root, exempt: Readonly<Record<string, string>> = MIRROR_EXEMPT): MirrorSurvey {
  const modules = sourceFiles(repositoryRoot, join(repositoryRoot, "src"));
  const withLogic = modules.filter((path) => hasLogic(readFileSync(join(repositoryRoot, path), "utf8"), path));
  const hasMirror = (path: string) => existsSync(join(repositoryRoot, mirrorOf(path)));
  const unmirrored = withLogic.filter((path) => !hasMirror(path));
  return {
    modules,
    withLogic,
    mirrored: withLogic.filter(hasMirror),
    missing: unmirrored.filter((path) => !(path in exempt)),
    exempt: unmirrored.filter((path) => path in exempt),
    staleExemptions: Object.keys(exempt).filter((path) => !unmirrored.includes(path)),
  };
}
