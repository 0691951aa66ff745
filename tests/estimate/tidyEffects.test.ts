import { describe, expect, it } from "vitest";
import type { EffectsArtefact } from "../../src/estimate/schema.ts";
import { TIDY_COLUMNS, tidyEffects } from "../../src/estimate/tidyEffects.ts";

const artefact = {
  artefact: "effects",
  schema_version: 1,
  evaluation: "e",
  source: "s",
  confidence: 0.95,
  control: "control",
  design: "randomised",
  adjustment: "none",
  subgroups: [],
  interactions: [],
  kpis: [],
  estimates: [
    { outcome: "job", contrast: "treatment vs control", estimator: "risk_ratio", estimate: 1.5, std_error: 0.2, statistic: 2.1, df: null, p_value: 0.03, conf_low: 1.1, conf_high: 2.2, log_estimate: 0.405, n_treated: 10, n_control: 12, mean_treated: 0.6, mean_control: 0.4, p_value_holm: 0.06, p_value_bh: 0.045, notes: [{ code: "too_few_for_model", params: { persons: 3, coefficients: 4 } }, { code: "rate_ratio_log_scale", params: {} }] },
  ],
} as unknown as EffectsArtefact;

describe("tidyEffects(artefact)", () => {
  it("tidyEffects writes broom-style columns in TIDY_COLUMNS order, nulls as empty cells, notes as tokens joined by semicolons, a comma-holding token quoted", () => {
    const [header, row, end] = tidyEffects(artefact).split("\n");
    expect(header).toBe(TIDY_COLUMNS.join(","));
    expect(row).toBe('job,treatment vs control,risk_ratio,1.5,0.2,2.1,,0.03,1.1,2.2,0.405,10,12,0.6,0.4,0.06,0.045,"too_few_for_model(persons=3,coefficients=4); rate_ratio_log_scale"');
    expect(end).toBe("");
  });

  it("tidyEffects leaves a column empty where an estimate lacks the field (log_estimate of a difference)", () => {
    const difference = { ...artefact, estimates: [{ ...artefact.estimates[0]!, log_estimate: undefined, notes: undefined }] } as EffectsArtefact;
    const row = tidyEffects(difference).split("\n")[1]!;
    expect(row.split(",")[TIDY_COLUMNS.indexOf("log_estimate")]).toBe("");
    expect(row.endsWith(",")).toBe(true);
  });
});
