/**
 * One rule for a missing categorical covariate value, whichever way the analysis table is built:
 * `effekt run` (estimate/index.ts) and `effekt estimate --table` (tableFromRows) both leave it
 * missing, and the missing-covariate rule decides (the pipeline's rule is drop).
 *
 * The data, by hand (8 persons; group a/b, two without a group):
 *
 *   person  arm        group  y        within group a: treated 4,    control 2, 1  → 4 − 1.5 = 2.5
 *   P1      treatment  a      4        within group b: treated 8, 7, control 5     → 7.5 − 5 = 2.5
 *   P2      treatment  b      8        no group:       treated 20,   control 0     → 20
 *   P3      treatment  b      7
 *   P4      control    a      2        drop (lm's na.omit): y ~ z + [group=b] on P1–P6. The effect is
 *   P5      control    b      5        2.5 in both groups, so any weighting of them (OLS's) gives
 *   P6      control    a      1        exactly 2.5, on n 3 + 3, df 6 − 3.
 *   P7      treatment  ""     20
 *   P8      control    NA     0        indicator: the mean-imputed [group=b] and one [group missing] span
 *                                     the design of a third level "missing", where OLS weighs each group's
 *   difference by nₖ·pₖ(1 − pₖ) (pₖ the treated share): a 3·(1/3)(2/3) = 2/3, b 2/3, missing 2·(1/2)(1/2) = 1/2,
 *   so β = (2/3·2.5 + 2/3·2.5 + 1/2·20) / (2/3 + 2/3 + 1/2) = (40/3) / (11/6) = 80/11, n 4 + 4.
 *   (The old `effekt run` made the missing value a level of its own: 80/11 on 4 + 4, against 2.5 on 3 + 3
 *   by `estimate --table --missing-covariates drop`.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimateFromTable, type TableRunOptions } from "../../pipeline/commands/estimateTable.ts";
import { categoricalIndicators, isMissingCategory } from "../../src/estimate/categoricalIndicators.ts";
import { run } from "../../src/estimate/index.ts";
import { EffectsArtefact } from "../../src/estimate/schema.ts";
import { tableFromRows } from "../../src/estimate/tableFromRows.ts";
import type { IngestArtefact } from "../../src/ingest/schema.ts";
import { EvaluationSpec } from "../../src/spec/schema.ts";

const PEOPLE = [
  ["P1", "treatment", "a", 4],
  ["P2", "treatment", "b", 8],
  ["P3", "treatment", "b", 7],
  ["P4", "control", "a", 2],
  ["P5", "control", "b", 5],
  ["P6", "control", "a", 1],
  ["P7", "treatment", "", 20],
  ["P8", "control", "NA", 0],
] as const;

/** `effekt run`'s estimate stage on the people: the shipped spec's design and covariates, of which ingest found only target_group. */
function runPath(): EffectsArtefact {
  const shipped = EvaluationSpec.parse(JSON.parse(readFileSync("fixtures/ungifokus/spec.json", "utf8")));
  const spec: EvaluationSpec = { ...shipped, kpis: [], estimation: { ...shipped.estimation, covariates: ["target_group"], subgroups: [], permutations: 0 } };
  // The stage reads only the ingest artefact's outcome and covariate summaries.
  const ingest = {
    outcomes: [{ id: "y", type: "continuous", skipped: false }],
    covariates: [{ id: "target_group", kind: "target_group", type: "categorical", missing: 2 }],
  } as unknown as IngestArtefact;
  return run({
    spec,
    ingest,
    persons: PEOPLE.map(([personId, , group]) => ({ personId, startDate: "2022-01-01", referralDate: "", exitDate: "", exitReason: "", receivedProgramme: "", target_group: group })),
    outcomes: PEOPLE.map(([personId, , , y]) => ({ personId, y: String(y) })),
    assignments: PEOPLE.map(([personId, arm]) => ({ personId, arm, batch: "2022Q1", block: "all" })),
    seed: 1,
  });
}

/** `effekt estimate --table` on the same people as a CSV. */
async function tablePath(missingCovariates: TableRunOptions["missingCovariates"], log: string[] = []): Promise<EffectsArtefact> {
  const dir = mkdtempSync(join(tmpdir(), "effekt-categorical-"));
  const file = join(dir, "people.csv");
  writeFileSync(file, ["person,arm,target_group,y", ...PEOPLE.map((p) => p.join(","))].join("\n") + "\n");
  await estimateFromTable({
    file,
    treatment: "arm",
    control: "control",
    outcomes: ["y"],
    binary: [],
    counts: [],
    exposure: null,
    survival: null,
    covariates: [],
    categorical: [{ column: "target_group", reference: null }],
    missingCovariates,
    blocks: null,
    subgroups: [],
    permutations: 0,
    seed: 1,
    confidence: 0.95,
    outDir: join(dir, "out"),
    log: (line) => log.push(line),
  });
  return EffectsArtefact.parse(JSON.parse(readFileSync(join(dir, "out", "effects.json"), "utf8")));
}

const adjusted = (effects: EffectsArtefact, estimator: string) => effects.estimates.find((e) => e.estimator === estimator && e.outcome === "y")!;

describe("categoricalIndicators", () => {
  it("categoricalIndicators(column, values, null) gives a 0/1 column per level but the first, NaN (missing) for an empty cell or NA", () => {
    expect(categoricalIndicators("g", ["b", " a", "", "NA", "c", "na"], null)).toEqual({
      reference: "a",
      levels: ["a", "b", "c"],
      indicators: [
        { name: "g=b", values: Float64Array.of(1, 0, NaN, NaN, 0, NaN) },
        { name: "g=c", values: Float64Array.of(0, 0, NaN, NaN, 1, NaN) },
      ],
    });
  });

  it("categoricalIndicators(column, values, reference) takes the named reference level, and names none that is not a level", () => {
    expect(categoricalIndicators("g", ["a", "b", ""], "b").indicators).toEqual([{ name: "g=a", values: Float64Array.of(1, 0, NaN) }]);
    expect(categoricalIndicators("g", ["a", "b", ""], "(missing)")).toEqual({ reference: null, levels: ["a", "b"], indicators: [] });
    expect(categoricalIndicators("g", ["", "NA"], null)).toEqual({ reference: null, levels: [], indicators: [] });
  });

  it("isMissingCategory(value) is true for a blank cell and NA only", () => {
    expect(["", "  ", "NA", "na", "Na"].every(isMissingCategory)).toBe(true);
    expect(["a", "NaN", "0", "(missing)"].some(isMissingCategory)).toBe(false);
  });

  it("tableFromRows expands a categorical covariate by the same rule", () => {
    const rows = PEOPLE.map((p, i) => ({ line: i + 2, fields: p.map(String) }));
    const { table, categorical } = tableFromRows(["person", "arm", "target_group", "y"], rows, { file: "people.csv", decimal: ".", treatment: "arm", blocks: null, numeric: ["y"], binary: [], counts: [], subgroups: [], categorical: [{ column: "target_group", reference: null }] });
    expect(categorical).toEqual([{ column: "target_group", reference: "a", indicators: ["target_group=b"] }]);
    expect(table.columns.get("target_group=b")).toEqual(categoricalIndicators("target_group", PEOPLE.map((p) => p[2]), null).indicators[0]!.values);
  });
});

describe("a missing categorical value through effekt run and estimate --table", () => {
  it("run and estimate --table --missing-covariates drop give the same design, n and estimates: 2.5 on 3 + 3 (by hand)", async () => {
    const [fromRun, fromTable] = [runPath(), await tablePath("drop")];
    const [a, b] = [adjusted(fromRun, "ols_adjusted"), adjusted(fromTable, "ols_adjusted")];
    // df = n − 3: the intercept, z and one indicator (target_group=b) in both.
    expect([a.n_treated, a.n_control, a.df]).toEqual([3, 3, 3]);
    expect([b.n_treated, b.n_control, b.df]).toEqual([3, 3, 3]);
    expect(a.estimate!).toBeCloseTo(2.5, 12);
    expect(b.estimate!).toBeCloseTo(a.estimate!, 12);
    expect(b.std_error!).toBeCloseTo(a.std_error!, 12);
    // Lin's design is saturated here (group a has one treated person, leverage 1: HC2 is undefined): the two paths say the same.
    const [linRun, linTable] = [adjusted(fromRun, "lin"), adjusted(fromTable, "lin")];
    expect([linTable.estimate, linTable.n_treated, linTable.n_control, linTable.df]).toEqual([linRun.estimate, linRun.n_treated, linRun.n_control, linRun.df]);
    expect(linTable.notes).toEqual(linRun.notes);
    // The unadjusted estimators keep every person: Welch on all 8, (4+7+8+20)/4 − (1+2+5+0)/4 = 7.75.
    expect(adjusted(fromRun, "difference_in_means").estimate).toBeCloseTo(7.75, 12);
    expect(adjusted(fromTable, "difference_in_means").estimate).toBeCloseTo(7.75, 12);
  });

  it("estimate --table --missing-covariates indicator adds one target_group_missing: the design of a 'missing' level, 80/11 on 4 + 4 (by hand)", async () => {
    const log: string[] = [];
    const effects = await tablePath("indicator", log);
    const ols = adjusted(effects, "ols_adjusted");
    expect([ols.n_treated, ols.n_control, ols.df]).toEqual([4, 4, 8 - 4]);
    expect(ols.estimate!).toBeCloseTo(80 / 11, 12);
    expect(log).toContain("estimate: missing covariate values mean-imputed with a missingness indicator: target_group");
    expect(effects.adjustment).toContain("mean-imputed with a missingness indicator: target_group");
  });
});
