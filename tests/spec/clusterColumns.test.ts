import { describe, expect, it } from "vitest";
import { clusterSeIssues, clusterSeType, populationClusterColumn, seClusterColumn } from "../../src/spec/clusterColumns.ts";
import type { EvaluationSpec } from "../../src/spec/schema.ts";

type Clusters = Pick<EvaluationSpec, "covariates" | "assignment" | "estimation">;
const spec = (assignmentCluster: string | undefined, estimation: Partial<EvaluationSpec["estimation"]>): Clusters =>
  ({
    covariates: [{ id: "district", label: "district", kind: "target_group" }],
    assignment: { mode: "randomise", ...(assignmentCluster === undefined ? {} : { cluster: assignmentCluster }) },
    estimation: { subgroups: [], permutations: 0, seed: 1, confidence: 0.95, ...estimation },
  }) as unknown as Clusters;

describe("clusterColumns", () => {
  it("populationClusterColumn(spec) is assignment.cluster, else a clusterSe column that is not a covariate", () => {
    expect(populationClusterColumn(spec("school", { clusterSe: { column: "district", type: "CR2" } }))).toBe("school");
    expect(populationClusterColumn(spec(undefined, { clusterSe: { column: "caseworker", type: "CR2" } }))).toBe("caseworker");
    expect(populationClusterColumn(spec(undefined, { clusterSe: { column: "district", type: "CR2" } }))).toBeUndefined();
    expect(populationClusterColumn(spec(undefined, {}))).toBeUndefined();
  });

  it("seClusterColumn(spec) and clusterSeType(spec): a type alone names no column; stata is CR1", () => {
    expect(seClusterColumn(spec("school", { clusterSe: "CR1" }))).toBeUndefined();
    expect(clusterSeType(spec("school", { clusterSe: "CR1" }))).toBe("CR1");
    expect(clusterSeType(spec(undefined, { clusterSe: { column: "caseworker", type: "stata" } }))).toBe("CR1");
    expect(clusterSeType(spec(undefined, { clusterSe: { column: "caseworker", type: "CR0" } }))).toBe("CR0");
    expect(clusterSeType(spec(undefined, {}))).toBeUndefined();
  });

  it("clusterSeIssues(spec) names fixed effects without a clustering and a column beside assignment.cluster", () => {
    expect(clusterSeIssues(spec(undefined, { fixedEffects: "district" })).map((i) => i.path)).toEqual([["estimation", "fixedEffects"]]);
    expect(clusterSeIssues(spec("school", { clusterSe: { column: "team", type: "CR2" } })).map((i) => i.path)).toEqual([["estimation", "clusterSe", "column"]]);
    expect(clusterSeIssues(spec("school", { clusterSe: { column: "district", type: "CR2" }, fixedEffects: "district" }))).toEqual([]);
  });
});
