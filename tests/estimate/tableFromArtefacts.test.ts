/**
 * `effekt run`'s analysis table (tableFromArtefacts), and the one table through both entry points:
 * the same persons given to the estimate stage as the pipeline's work tables and to
 * `effekt estimate --table` as a CSV give the identical estimates, subgroup effects and
 * interaction tests — every field, every double.
 *
 * The persons (24, by formula): person i is in batch 2022Q1 for i < 12, else 2022Q2, block
 * female=0/1 by i mod 2; arm treatment for i mod 4 in {0, 3}; age 20 + (7i mod 11), missing for i = 5;
 * target_group a/b/c by i mod 3, missing ("") for i = 7 and NA for i = 16 (in the table; "" in the
 * pipeline, where ingest writes a missing value as empty); y = 2 + 0.5·age/10 + 1.5·[treated] +
 * ((13i mod 7) − 3)/2 (i = 11 censored: empty); b = 1 when y > 4.5 (empty when y is).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimateFromTable } from "../../pipeline/commands/estimateTable.ts";
import { run } from "../../src/estimate/index.ts";
import { EffectsArtefact } from "../../src/estimate/schema.ts";
import { RECEIVED_COLUMN, tableFromArtefacts } from "../../src/estimate/tableFromArtefacts.ts";
import type { IngestArtefact } from "../../src/ingest/schema.ts";
import { EvaluationSpec } from "../../src/spec/schema.ts";

const shipped = EvaluationSpec.parse(JSON.parse(readFileSync("fixtures/ungifokus/spec.json", "utf8")));

interface Person {
  id: string;
  arm: string;
  batch: string;
  block: string;
  age: string;
  group: string;
  y: string;
  b: string;
}

const PEOPLE: Person[] = Array.from({ length: 24 }, (_, i) => {
  const treated = i % 4 === 0 || i % 4 === 3;
  const age = 20 + ((7 * i) % 11);
  const y = 2 + (0.5 * age) / 10 + (treated ? 1.5 : 0) + (((13 * i) % 7) - 3) / 2;
  return {
    id: `P${String(i).padStart(2, "0")}`,
    arm: treated ? "treatment" : "control",
    batch: i < 12 ? "2022Q1" : "2022Q2",
    block: `female=${i % 2}`,
    age: i === 5 ? "" : String(age),
    group: i === 7 || i === 16 ? "" : "abc"[i % 3]!,
    y: i === 11 ? "" : String(y),
    b: i === 11 ? "" : String(Number(y > 4.5)),
  };
});

const INGEST = {
  outcomes: [
    { id: "y", type: "continuous", skipped: false },
    { id: "b", type: "binary", skipped: false },
  ],
  covariates: [
    { id: "age", kind: "age_at_start", type: "continuous", missing: 1 },
    { id: "target_group", kind: "target_group", type: "categorical", missing: 2 },
  ],
} as unknown as IngestArtefact;

function artefacts(people: readonly Person[], received: (i: number) => string = () => "", subgroups: EvaluationSpec["estimation"]["subgroups"] = [{ covariate: "target_group" }]) {
  const spec: EvaluationSpec = { ...shipped, kpis: [], estimation: { ...shipped.estimation, covariates: ["age", "target_group"], subgroups, permutations: 500, seed: 7 } };
  return {
    spec,
    ingest: INGEST,
    persons: people.map((p, i) => ({ personId: p.id, startDate: "2022-01-01", referralDate: "", exitDate: "", exitReason: "", receivedProgramme: received(i), age: p.age, target_group: p.group })),
    outcomes: people.map((p) => ({ personId: p.id, y: p.y, b: p.b })),
    assignments: people.map((p) => ({ personId: p.id, arm: p.arm, batch: p.batch, block: p.block })),
  };
}

describe("tableFromArtefacts(input)", () => {
  it("puts the assigned persons in person-id order, a missing number as NaN, a categorical covariate as indicators (NaN where missing)", () => {
    const shuffled = [...PEOPLE].reverse();
    const { table, outcomes, covariates, received } = tableFromArtefacts(artefacts(shuffled));
    expect(table.arm).toEqual(PEOPLE.map((p) => p.arm));
    expect(outcomes).toEqual([
      { id: "y", kind: "continuous" },
      { id: "b", kind: "binary" },
    ]);
    // age as it is; target_group against its first level a: b and c, missing for P07 and P16 in both.
    expect(covariates).toEqual(["age", "target_group=b", "target_group=c"]);
    expect(table.columns.get("age")![5]).toBeNaN();
    expect(table.columns.get("age")![6]).toBe(20 + 42 % 11);
    expect(Array.from(table.columns.get("target_group=b")!.subarray(0, 9))).toEqual([0, 1, 0, 0, 1, 0, 0, NaN, 0]);
    expect(table.columns.get("target_group=c")![16]).toBeNaN();
    expect(table.columns.get("y")![11]).toBeNaN();
    expect(received).toBeNull();
    expect(table.columns.has(RECEIVED_COLUMN)).toBe(false);
  });

  it("takes the strata as randomised (batch × block) as the blocks and the permutation strata; no clusters", () => {
    const { table } = tableFromArtefacts(artefacts(PEOPLE));
    expect(table.blocks!.slice(0, 2)).toEqual(["2022Q1 | female=0", "2022Q1 | female=1"]);
    expect(table.blocks![12]).toBe("2022Q2 | female=0");
    expect(table.permutationStrata).toEqual(table.blocks);
    expect(table.clusters).toBeNull();
    // One stratum only: no blocks to condition on, but still the strata to permute within.
    const { table: single } = tableFromArtefacts(artefacts(PEOPLE.map((p) => ({ ...p, batch: "2022Q1", block: "all" }))));
    expect(single.blocks).toBeNull();
    expect(single.permutationStrata).toEqual(PEOPLE.map(() => "2022Q1 | all"));
  });

  it("adds who received the programme only when every person has 0 or 1", () => {
    const all = tableFromArtefacts(artefacts(PEOPLE, (i) => String(i % 4 === 0 ? 1 : 0)));
    expect(all.received).toBe(RECEIVED_COLUMN);
    expect(Array.from(all.table.columns.get(RECEIVED_COLUMN)!.subarray(0, 5))).toEqual([1, 0, 0, 0, 1]);
    const some = tableFromArtefacts(artefacts(PEOPLE, (i) => (i === 3 ? "" : "1")));
    expect(some.received).toBeNull();
  });

  it("cuts a subgroup covariate at its breaks, a missing value an empty level", () => {
    const { table } = tableFromArtefacts(artefacts(PEOPLE, () => "", [{ covariate: "age", breaks: [25] }]));
    const bands = table.subgroups.get("age cut at 25")!;
    // P00 is 20, P01 27, P05 missing.
    expect([bands[0], bands[1], bands[5]]).toEqual(["[-∞;25)", "[25;∞)", ""]);
  });
});

describe("one analysis table through effekt run and estimate --table", () => {
  it("the same persons as the pipeline's work tables and as a CSV give identical estimates, subgroup effects and interactions", async () => {
    const fromRun = run({ ...artefacts(PEOPLE), seed: 7 });
    const dir = mkdtempSync(join(tmpdir(), "effekt-both-paths-"));
    const file = join(dir, "persons.csv");
    // The table writes a missing category as NA once, as a researcher's file may (the one rule reads "" and NA alike).
    const rows = PEOPLE.map((p, i) => [p.id, p.arm, `${p.batch} | ${p.block}`, p.age, i === 16 ? "NA" : p.group, p.y, p.b].join(","));
    writeFileSync(file, ["person,arm,stratum,age,target_group,y,b", ...rows].join("\n") + "\n");
    await estimateFromTable({
      file,
      treatment: "arm",
      control: "control",
      outcomes: ["y", "b"],
      binary: ["b"],
      counts: [],
      exposure: null,
      survival: null,
      covariates: ["age"],
      categorical: [{ column: "target_group", reference: null }],
      // The pipeline's rule: a person without a covariate value is left out of the adjusted estimators.
      missingCovariates: "drop",
      blocks: "stratum",
      subgroups: ["target_group"],
      permutations: 500,
      seed: 7,
      confidence: 0.95,
      outDir: join(dir, "out"),
      log: () => {},
    });
    const fromTable = EffectsArtefact.parse(JSON.parse(readFileSync(join(dir, "out", "effects.json"), "utf8")));
    // Every estimator that applies: the blocked ones, the adjusted ones (n 9 + 11: P11 censored, P05, P07, P16 missing a covariate), binary ones, RI.
    expect(fromRun.estimates.map((e) => e.estimator)).toContain("difference_in_means_blocked");
    expect(fromRun.estimates.find((e) => e.estimator === "ols_adjusted" && e.outcome === "y")).toMatchObject({ n_treated: 9, n_control: 11 });
    expect(fromTable.estimates).toEqual(fromRun.estimates);
    expect(fromTable.subgroups).toEqual(fromRun.subgroups);
    expect(fromTable.interactions).toEqual(fromRun.interactions);
  });
});
