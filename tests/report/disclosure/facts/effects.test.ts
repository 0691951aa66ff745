import { describe, expect, it } from "vitest";
import { effectFacts, effectRowOf, nKeys } from "../../../../src/report/disclosure/facts/effects.ts";
import { asRun, bookOver, equationLines } from "./book.ts";

const estimate = { outcome: "job", contrast: "treatment vs control", estimator: "difference_in_means", n_treated: 100, n_control: 100, mean_treated: 0.2, mean_control: 0.1 };
const run = { ingest: { persons: 200, outcomes: [{ id: "job", type: "binary", quantum: null }] }, effects: { estimates: [estimate, { ...estimate, estimator: "ols_adjusted" }] } };
const tables = {
  effects: [{ outcome_id: "job", contrast_id: "treatment vs control", estimator_id: "difference_in_means", n_treated: 100, n_control: 100, estimate: 0.1, relative: 1 }],
  effects_primary: [{ outcome_id: "job", contrast_id: "treatment vs control", means: "20 % og 10 %" }],
};

describe("effectFacts", () => {
  const { writer, book } = bookOver(tables, run);
  for (const [arm, n] of [["treatment", 100], ["control", 100]] as const) writer.fact(`status:job:${arm}:observed`, n);
  effectFacts.collect(writer, asRun(run));

  it("effectFacts records n per arm of the estimates the table shows (the ols row is not shown)", () => {
    expect(nKeys(estimate)).toEqual(["n:job:treatment:difference_in_means", "n:job:control:difference_in_means:control"]);
    expect(book.facts.get("n:job:treatment:difference_in_means")).toMatchObject({ value: 100, cells: [{ table: "effects", row: 0, key: "n_treated" }] });
    expect(book.facts.has("n:job:treatment:ols_adjusted")).toBe(false);
    expect(effectRowOf(tables.effects, { ...estimate, estimator: "ols_adjusted" })).toBe(-1);
  });

  it("effectFacts gives a binary estimate its events (0.2 × 100 = 20, 0.1 × 100 = 10), revealed by every estimate cell", () => {
    expect(book.facts.get("events:job:treatment vs control:treatment")).toMatchObject({ value: 20, group: "estimate:job:treatment vs control" });
    expect(book.facts.get("nonevents:job:treatment vs control:control")!.value).toBe(90);
    const reveals = book.facts.get("events:job:treatment vs control:control")!.reveals;
    expect(reveals.filter((r) => r.table === "effects").map((r) => r.key)).toEqual(["estimate", "conf_low", "conf_high", "p", "p_holm", "p_bh", "relative"]);
    // The memo table states the means in words: it reveals the events too.
    expect(reveals.filter((r) => r.table === "effects_primary").map((r) => r.key)).toEqual(["means", "difference", "ci", "p"]);
    expect(equationLines(book.equations)).toContain("n:job:treatment:difference_in_means = events:job:treatment vs control:treatment + nonevents:job:treatment vs control:treatment");
  });

  it("effectFacts: estimate ÷ relative gives the control mean back (0.1 ÷ 1 → [0.0995/1.0005, 0.1005/0.9995])", () => {
    const control = book.quantities.find((q) => q.what.includes("estimate ÷ relative (control)"))!;
    expect(control.interval[0]).toBeCloseTo(0.0995 / 1.0005, 12);
    expect(control.interval[1]).toBeCloseTo(0.1005 / 0.9995, 12);
    expect(control.n).toBe("n:job:control:difference_in_means:control");
  });
});
