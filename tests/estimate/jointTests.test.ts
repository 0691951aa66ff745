import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { jointTests } from "../../src/estimate/jointTests.ts";
import type { AnalysisTable, EstimationPlan } from "../../src/estimate/analysisTable.ts";
import { expectRelativelyClose } from "../helpers.ts";

// R's values: fixtures/reference/clustered.R (lm_robust HC2 + car::linearHypothesis, survdiff) on the three-arm trial.
const reference = JSON.parse(readFileSync("fixtures/reference/clustered.json", "utf8"));
const rows = parse(readFileSync("fixtures/reference/clustered-threearm.csv", "utf8"), { columns: true }) as Record<string, string>[];
const column = (name: string) => Float64Array.from(rows, (r) => Number(r[name]));
const table = (clusters: string[] | null): AnalysisTable => ({
  arm: rows.map((r) => r.arm!), blocks: null, permutationStrata: null, clusters,
  columns: new Map([["y", column("y")], ["w", column("w")], ["time", column("time")], ["event", column("event")]]), subgroups: new Map(),
});
const plan: EstimationPlan = {
  control: "control", arms: ["a", "b"], covariates: [], subgroups: [], permutations: 0, seed: 1, confidence: 0.95,
  outcomes: [{ id: "y", kind: "continuous" }, { id: "time", kind: "time_to_event", survival: { event: "event", at: [], tau: null, ties: "efron" } }],
};

describe("jointTests(table, plan)", () => {
  it("jointTests gives the HC2 Wald F that a and b share the control's mean and the 3-sample log-rank χ², as R", () => {
    const [wald, logrank] = jointTests(table(null), plan);
    const r = reference.joint_wald[0];
    expectRelativelyClose(wald!.statistic!, r.f, 1e-8, "F");
    expectRelativelyClose(wald!.p_value!, r.p_f, 1e-8, "p");
    expect([wald!.df1, wald!.df2]).toEqual([2, 147]);
    expectRelativelyClose(logrank!.statistic!, reference.logrank_k.chisq, 1e-8, "χ²");
    expectRelativelyClose(logrank!.p_value!, reference.logrank_k.p_value, 1e-8, "log-rank p");
  });

  it("jointTests is empty for two arms and under clustering (an HC2 or log-rank test would ignore the clusters)", () => {
    expect(jointTests(table(null), { ...plan, arms: ["a"] })).toEqual([]);
    expect(jointTests(table(rows.map((r) => r.cluster!)), plan)).toEqual([]);
  });

  it("jointTests names an arm without persons in the log-rank test instead of testing fewer arms", () => {
    const [, logrank] = jointTests(table(null), { ...plan, arms: ["a", "b", "c"] });
    expect(logrank).toMatchObject({ statistic: null, p_value: null, notes: [{ code: "needs_both_arms", params: {} }] });
  });
});
