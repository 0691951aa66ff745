/** A whole business case on the hand-computed file (tests/project/handCase.ts): parsing, scenarios, sensitivity and published figures. */
import { describe, expect, it } from "vitest";
import { projectCase } from "../../src/project/projectCase.ts";
import { raw, s } from "./handCase.ts";

describe("projectCase(raw, file, effects) on assumption files", () => {
  it("sector shares that do not sum to 1 are an error naming the line and its JSON path", () => {
    const json = raw();
    (json.lines[0] as Record<string, unknown>).shares = { kommune: s(0.5), region: s(0.3), stat: s(0.3) };
    expect(() => projectCase(json, "case.json", null)).toThrow("case.json $.lines[0].shares: line 'line': sector shares sum to 1.1, not 1");
  });

  it("a horizon of a billion years is refused by name (found by the fuzz suite: it ran out of memory)", () => {
    expect(() => projectCase(raw({ horizonYears: s(1e9) }), "case.json", null)).toThrow("case.json $.horizonYears.value: the horizon must be more than 0 and at most 100 years");
  });

  it("every number needs its source", () => {
    const json = raw({ horizonYears: { value: 3 } });
    expect(() => projectCase(json, "case.json", null)).toThrow("case.json $.horizonYears.source");
  });

  it("an override of a line that does not exist names it", () => {
    const json = raw({ scenarios: [{ id: "bad", label: "bad", overrides: [{ path: "lines.nope.effect.value", value: 1 }] }] });
    expect(() => projectCase(json, "case.json", null)).toThrow("override lines.nope.effect.value: no element with id 'nope'");
  });

  it("an effect from effects.json carries the estimate's confidence interval into the savings", () => {
    const json = raw();
    (json.lines[0] as Record<string, unknown>).effect = { fromEffects: { outcome: "y", estimator: "difference_in_means", scale: s(-0.5) } };
    const effects = {
      artefact: "effects" as const, schema_version: 1 as const, evaluation: "t", source: "t", confidence: 0.95, control: "c", adjustment: "", design: "randomised", subgroups: [], interactions: [], kpis: [],
      estimates: [{ outcome: "y", contrast: "t vs c", estimator: "difference_in_means" as const, estimate: -4, std_error: 1, statistic: -4, df: 10, p_value: 0.01, conf_low: -6, conf_high: -2, n_treated: 6, n_control: 6, mean_treated: 1, mean_control: 5 }],
    };
    const [result] = projectCase(json, "case.json", effects).scenarios;
    // Effect = −4 × −0.5 = 2 a year, as before; the CI −6…−2 gives 1…3 a year → 3,000…9,000 kr over 3 years.
    expect(result!.totals.society).toBe(6000);
    expect(result!.lines[0]!.interval).toMatchObject({ low: 3000, high: 9000 });
  });
});

// The base case: 2,000 kr of savings a year for 3 years against one cohort's 5,000 kr → society's net 1,000 kr (no discounting).
describe("projectCase(raw, file, effects): scenarios, sensitivity and published figures", () => {
  const json = raw({
    scenarios: [{ id: "double", label: "twice the effect", overrides: [{ path: "lines.line.effect.value", value: 4 }] }],
    sensitivity: [{ label: "unit price", path: "lines.line.unitPrice.value", low: 50, high: 200, source: "test" }],
    published: [
      { id: "total", label: "total", published: 6000, unit: "kr", printed: "6,000 kr", output: "totals.society" },
      { id: "off", label: "off", published: 6100, unit: "kr", printed: "6,100 kr", output: "totals.society", nearest: [{ scenario: "double" }] },
      { id: "within5", label: "break-even within 5 years", published: 5, unit: "years", printed: "within 5 years", output: "breakEven.year.society", comparison: "at_most" },
    ],
  });
  const result = projectCase(json, "case.json", null);

  it("projectCase(…) projects the base case and each scenario with its overrides: twice the effect, 12,000 kr", () => {
    expect(result.scenarios.map((r) => [r.scenario, r.totals.society])).toEqual([["base", 6000], ["double", 12000]]);
    expect(result.basis).toEqual({ cohortSize: 10, newCohortEachYear: true, horizonYears: 3, kommuneBudget: null, illustrative: false });
  });
  it("projectCase(…) moves each sensitivity item to its low and high: 50 kr → 3,000 − 5,000; 200 kr → 12,000 − 5,000", () => {
    expect(result.sensitivity).toHaveLength(1);
    expect(result.sensitivity[0]!.societyNet).toEqual({ low: -2000, base: 1000, high: 7000 });
    // The kommune holds half the savings and pays the cohort: 1,500 − 5,000, 3,000 − 5,000, 6,000 − 5,000.
    expect(result.sensitivity[0]!.kommuneNet).toEqual({ low: -3500, base: -2000, high: 1000 });
  });
  it("projectCase(…) compares published figures: 6,000 reproduced; 6,100 differs by −100 / 6,100 with the nearest derivation; at_most 5 years holds at 3", () => {
    const [total, off, within5] = result.published;
    expect(total).toMatchObject({ reproduced: 6000, difference: 0, relativeDifference: 0, verdict: "reproduced" });
    expect(off).toMatchObject({ reproduced: 6000, difference: -100, verdict: "differs" });
    expect(off!.relativeDifference).toBeCloseTo(-100 / 6100, 12);
    expect(off!.nearest).toEqual([{ scenario: "double", label: "twice the effect", description: null, value: 12000, relativeDifference: (12000 - 6100) / 6100 }]);
    expect(within5).toMatchObject({ reproduced: 3, verdict: "reproduced" });
  });
  it("projectCase(effect from effects.json whose estimate is not estimable) is reported, not projected, and says why", () => {
    const fromEffects = raw();
    (fromEffects.lines[0] as Record<string, unknown>).effect = { fromEffects: { outcome: "y", estimator: "difference_in_means", scale: s(-0.5) } };
    const effects = {
      artefact: "effects" as const, schema_version: 1 as const, evaluation: "t", source: "t", confidence: 0.95, control: "c", adjustment: "", design: "randomised", subgroups: [], interactions: [], kpis: [],
      estimates: [{ outcome: "y", contrast: "t vs c", estimator: "difference_in_means" as const, estimate: null, std_error: null, statistic: null, df: null, p_value: null, conf_low: null, conf_high: null, n_treated: 1, n_control: 0, mean_treated: 1, mean_control: null }],
    };
    const notProjected = projectCase(fromEffects, "case.json", effects);
    expect(notProjected).toMatchObject({ name: "hand", basis: null, scenarios: [], sensitivity: [], published: [] });
    expect(notProjected.notProjected).toMatch(/^line 'line': the difference_in_means estimate for 'y' is not estimable/);
  });
});
