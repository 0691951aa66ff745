import { describe, expect, it } from "vitest";
import type { EffectEstimate } from "../../src/estimate/schema.ts";
import { summaryTable } from "../../src/estimate/summaryTable.ts";

const entry = (change: Partial<EffectEstimate>): EffectEstimate => ({
  outcome: "days",
  contrast: "treatment vs control",
  estimator: "difference_in_means",
  estimate: -12.345,
  std_error: 4,
  statistic: -3,
  df: 40,
  p_value: 0.0004,
  conf_low: -20.5,
  conf_high: -4.25,
  n_treated: 21,
  n_control: 22,
  mean_treated: 1,
  mean_control: 2,
  ...change,
});

describe("summaryTable(estimates, confidence)", () => {
  it("summaryTable prints a header with the confidence and one line per estimate, numbers right-aligned", () => {
    const lines = summaryTable([entry({}), entry({ outcome: "job", estimator: "risk_ratio", estimate: 1.5, conf_low: null, p_value: 0.04567, n_treated: 5 })], 0.9);
    expect(lines).toEqual([
      "outcome  contrast              estimator            estimate            90 % CI       p  n arm  n control",
      "days     treatment vs control  difference_in_means   -12.345  -20.500 to -4.250  <0.001     21         22",
      "job      treatment vs control  risk_ratio              1.500                  —   0.046      5         22",
    ]);
  });

  it("summaryTable writes 100 and over with one decimal, very large and very small numbers exponentially, missing as —", () => {
    const [, line] = summaryTable([entry({ estimate: 123.456, conf_low: 250000, conf_high: 0.0001, p_value: null })], 0.95);
    expect(line).toContain("123.5");
    expect(line).toContain("2.500e+5 to 1.000e-4");
    expect(line).toMatch(/ — +21 +22$/);
  });
});
