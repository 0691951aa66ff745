/**
 * Baseline balance of the allocation: per covariate and arm against the control arm
 * (means, SMD, Welch t or χ²) with the omnibus test (unstratified, and by block when
 * there are blocks); per cluster for a cluster-randomised design; and, for a matched
 * comparison, the programme group against the whole pool before matching.
 */
import type { AssignmentSpec } from "../spec/schema.ts";
import { pushTo } from "../shared/collections.ts";
import { omnibusBalance } from "../stats/omnibusBalance.ts";
import { balanceRows, MISSING_LEVEL, type CovariateValues } from "./balanceTable.ts";
import { clusterBalance, type ClusterBalance } from "./clusterBalance.ts";
import type { BalanceRow, OmnibusTest, PersonRow } from "./schema.ts";
import { byPersonId, type Arm, type Assigned } from "./allocate/allocation.ts";

type CovariateType = "continuous" | "binary" | "categorical";

export interface BalanceInput {
  readonly design: AssignmentSpec;
  readonly arms: readonly Arm[];
  readonly persons: readonly PersonRow[];
  /** Every covariate the spec names (balance.covariates narrows them). */
  readonly covariateIds: readonly string[];
  /** Covariate → its type, as ingest derived it. */
  readonly typeOf: ReadonlyMap<string, CovariateType>;
  readonly enrolled: ReadonlySet<string>;
  readonly assigned: ReadonlyMap<string, Assigned>;
  readonly clusterOf: ReadonlyMap<string, string>;
}

export interface Balance {
  readonly rows: BalanceRow[];
  readonly omnibus: OmnibusTest[];
  /** Cluster-randomised: the cluster-mean comparisons; null without a cluster column. */
  readonly clusters: ClusterBalance[] | null;
  /** Matched: the programme group against the whole comparison pool; null otherwise. */
  readonly beforeMatching: { rows: BalanceRow[]; omnibus: OmnibusTest[] } | null;
}

export function balanceOfAllocation(input: BalanceInput): Balance {
  const { design, arms, assigned, enrolled } = input;
  const covariateIds = design.balance.covariates ?? input.covariateIds;
  const personOf = new Map(input.persons.map((p) => [p.personId, p]));
  const control = arms.find((a) => a.control)!;
  const treated = arms.filter((a) => !a.control);
  // Person-id order, so that the same allocation gives the same sums whichever way it arrived.
  const byId = [...assigned].filter(([id]) => enrolled.has(id)).sort(([a], [b]) => byPersonId(a, b));
  const idsIn = (arm: string) => byId.filter(([, a]) => a.arm === arm).map(([id]) => id);
  const rows: BalanceRow[] = [];
  const omnibus: OmnibusTest[] = [];
  for (const arm of treated) {
    const result = balanceOf(idsIn(arm.name), idsIn(control.name), arm.name, control.name, covariateIds, input.typeOf, personOf, design.balance.smdThreshold, (id) => assigned.get(id)!.block);
    rows.push(...result.rows);
    omnibus.push(...result.omnibus);
  }
  const clusterColumn = design.mode === "matched" ? undefined : design.cluster;
  const byCluster = (armName: string) => {
    const map = new Map<string, string[]>();
    for (const [id, a] of byId) if (a.arm === armName) pushTo(map, input.clusterOf.get(id) ?? "", id);
    return map;
  };
  const clusters = clusterColumn === undefined ? null : treated.map((arm) => clusterBalance(byCluster(arm.name), byCluster(control.name), arm.name, control.name, covariateIds, input.typeOf, personOf, design.balance.smdThreshold));
  let beforeMatching: Balance["beforeMatching"] = null;
  if (design.mode === "matched") {
    const sorted = [...input.persons].sort((a, b) => byPersonId(a.personId, b.personId));
    const programmeIds = sorted.filter((p) => p.receivedProgramme === "1").map((p) => p.personId);
    const poolIds = sorted.filter((p) => p.receivedProgramme !== "1").map((p) => p.personId);
    beforeMatching = balanceOf(programmeIds, poolIds, treated[0]!.name, control.name, covariateIds, input.typeOf, personOf, design.balance.smdThreshold, null);
  }
  return { rows, omnibus, clusters, beforeMatching };
}

/** Balance of one arm against the control arm: per-covariate rows and the omnibus test (also by block when there are blocks). */
export function balanceOf(
  armIds: readonly string[],
  controlIds: readonly string[],
  armName: string,
  controlName: string,
  covariateIds: readonly string[],
  typeOf: ReadonlyMap<string, CovariateType>,
  personOf: ReadonlyMap<string, PersonRow>,
  threshold: number,
  blockOfUnit: ((id: string) => string) | null,
): { rows: BalanceRow[]; omnibus: OmnibusTest[] } {
  // An empty group has no mean to compare: no balance rows (the stage stops on the empty arm, emptyGroups).
  if (armIds.length === 0 || controlIds.length === 0) return { rows: [], omnibus: [] };
  const valuesOf = (ids: readonly string[], id: string, type: string) =>
    ids.map((pid) => {
      const text = personOf.get(pid)?.[id] ?? "";
      return type === "categorical" ? (text === "" ? MISSING_LEVEL : text) : Number(text);
    });
  const covariates: CovariateValues[] = covariateIds
    .filter((id) => typeOf.has(id))
    .map((id) => ({ id, type: typeOf.get(id)!, arm: valuesOf(armIds, id, typeOf.get(id)!), control: valuesOf(controlIds, id, typeOf.get(id)!) }));
  const rows = covariates.flatMap((covariate) => balanceRows(covariate, armName, controlName, threshold));
  const units = [...armIds, ...controlIds];
  const z = units.map((_, i) => Number(i < armIds.length));
  const { columns, columnNames } = designColumns(covariates);
  const comparison = `${armName} vs ${controlName}`;
  const method = "RItools::xBalance omnibus chi-square d'Σ⁺d, df = rank Σ (harmonic stratum weights)";
  const unstratified = omnibusBalance(z, columns, units.map(() => "all"));
  const omnibus: OmnibusTest[] = [{ comparison, method, strata: "none", chiSquare: unstratified.chiSquare, df: unstratified.df, p: unstratified.p, covariateColumns: columnNames }];
  const blocks = blockOfUnit ? units.map(blockOfUnit) : [];
  if (new Set(blocks).size > 1) {
    const stratified = omnibusBalance(z, columns, blocks);
    omnibus.push({ comparison, method, strata: "blocks", chiSquare: stratified.chiSquare, df: stratified.df, p: stratified.p, covariateColumns: columnNames });
  }
  return { rows, omnibus };
}

/** The omnibus test's covariate columns: a continuous or binary covariate as it is, a categorical one as one indicator per level. */
function designColumns(covariates: readonly CovariateValues[]): { columns: number[][]; columnNames: string[] } {
  const columns: number[][] = [];
  const columnNames: string[] = [];
  for (const covariate of covariates) {
    const all = [...covariate.arm, ...covariate.control];
    if (covariate.type === "categorical") {
      for (const level of [...new Set(all.map(String))].sort()) {
        columns.push(all.map((v) => Number(String(v) === level)));
        columnNames.push(`${covariate.id}=${level}`);
      }
    } else {
      columns.push(all as number[]);
      columnNames.push(covariate.id);
    }
  }
  return { columns, columnNames };
}
