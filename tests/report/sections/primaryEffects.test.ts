/** The memo table: one row per outcome with the primary estimator, in the outcome's unit. */
import { describe, expect, it } from "vitest";
import { texts } from "../../../src/report/i18n.ts";
import { primaryEffectsTable } from "../../../src/report/sections/primaryEffects.ts";
import type { ReportInput } from "../../../src/report/sections/section.ts";

const estimate = (estimator: string, values: object) => ({ outcome: "edu", contrast: "treatment vs control", estimator, n_treated: 200, n_control: 200, mean_treated: 0.124, mean_control: 0.089, p_value: 0.2, ...values });

function input(covariates: object[], primaryEstimator?: string): ReportInput {
  return {
    lang: "da",
    minCell: 5,
    spec: { outcomes: [{ id: "edu", kind: "in_education_at_month" }], covariates, estimation: { primaryEstimator }, assignment: { mode: "randomise", arms: [{ name: "control", control: true }, { name: "treatment" }] } },
    run: {
      ingest: { outcomes: [{ id: "edu", label: { da: "I uddannelse", en: "In education" }, type: "binary" }] },
      assignment: null,
      effects: {
        design: "randomised",
        estimates: [
          estimate("difference_in_means", { estimate: 0.035, conf_low: -0.012, conf_high: 0.082 }),
          estimate("ols_adjusted", { estimate: 0.031, conf_low: -0.015, conf_high: 0.077, p_value: 0.19 }),
        ],
      },
    },
  } as unknown as ReportInput;
}

describe("primaryEffectsTable(input, texts)", () => {
  it("with covariates takes the covariate-adjusted estimate, shares in procent and the difference in procentpoint", () => {
    const table = primaryEffectsTable(input([{ id: "age", kind: "age_at_start" }]), texts("da"))!;
    // 0.124 → 12,4 %; 0.031 → +3,1 procentpoint; CI −0.015 … 0.077 → -1,5 … +7,7 procentpoint.
    expect(table.rows).toEqual([
      { outcome: "I uddannelse", means: "12,4 % (Indsatsgruppe) mod 8,9 % (Kontrolgruppe)", difference: "+3,1 procentpoint", ci: "-1,5 procentpoint til +7,7 procentpoint", p: 0.19, estimator: "Justeret for baggrundsvariable (OLS)", outcome_id: "edu", contrast: "Indsatsgruppe mod kontrolgruppe", contrast_id: "treatment vs control", estimator_id: "ols_adjusted" },
    ]);
  });

  it("without covariates takes the difference in means, and the spec's choice wins", () => {
    expect(primaryEffectsTable(input([]), texts("da"))!.rows[0]!.difference).toBe("+3,5 procentpoint");
    expect(primaryEffectsTable(input([{ id: "age", kind: "age_at_start" }], "difference_in_means"), texts("da"))!.rows[0]!.difference).toBe("+3,5 procentpoint");
  });
});
