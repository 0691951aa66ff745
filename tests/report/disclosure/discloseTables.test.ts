/**
 * discloseTables(tables, options) on hand-made tables (the business case's: businessFacts.test.ts; every run: attack.test.ts).
 *
 * The status page's primary effect follows the estimator it shows (issue 26, part 5): the engine hides it when the
 * effects table hides that estimator's estimate, or the memo row it is worded from — not only the difference in means.
 */
import { describe, expect, it } from "vitest";
import { discloseTables } from "../../../src/report/disclosure/discloseTables.ts";
import type { RunArtefacts } from "../../../src/report/buildReport.ts";
import type { Cell } from "../../../src/report/suppression.ts";
import type { Table } from "../../../src/report/table.ts";

const contrast = "treatment vs control";
const estimate = (estimator: string, value: number) => ({ outcome: "edu", contrast, estimator, n_treated: 100, n_control: 100, mean_treated: 0.4, mean_control: 0.3, estimate: value, conf_low: -0.02, conf_high: 0.22, p_value: 0.1 });
const run = {
  ingest: { persons: 200, asOf: "2024-12-31", outcomes: [{ id: "edu", type: "binary", label: "edu", observed: 200, censored: 0, incomplete: 0, notApplicable: 0 }] },
  assignment: null,
  effects: { design: "randomised", confidence: 0.95, estimates: [estimate("difference_in_means", 0.1), estimate("ols_adjusted", 0.098)], subgroups: [], kpis: [] },
  projection: null,
  repayment: null,
} as unknown as RunArtefacts;

const EFFECT = "edu: +9,8 procentpoint (95 % KI -2,0 procentpoint til +22,0 procentpoint; p = 0,100); estimator: Justeret for baggrundsvariable (OLS)";

/** The effects table (as the section left it), the memo row, and the status row showing the OLS result. */
function statusEffect(olsEstimate: Cell, memoDifference: Cell): Cell {
  const effects: Table = {
    id: "effects",
    columns: [{ key: "estimate", label: "e", kind: "number", digits: 3 }],
    rows: [
      { outcome_id: "edu", contrast_id: contrast, estimator_id: "difference_in_means", estimate: 0.1 },
      { outcome_id: "edu", contrast_id: contrast, estimator_id: "ols_adjusted", estimate: olsEstimate },
    ],
  };
  const memo: Table = { id: "effects_primary", columns: [{ key: "difference", label: "d", kind: "text" }], rows: [{ outcome_id: "edu", contrast_id: contrast, estimator_id: "ols_adjusted", difference: memoDifference }] };
  const status: Table = { id: "status", columns: [{ key: "effect", label: "e", kind: "text" }], rows: [{ effect_of: ["edu", contrast, "ols_adjusted"].join("\u0000"), effect: EFFECT }] };
  const out = discloseTables([effects, memo, status], { lang: "da", minCell: 5, run, previous: null }).tables;
  return out.find((t) => t.id === "status")!.rows[0]!.effect ?? null;
}

describe("discloseTables(tables, options): the status page's primary effect", () => {
  it("discloseTables(…) shows it when the effects table shows the estimator's estimate and the memo row its difference", () => {
    expect(statusEffect(0.098, "+9,8 procentpoint")).toBe(EFFECT);
  });

  it("discloseTables(…) hides it when the effects table hides the OLS estimate it shows, though the difference in means is shown", () => {
    expect(statusEffect("x", "+9,8 procentpoint")).toBe("–");
  });

  it("discloseTables(…) hides it when the memo row it is worded from is hidden", () => {
    expect(statusEffect(0.098, "x")).toBe("–");
    expect(statusEffect(0.098, "<5")).toBe("–");
  });
});

describe("discloseTables(tables, options).estimateShown(outcome, contrast, estimator)", () => {
  const effects = (ols: Cell): Table => ({
    id: "effects",
    columns: [{ key: "estimate", label: "e", kind: "number", digits: 3 }],
    rows: [
      { outcome_id: "edu", contrast_id: contrast, estimator_id: "difference_in_means", estimate: 0.1 },
      { outcome_id: "edu", contrast_id: contrast, estimator_id: "ols_adjusted", estimate: ols },
    ],
  });
  it("estimateShown(edu, contrast) follows the effects table's cell: a number is shown, x is not", () => {
    const shown = discloseTables([effects(0.098)], { lang: "da", minCell: 5, run, previous: null });
    expect(shown.estimateShown("edu", contrast)).toBe(true);
    expect(shown.estimateShown("edu", contrast, "ols_adjusted")).toBe(true);
    const hidden = discloseTables([effects("x")], { lang: "da", minCell: 5, run, previous: null });
    expect(hidden.estimateShown("edu", contrast, "ols_adjusted")).toBe(false);
    expect(hidden.estimateShown("edu", contrast)).toBe(true);
  });
  it("discloseTables(tables) returns new tables: the input rows are not changed", () => {
    const input = effects(0.098);
    const before = JSON.stringify(input);
    discloseTables([input], { lang: "da", minCell: 5, run, previous: null });
    expect(JSON.stringify(input)).toBe(before);
  });
});
