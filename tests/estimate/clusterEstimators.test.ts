/**
 * Cluster-randomised designs against R (fixtures/reference/clusters.R → clusters.json): estimatr
 * lm_robust / lm_lin with clusters (CR2 with Bell–McCaffrey df, checked against clubSandwich's
 * vcovCR in the script; and CR1 = se_type "stata"), difference_in_means with clusters, and with
 * blocks and clusters — matched pairs (10 blocks of two clusters) and six clusters per block —
 * on unequal cluster sizes, to 1e-8 relative.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { estimateEffects } from "../../src/estimate/estimateEffects.ts";
import { tableFromRows } from "../../src/estimate/tableFromRows.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/clusters.json", "utf8"));
const FIELDS = ["estimate", "std_error", "statistic", "df", "p_value", "conf_low", "conf_high", "clusters"] as const;

for (const set of ["pairs", "blocks"]) {
  describe(`cluster-randomised set '${set}' = estimatr`, () => {
    const [header, ...rows] = parse(readFileSync(`fixtures/reference/clusters-${set}.csv`, "utf8")) as string[][];
    const { table, issues } = tableFromRows(header!, rows.map((fields, i) => ({ line: i + 2, fields })), {
      file: set, decimal: ".", treatment: "arm", blocks: "block", clusters: "cluster", numeric: ["y", "x"], binary: [], counts: [], subgroups: [],
    });
    const plan = { control: "control", arms: ["treatment"], outcomes: [{ id: "y", kind: "continuous" as const }], covariates: ["x"], subgroups: [], permutations: 0, seed: 1, confidence: 0.95 };
    for (const type of ["CR2", "CR1"] as const) {
      it(`every estimator with ${type} agrees with R to 1e-8`, () => {
        expect(issues).toEqual([]);
        const result = estimateEffects(table, { ...plan, clusterSe: type });
        const expected = reference.estimates.filter((r: any) => r.set === set && (type === "CR2" ? !r.estimator.includes(":") : r.estimator.endsWith(":CR1")));
        expect(expected.length).toBe(type === "CR2" ? 5 : 3);
        for (const r of expected) {
          const ours = result.estimates.find((e) => e.estimator === r.estimator.replace(":CR1", ""))!;
          for (const field of FIELDS) expectRelativelyClose(ours[field] as number, r[field], 1e-8, `${set} ${r.estimator} ${field}`);
        }
      });
    }
  });
}

describe("clustered estimators refuse a cluster holding both arms", () => {
  it("clusteredRegressionEstimate names the cluster", () => {
    const { table } = tableFromRows(["arm", "c", "y"], [["t", "a", "1"], ["c", "a", "2"], ["t", "b", "3"], ["c", "d", "1"], ["t", "e", "2"], ["c", "f", "5"]].map((fields, i) => ({ line: i + 2, fields })), {
      file: "t", decimal: ".", treatment: "arm", blocks: null, clusters: "c", numeric: ["y"], binary: [], counts: [], subgroups: [],
    });
    const result = estimateEffects(table, { control: "c", arms: ["t"], outcomes: [{ id: "y", kind: "continuous" }], covariates: [], subgroups: [], permutations: 0, seed: 1, confidence: 0.95 });
    expect(result.estimates.find((e) => e.estimator === "ols")!.notes?.map((n) => n.code)).toContain("cluster_mixed_arms");
  });
});

describe("randomisation inference at the cluster level", () => {
  it("enumerates all 2^10 ways to treat one cluster per pair and gets R's exact p", () => {
    const [header, ...rows] = parse(readFileSync("fixtures/reference/clusters-pairs.csv", "utf8")) as string[][];
    const { table } = tableFromRows(header!, rows.map((fields, i) => ({ line: i + 2, fields })), {
      file: "pairs", decimal: ".", treatment: "arm", blocks: "block", clusters: "cluster", numeric: ["y", "x"], binary: [], counts: [], subgroups: [],
    });
    const result = estimateEffects(table, { control: "control", arms: ["treatment"], outcomes: [{ id: "y", kind: "continuous" }], covariates: [], subgroups: [], permutations: 5000, seed: 1, confidence: 0.95 });
    const ri = result.estimates.find((e) => e.estimator === "randomization")!;
    const r = reference.exact_randomization;
    // Person-level re-randomisation would give C(194, ~97) assignments, never exact: 1024 says clusters were permuted.
    expect(ri).toMatchObject({ permutations: r.assignments, exact: true, clusters: 20 });
    expectRelativelyClose(ri.estimate!, r.estimate, 1e-12, "estimate");
    expectRelativelyClose(ri.p_value!, r.p, 1e-12, "p");
  });
});
