/**
 * The spec's estimation.clusterSe {column, type} and estimation.fixedEffects through `effekt run`: persons
 * randomised one by one within district (fixtures/clusters/ without assignment.cluster), SEs clustered on the
 * caseworker (the population's column, holding both arms) with the district absorbed. effects.json's regressions
 * are those of `estimate --table --cluster-se caseworker --fixed-effects district` on the same analysis table —
 * the path tests/pipeline/clusterSe.test.ts checks against lm_robust(clusters =, fixed_effects =) — and the counts
 * of clusters and blocks are read off population.csv here, without effekt.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../pipeline/run.ts";
import { estimateFromTable } from "../../pipeline/commands/estimateTable.ts";
import { EffectsArtefact } from "../../src/estimate/schema.ts";
import { expectRelativelyClose } from "../helpers.ts";

const log = () => {};
const rows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];
const population = rows(readFileSync("fixtures/clusters/population.csv", "utf8"));
const pipelineReference = JSON.parse(readFileSync("fixtures/reference/clustered-pipeline.json", "utf8")).estimates;
const caseworkerOf = new Map(population.map((r) => [r.borger_id!, r.sagsbehandler!]));

describe("spec estimation.clusterSe {column, type} and estimation.fixedEffects", () => {
  const dir = mkdtempSync(join(tmpdir(), "effekt-cluster-se-spec-"));
  cpSync("fixtures/clusters", dir, { recursive: true });
  // A new design, so a new allocation log (the fixture's is the cluster-randomised one).
  rmSync(join(dir, "clusters.allocation-log.csv"));
  const spec = JSON.parse(readFileSync(join(dir, "spec.json"), "utf8"));
  delete spec.assignment.cluster;
  spec.estimation.clusterSe = { column: "sagsbehandler", type: "stata" };
  spec.estimation.fixedEffects = "target_group";
  writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
  const out = join(dir, "out");
  const ready = runPipeline({ specPath: join(dir, "spec.json"), outDir: out, log });
  const read = (file: string) => readFileSync(join(out, file), "utf8");

  it("effekt run clusters the regressions' SEs on the caseworker (CR1, 30 clusters) with the 2 districts absorbed, as estimate --table", async () => {
    await ready;
    const effects = EffectsArtefact.parse(JSON.parse(read("effects.json")));
    const caseworkers = new Set(caseworkerOf.values()).size;
    const districts = new Set(population.map((r) => r.maalgruppe)).size;
    expect([caseworkers, districts]).toEqual([30, 2]);
    const ols = effects.estimates.find((e) => e.estimator === "ols")!;
    expect(ols.notes).toContainEqual({ code: "cluster_cr1", params: { df: caseworkers - 1 } });
    expect(ols.notes).toContainEqual({ code: "fixed_effects_absorbed", params: { blocks: districts } });
    expect(ols.df).toBe(caseworkers - 1);
    // The analysis table the pipeline estimated from, written as a researcher's CSV.
    const persons = new Map(rows(read("work/persons.csv")).map((p) => [p.personId!, p]));
    const outcomes = new Map(rows(read("work/outcomes.csv")).map((o) => [o.personId!, o]));
    const table = rows(read("work/assignments.csv")).map((a) => {
      const p = persons.get(a.personId!)!;
      return [a.arm, caseworkerOf.get(a.personId!)!, p.target_group, `${a.batch} | ${a.block}`, outcomes.get(a.personId!)!.paid_hours_12m, p.age, p.female].join(",");
    });
    const file = join(dir, "table.csv");
    writeFileSync(file, ["arm,caseworker,district,stratum,paid_hours_12m,age,female", ...table].join("\n") + "\n");
    // The table is the one R read (fixtures/reference/clusteredPipeline.R), and caseworkers hold both arms (not clusters randomised whole).
    expect(readFileSync(file, "utf8")).toBe(readFileSync("fixtures/reference/clustered-pipeline.csv", "utf8"));
    const armsOf = new Map<string, Set<string>>();
    for (const line of table) armsOf.set(line.split(",")[1]!, (armsOf.get(line.split(",")[1]!) ?? new Set()).add(line.split(",")[0]!));
    expect([...armsOf.values()].filter((arms) => arms.size === 2).length).toBeGreaterThan(20);
    for (const [id, model] of [["ols", "ols"], ["ols_adjusted", "ols_adjusted"]] as const) {
      const mine = effects.estimates.find((e) => e.estimator === id)!;
      const r = pipelineReference.find((e: { model: string }) => e.model === model);
      for (const key of ["estimate", "std_error", "df", "p_value", "conf_low", "conf_high"] as const) expectRelativelyClose(mine[key] as number, r[key], 1e-8, `${id} ${key} against R`);
    }
    const tableOut = join(dir, "table-out");
    await estimateFromTable({
      file, treatment: "arm", control: "control", outcomes: ["paid_hours_12m"], binary: [], counts: [], exposure: null, survival: null,
      covariates: ["age", "female"], categorical: [], missingCovariates: "stop", blocks: "stratum", clusters: null, subgroups: [],
      clusterSeColumn: "caseworker", clusterSe: "CR1", fixedEffects: "district",
      permutations: 2000, seed: 7, confidence: 0.95, outDir: tableOut, log,
    });
    const researcher = EffectsArtefact.parse(JSON.parse(readFileSync(join(tableOut, "effects.json"), "utf8")));
    for (const id of ["ols", "ols_adjusted", "lin", "difference_in_means"]) {
      const mine = effects.estimates.find((e) => e.estimator === id)!;
      const theirs = researcher.estimates.find((e) => e.estimator === id)!;
      for (const key of ["estimate", "std_error", "df", "p_value", "conf_low", "conf_high"] as const) expectRelativelyClose(mine[key] as number, theirs[key] as number, 1e-12, `${id} ${key}`);
      expect(mine.notes).toEqual(theirs.notes);
    }
  });
});
