/**
 * Baseline balance at the cluster level, for a cluster-randomised design: each cluster is
 * one unit, described by its persons' mean of each covariate (for a binary covariate its
 * share, for each level of a categorical one the share at that level), and the clusters of
 * an arm are compared with the clusters of the control arm by balanceRows as continuous
 * values (Welch t on cluster means, SMD with the clusters' sample variances).
 */
import { mean } from "../stats/describe.ts";
import { balanceRows, MISSING_LEVEL } from "./balanceTable.ts";
import type { BalanceRow, PersonRow } from "./schema.ts";

export interface ClusterBalance {
  readonly comparison: string;
  readonly clusters: Record<string, number>;
  readonly rows: BalanceRow[];
}

/** Cluster-mean balance of one arm against the control arm; `clusterIds` are persons by cluster, in each arm. */
export function clusterBalance(
  armClusters: ReadonlyMap<string, readonly string[]>,
  controlClusters: ReadonlyMap<string, readonly string[]>,
  armName: string,
  controlName: string,
  covariateIds: readonly string[],
  typeOf: ReadonlyMap<string, "continuous" | "binary" | "categorical">,
  personOf: ReadonlyMap<string, PersonRow>,
  threshold: number,
): ClusterBalance {
  const sorted = (clusters: ReadonlyMap<string, readonly string[]>) => [...clusters].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, ids]) => ids);
  const armUnits = sorted(armClusters);
  const controlUnits = sorted(controlClusters);
  const text = (pid: string, id: string) => personOf.get(pid)?.[id] ?? "";
  const rows: BalanceRow[] = [];
  // An arm without clusters has no means to compare: no rows (the stage stops on the empty arm).
  for (const id of armUnits.length === 0 || controlUnits.length === 0 ? [] : covariateIds.filter((c) => typeOf.has(c))) {
    const type = typeOf.get(id)!;
    const levels =
      type === "categorical" ? [...new Set([...armUnits, ...controlUnits].flat().map((pid) => (text(pid, id) === "" ? MISSING_LEVEL : text(pid, id))))].sort() : [null];
    for (const level of levels) {
      const valueOf = (pid: string) => (level === null ? Number(text(pid, id)) : Number((text(pid, id) === "" ? MISSING_LEVEL : text(pid, id)) === level));
      const means = (units: readonly (readonly string[])[]) => units.map((ids) => mean(ids.map(valueOf)));
      const [row] = balanceRows({ id, type: "continuous", arm: means(armUnits), control: means(controlUnits) }, armName, controlName, threshold);
      rows.push({ ...row!, level, type });
    }
  }
  return { comparison: `${armName} vs ${controlName}`, clusters: { [armName]: armUnits.length, [controlName]: controlUnits.length }, rows };
}
