/** The estimate stage's run on eight hand-made persons: the effect by hand and R's t.test, a KPI, and a matched design's wording. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ADJUSTMENT, run, type EstimateInput } from "../../src/estimate/index.ts";
import type { IngestArtefact } from "../../src/ingest/schema.ts";
import { EvaluationSpec } from "../../src/spec/schema.ts";
import { expectRelativelyClose } from "../helpers.ts";

const shipped = EvaluationSpec.parse(JSON.parse(readFileSync("fixtures/ungifokus/spec.json", "utf8")));
// Control y = 1, 2, 3, 4; treatment y = 3, 4, 5, 6 (b = 1 when y > 3): one block, no covariates.
const people = [1, 2, 3, 4, 3, 4, 5, 6].map((y, i) => ({ id: `P${i}`, arm: i < 4 ? "control" : "treatment", y }));
const ingest = { outcomes: [{ id: "y", type: "continuous", skipped: false }, { id: "b", type: "binary", skipped: false }], covariates: [] } as unknown as IngestArtefact;
const kpi = { id: "k", label: { da: "k", en: "k" }, outcome: "b", direction: "at_least", threshold: 0.5, arm: "treatment", minPersons: 1, source: "test" };

function input(assignment: EvaluationSpec["assignment"] = shipped.assignment): EstimateInput {
  return {
    spec: { ...shipped, assignment, kpis: [kpi], estimation: { ...shipped.estimation, covariates: [], subgroups: [], permutations: 0 } } as unknown as EvaluationSpec,
    ingest,
    persons: people.map((p) => ({ personId: p.id, startDate: "2022-01-01", referralDate: "", exitDate: "", exitReason: "", receivedProgramme: "" })),
    outcomes: people.map((p) => ({ personId: p.id, y: String(p.y), b: String(Number(p.y > 3)) })),
    assignments: people.map((p) => ({ personId: p.id, arm: p.arm, batch: "2022Q1", block: "all" })),
    seed: 7,
  };
}

describe("run(input)", () => {
  const effects = run(input());
  it("run(…) names the control, the adjustment and a randomised design", () => {
    expect(effects).toMatchObject({ artefact: "effects", control: "control", adjustment: ADJUSTMENT, design: "randomised" });
  });
  it("run(…) estimates y's difference in means as 2 with R's t.test(c(3,4,5,6), c(1,2,3,4)): t = 2.1909, df = 6, 95 % CI −0.2337 … 4.2337", () => {
    const dim = effects.estimates.find((e) => e.outcome === "y" && e.estimator === "difference_in_means")!;
    expect(dim).toMatchObject({ contrast: "treatment vs control", n_treated: 4, n_control: 4, mean_treated: 4.5, mean_control: 2.5 });
    expectRelativelyClose(dim.statistic!, 2.190890230020664, 1e-9, "t");
    expectRelativelyClose(dim.estimate!, 2, 1e-12, "estimate");
    // SE = √(5/3 / 4 + 5/3 / 4) = 0.9129.
    expectRelativelyClose(dim.std_error!, Math.sqrt(5 / 6), 1e-12, "SE");
    expectRelativelyClose(dim.conf_low!, -0.2337147, 1e-6, "low");
    expectRelativelyClose(dim.conf_high!, 4.2337147, 1e-6, "high");
  });
  it("run(…) evaluates the KPI on the treatment arm: 3 of 4 with b = 1, Wilson 0.30 … 0.95 includes 0.5, so not decided", () => {
    expect(effects.kpis).toHaveLength(1);
    expect(effects.kpis[0]).toMatchObject({ id: "k", persons: 4, achieved: 3, share: 0.75, verdict: "not_decided" });
  });
  it("run(matched design) marks every estimate not randomised and says the differences are associations", () => {
    const matched = run(input({ ...shipped.assignment!, mode: "matched" } as never));
    expect(matched.design).toMatch(/^not randomised: matched comparison/);
    expect(matched.estimates.length).toBeGreaterThan(0);
    expect(matched.estimates.every((e) => e.randomised === false)).toBe(true);
  });
  it("run(spec without an assignment) throws", () => {
    expect(() => run({ ...input(), spec: { ...input().spec, assignment: undefined } as never })).toThrow("estimate requires the spec's assignment");
  });
});
