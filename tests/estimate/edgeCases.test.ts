/** What the estimators say when the data cannot carry them: a note, never NaN. */
import { describe, expect, it } from "vitest";
import type { AnalysisTable, EstimationPlan } from "../../src/estimate/analysisTable.ts";
import { estimateEffects } from "../../src/estimate/estimateEffects.ts";

function table(arm: string[], columns: Record<string, (number | null)[]>, blocks: string[] | null = null): AnalysisTable {
  const numbers = Object.entries(columns).map(([name, values]) => [name, Float64Array.from(values, (v) => v ?? NaN)] as const);
  return { arm, blocks, permutationStrata: blocks, clusters: null, columns: new Map(numbers), subgroups: new Map() };
}
const plan = (overrides: Partial<EstimationPlan>): EstimationPlan => ({
  control: "c",
  arms: ["t"],
  outcomes: [{ id: "y", kind: "continuous" }],
  covariates: [],
  subgroups: [],
  permutations: 0,
  seed: 1,
  confidence: 0.95,
  ...overrides,
});
const find = (result: ReturnType<typeof estimateEffects>, estimator: string) => result.estimates.find((e) => e.estimator === estimator)!;
const noNaN = (result: ReturnType<typeof estimateEffects>) => {
  for (const e of result.estimates) for (const [key, value] of Object.entries(e)) if (typeof value === "number") expect(Number.isNaN(value), `${e.estimator}.${key}`).toBe(false);
};

describe("estimateEffects on data that cannot carry an estimator", () => {
  it("a single person in an arm: every estimator says so", () => {
    const result = estimateEffects(table(["t", "c", "c", "c"], { y: [1, 2, 3, 4] }), plan({}));
    expect(find(result, "difference_in_means")).toMatchObject({ estimate: null, notes: [{ code: "too_few_observed_per_arm", params: { treated: 1, control: 3 } }] });
    expect(find(result, "ols").estimate).toBeNull();
    noNaN(result);
  });

  it("a constant outcome: no standard error, named", () => {
    const result = estimateEffects(table(["t", "t", "c", "c"], { y: [5, 5, 5, 5] }), plan({}));
    expect(find(result, "difference_in_means").notes?.map((n) => n.code)).toContain("outcome_constant_in_arms");
    expect(find(result, "ols").notes?.map((n) => n.code)).toContain("perfect_fit");
    noNaN(result);
  });

  it("a collinear covariate is dropped and named", () => {
    const y = [3, 5, 2, 8, 6, 4, 9, 1];
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const result = estimateEffects(table(["t", "c", "t", "c", "t", "c", "t", "c"], { y, x, twice: x.map((v) => 2 * v) }), plan({ covariates: ["x", "twice"] }));
    expect(find(result, "ols_adjusted").dropped_covariates).toEqual(["twice"]);
    expect(find(result, "lin").dropped_covariates).toEqual(["twice"]);
    expect(find(result, "ols_adjusted").estimate).not.toBeNull();
  });

  it("a near-saturated design (a covariate that singles out one person) gives a note, not HC2 = NaN", () => {
    const y = [3, 5, 2, 8, 6, 4, 9, 1];
    const single = [1, 0, 0, 0, 0, 0, 0, 0];
    const result = estimateEffects(table(["t", "c", "t", "c", "t", "c", "t", "c"], { y, single }), plan({ covariates: ["single"] }));
    const adjusted = find(result, "ols_adjusted");
    expect(adjusted.estimate).toBeNull();
    expect(adjusted.notes?.map((n) => n.code)).toContain("leverage_one");
    noNaN(result);
  });

  it("a binary outcome with no events in one arm: risk ratio and logistic say why; Fisher still answers", () => {
    const result = estimateEffects(table(["t", "t", "t", "c", "c", "c"], { y: [0, 0, 0, 1, 0, 1] }), plan({ outcomes: [{ id: "y", kind: "binary" }] }));
    expect(find(result, "risk_ratio").notes?.map((n) => n.code)).toContain("no_events_in_arm_risk");
    expect(find(result, "logistic").notes?.map((n) => n.code)).toContain("separation");
    expect(find(result, "risk_difference").p_value_fisher).toBeCloseTo(0.4, 12); // R: fisher.test(matrix(c(0,3,2,1),2))$p.value
    noNaN(result);
  });

  it("a binary outcome everyone has: the risk ratio says why instead of a NaN p-value", () => {
    const result = estimateEffects(table(["t", "t", "t", "c", "c", "c"], { y: [1, 1, 1, 1, 1, 1] }), plan({ outcomes: [{ id: "y", kind: "binary" }] }));
    expect(find(result, "risk_ratio").notes?.map((n) => n.code)).toContain("everyone_has_outcome_risk_ratio");
    noNaN(result);
  });

  it("a count outcome with no events in one arm: the Poisson rate ratio says why", () => {
    const result = estimateEffects(table(["t", "t", "c", "c"], { y: [0, 0, 2, 3] }), plan({ outcomes: [{ id: "y", kind: "count" }] }));
    expect(find(result, "poisson").notes?.map((n) => n.code)).toContain("no_events_in_arm_rate");
  });

  it("a block with one arm missing: the blocked estimator says a block lacks an arm (and names no block: a block is data)", () => {
    const result = estimateEffects(table(["t", "c", "t", "c", "t", "t"], { y: [1, 2, 3, 4, 5, 6] }, ["a", "a", "a", "a", "b", "b"]), plan({}));
    expect(find(result, "difference_in_means_blocked").notes?.map((n) => n.code)).toEqual(["too_few_per_stratum"]);
  });

  it("units missing the outcome (censored) are left out of that outcome only", () => {
    const result = estimateEffects(table(["t", "t", "t", "c", "c", "c"], { y: [1, 2, null, 4, 5, 7], w: [1, 2, 3, 4, 5, 6] }), plan({ outcomes: [{ id: "y", kind: "continuous" }, { id: "w", kind: "continuous" }] }));
    const y = result.estimates.find((e) => e.outcome === "y" && e.estimator === "difference_in_means")!;
    const w = result.estimates.find((e) => e.outcome === "w" && e.estimator === "difference_in_means")!;
    expect([y.n_treated, y.n_control, w.n_treated, w.n_control]).toEqual([2, 3, 3, 3]);
    expect(y.estimate).toBeCloseTo(1.5 - 16 / 3, 12);
  });

  it("more than two arms: every arm against the control arm, each on its own two arms", () => {
    const result = estimateEffects(table(["a", "a", "b", "b", "c", "c"], { y: [1, 2, 10, 12, 4, 5] }), plan({ arms: ["a", "b"] }));
    const contrasts = result.estimates.filter((e) => e.estimator === "difference_in_means").map((e) => [e.contrast, e.estimate]);
    expect(contrasts).toEqual([["a vs c", -3], ["b vs c", 6.5]]);
  });
});
