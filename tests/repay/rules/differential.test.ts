/** The differential rule's arithmetic is the one the repayment-risk simulation applies, at the artefact's own confidence level. */
import { describe, expect, it } from "vitest";
import { repaymentRisk } from "../../../src/repay/repaymentRisk.ts";
import { differentialAmount } from "../../../src/repay/rules/differential.ts";
import { Contract } from "../../../src/repay/schema.ts";
import type { EffectsArtefact } from "../../../src/estimate/schema.ts";

const a = (value: number) => ({ value, source: "test" });
const contract = (rule: Record<string, unknown>) =>
  Contract.parse({
    name: "t", title: "t", source: "t", period: { from: "2022-01-01", to: "2023-12-31" }, startYear: 2022,
    investors: [{ id: "i", name: "i", capital: a(1e6) }], payers: [{ id: "k", name: "k", budget: "kommune_decentral", share: a(1) }],
    schedule: [{ period: "y1", paymentYear: 2023 }],
    rules: [{ kind: "differential", id: "d", label: "d", pricePerUnit: a(1), unit: "kr", periods: [{ period: "y1", outcome: "o" }], ...rule }],
  });
/** An estimate of −3 with SE 1 and a 99 % interval: conf_high = −3 + 2.5758293035489 × 1. */
const effects99: EffectsArtefact = {
  artefact: "effects", schema_version: 1, evaluation: "t", source: "t", confidence: 0.99, control: "control", adjustment: "", design: "randomised", subgroups: [], interactions: [], kpis: [],
  estimates: [{ outcome: "o", contrast: "treatment vs control", estimator: "difference_in_means", estimate: -3, std_error: 1, statistic: -3, df: 1e6, p_value: 0.0027, conf_low: -5.5758293035489, conf_high: -0.4241706964511, n_treated: 100, n_control: 100, mean_treated: 7, mean_control: 10 }],
};

describe("differentialAmount(rule, figures)", () => {
  it("point: −difference × price × n_treated = 3 × 1 × 100 = 300; lower bound: −conf_high × 1 × 100 ≈ 42.417", () => {
    const figures = { difference: -3, mean_control: 10, conf_high: -0.4241706964511, p_value: 0.0027, n_treated: 100 };
    expect(differentialAmount(contract({}).rules[0] as never, figures)).toBe(300);
    expect(differentialAmount(contract({ basis: "lower_bound" }).rules[0] as never, figures)).toBeCloseTo(42.41706964511, 9);
  });
});

describe("repaymentRisk on the lower bound uses the estimate's own 99 % interval, not 1.96", () => {
  it("P(triggered) = P(d + 2.5758·SE < 0) with d ~ N(−3, 2·SE²) = Φ((3 − 2.5758) / √2) = 0.6179 (1.96 would give 0.769)", () => {
    const [risk] = repaymentRisk(contract({ basis: "lower_bound" }), effects99, null, 1);
    // Φ(0.29997) = 0.61790; 10,000 draws: SE of a share ≈ 0.0049, so ±0.015 is three standard errors.
    expect(risk!.probabilityTriggered).toBeGreaterThan(0.6179 - 0.015);
    expect(risk!.probabilityTriggered).toBeLessThan(0.6179 + 0.015);
  });

  it("a threshold condition is the ledger's: paid when −d / mean_control ≥ 0.5, i.e. d ≤ −5: Φ((−5 + 3) / √2) = 0.0786", () => {
    const [risk] = repaymentRisk(contract({ condition: { kind: "threshold", minimumRelativeReduction: 0.5 } }), effects99, null, 1);
    expect(risk!.probabilityTriggered).toBeGreaterThan(0.0786 - 0.009);
    expect(risk!.probabilityTriggered).toBeLessThan(0.0786 + 0.009);
  });
});
