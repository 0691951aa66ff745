/** assignment.cluster in the spec: where it may stand, and one place to name the column. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSpec } from "../../src/spec/parseSpec.ts";

const shipped = JSON.parse(readFileSync("fixtures/clusters/spec.json", "utf8"));
const issuesOf = (json: unknown) => {
  const result = parseSpec(json);
  return "issues" in result ? result.issues.map((i) => ({ path: i.path, message: i.message })) : [];
};

describe("parseSpec(assignment.cluster)", () => {
  it("parseSpec(fixtures/clusters/spec.json) keeps the cluster column and no SE type unless asked", () => {
    const result = parseSpec(shipped);
    if (!("spec" in result)) throw new Error("the shipped cluster spec does not parse");
    expect(result.spec.assignment).toMatchObject({ mode: "randomise", cluster: "sagsbehandler" });
    expect(result.spec.estimation.clusterSe).toBeUndefined();
  });

  it("refuses a cluster column on a matched comparison", () => {
    const json = structuredClone(shipped);
    json.extracts.participation = { kind: "programme_participation", file: "p.csv" };
    json.assignment = { mode: "matched", matchOn: [{ covariate: "female" }], cluster: "sagsbehandler" };
    expect(issuesOf(json)).toContainEqual({ path: ["assignment", "cluster"], message: "a matched comparison is not cluster-randomised: cluster goes with mode randomise or existing" });
  });

  it("refuses a population that maps cluster to another column", () => {
    const json = structuredClone(shipped);
    json.extracts.population.columns.cluster = "team";
    expect(issuesOf(json)).toContainEqual({ path: ["assignment", "cluster"], message: "the population maps cluster to 'team': name the cluster column in one place" });
    json.extracts.population.columns.cluster = "sagsbehandler";
    expect(issuesOf(json)).toEqual([]);
  });

  it("refuses a covariate named cluster, which would collide with work/persons.csv's cluster column", () => {
    const json = structuredClone(shipped);
    json.covariates.push({ id: "cluster", kind: "female" });
    expect(issuesOf(json).map((i) => i.path)).toContainEqual(["assignment", "cluster"]);
  });

  it("takes CR1 as the cluster-robust SE type, and nothing else", () => {
    const json = structuredClone(shipped);
    json.estimation.clusterSe = "CR1";
    expect(issuesOf(json)).toEqual([]);
    json.estimation.clusterSe = "HC2";
    expect(issuesOf(json).map((i) => i.path)).toContainEqual(["estimation", "clusterSe"]);
  });

  it("takes estimation.clusterSe as {column, type} and estimation.fixedEffects a covariate id, with a clustering", () => {
    const json = structuredClone(shipped);
    delete json.assignment.cluster;
    json.estimation.clusterSe = { column: "sagsbehandler" };
    json.estimation.fixedEffects = "target_group";
    const result = parseSpec(json);
    if (!("spec" in result)) throw new Error("the spec with clusterSe {column} does not parse");
    expect(result.spec.estimation.clusterSe).toEqual({ column: "sagsbehandler", type: "CR2" });
    json.estimation.fixedEffects = "district";
    expect(issuesOf(json)).toContainEqual({ path: ["estimation", "fixedEffects"], message: "'district' is not a covariate id" });
    json.estimation.fixedEffects = "target_group";
    delete json.estimation.clusterSe;
    expect(issuesOf(json).map((i) => i.path)).toContainEqual(["estimation", "fixedEffects"]);
    json.estimation.clusterSe = { column: "sagsbehandler", type: "HC2" };
    expect(issuesOf(json).map((i) => i.path)).toContainEqual(["estimation", "clusterSe"]);
  });

  it("with clusters randomised whole, clusterSe.column is assignment.cluster or a covariate id", () => {
    const json = structuredClone(shipped);
    json.estimation.clusterSe = { column: "team", type: "CR1" };
    expect(issuesOf(json).map((i) => i.path)).toContainEqual(["estimation", "clusterSe", "column"]);
    json.estimation.clusterSe = { column: "target_group", type: "CR1" };
    expect(issuesOf(json)).toEqual([]);
  });
});
