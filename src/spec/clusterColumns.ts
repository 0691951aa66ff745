/**
 * Where the spec's clusterings come from (estimation.clusterSe, estimation.fixedEffects, assignment.cluster): the
 * population column ingest reads as each person's cluster, the column the estimate stage clusters its SEs on, and
 * the problems of a spec that names them inconsistently.
 */
import type { EvaluationSpec } from "./schema.ts";

type SpecClusters = Pick<EvaluationSpec, "covariates" | "assignment" | "estimation">;

/** The population column read as each person's cluster (work/persons.csv's `cluster`): the randomised clusters, else the SE clusters when they are not a covariate. */
export function populationClusterColumn(spec: SpecClusters): string | undefined {
  if (spec.assignment?.cluster !== undefined) return spec.assignment.cluster;
  const column = seClusterColumn(spec);
  return column !== undefined && !spec.covariates.some((c) => c.id === column) ? column : undefined;
}

/** The column estimation.clusterSe names, if it names one (a type alone clusters on assignment.cluster). */
export function seClusterColumn(spec: SpecClusters): string | undefined {
  const setting = spec.estimation.clusterSe;
  return typeof setting === "object" ? setting.column : undefined;
}

/** The cluster-robust SE type of the estimate stage: stata is CR1. */
export function clusterSeType(spec: SpecClusters): "CR2" | "CR1" | "CR0" | undefined {
  const setting = spec.estimation.clusterSe;
  const type = typeof setting === "object" ? setting.type : setting;
  return type === "stata" ? "CR1" : type;
}

/** A spec's clustering problems, each with its path. */
export function clusterSeIssues(spec: SpecClusters): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const covariateIds = spec.covariates.map((c) => c.id);
  const column = seClusterColumn(spec);
  const assigned = spec.assignment?.cluster;
  if (column !== undefined && assigned !== undefined && column !== assigned && !covariateIds.includes(column))
    issues.push({ path: ["estimation", "clusterSe", "column"], message: `'${column}' is neither a covariate id nor assignment.cluster ('${assigned}'): with clusters randomised whole, SEs are clustered on them or on a covariate` });
  if (column !== undefined && spec.assignment?.mode === "matched") issues.push({ path: ["estimation", "clusterSe", "column"], message: "cluster-robust SEs go with a randomised design (mode randomise or existing)" });
  if (column !== undefined && column !== assigned && !covariateIds.includes(column) && covariateIds.includes("cluster"))
    issues.push({ path: ["estimation", "clusterSe", "column"], message: "a covariate is named 'cluster', the column work/persons.csv keeps the cluster in: rename the covariate" });
  const fixedEffects = spec.estimation.fixedEffects;
  if (fixedEffects !== undefined && !covariateIds.includes(fixedEffects)) issues.push({ path: ["estimation", "fixedEffects"], message: `'${fixedEffects}' is not a covariate id` });
  if (fixedEffects !== undefined && column === undefined && assigned === undefined)
    issues.push({ path: ["estimation", "fixedEffects"], message: "fixed effects go with clustered SEs: name estimation.clusterSe.column or assignment.cluster" });
  return issues;
}
