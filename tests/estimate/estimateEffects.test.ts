/**
 * Every estimator against R (fixtures/reference/estimate.R → estimate.json) on three
 * published RCT data sets (MASS::anorexia, survival::colon, MASS::epil) and the shipped
 * example: t.test, estimatr difference_in_means / lm_robust / lm_lin (HC2), glm
 * (binomial, poisson + sandwich HC0), chisq.test, fisher.test, p.adjust — to 1e-8 relative.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { EstimationPlan, OutcomePlan } from "../../src/estimate/analysisTable.ts";
import { estimateEffects } from "../../src/estimate/estimateEffects.ts";
import { tableFromRows } from "../../src/estimate/tableFromRows.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/estimate.json", "utf8"));

interface SetUp {
  control: string;
  outcomes: OutcomePlan[];
  covariates: string[];
  blocks: string | null;
  subgroups?: string[];
  received?: string;
}
const sets: Record<string, SetUp> = {
  anorexia: { control: "Cont", outcomes: [{ id: "postwt", kind: "continuous" }, { id: "gained", kind: "binary" }], covariates: ["prewt"], blocks: null },
  colon: { control: "Obs", outcomes: [{ id: "death", kind: "binary" }], covariates: ["age", "sex", "nodes"], blocks: "extent", subgroups: ["sex"] },
  epil: { control: "placebo", outcomes: [{ id: "seizures", kind: "count", exposure: "weeks" }], covariates: ["base", "age"], blocks: null },
  ungifokus: {
    control: "control",
    outcomes: [
      { id: "education_24m", kind: "binary" },
      { id: "public_support_days_26m", kind: "continuous" },
      { id: "psych_admission_24m", kind: "binary" },
      { id: "psych_admission_days_24m", kind: "count" },
      { id: "convictions", kind: "count", exposure: "exposure_years" },
    ],
    covariates: ["age", "female", "support_weeks_before"],
    blocks: "stratum",
    received: "received",
  },
};

function load(name: string, setUp: SetUp) {
  const text = readFileSync(`fixtures/reference/estimate-${name}.csv`, "utf8");
  const records = parse(text, { relax_column_count: true }) as string[][];
  const [header, ...rows] = records;
  const numeric = [...new Set([...setUp.outcomes.flatMap((o) => (o.exposure ? [o.id, o.exposure] : [o.id])), ...setUp.covariates, ...(setUp.received ? [setUp.received] : [])])];
  const { table, issues } = tableFromRows(header!, rows.map((fields, i) => ({ line: i + 2, fields })), {
    file: name,
    decimal: ".",
    treatment: "arm",
    blocks: setUp.blocks,
    numeric,
    binary: setUp.outcomes.filter((o) => o.kind === "binary").map((o) => o.id),
    counts: [],
    subgroups: setUp.subgroups ?? [],
  });
  expect(issues).toEqual([]);
  return table;
}

// R gives the count outcome in the estimate of `convictions` as a count; our pipeline gives a rate with exposure.
const FIELDS = ["estimate", "log_estimate", "std_error", "statistic", "df", "p_value", "conf_low", "conf_high", "p_value_fisher", "odds_ratio", "rate_ratio", "first_stage_estimate", "first_stage_std_error", "first_stage_f", "received_treated", "received_control", "n_treated", "n_control", "mean_treated", "mean_control"] as const;

for (const [name, setUp] of Object.entries(sets)) {
  describe(`estimateEffects on ${name} = R`, () => {
    const table = load(name, setUp);
    const arms = [...new Set(table.arm)].filter((a) => a !== setUp.control).sort();
    const plan: EstimationPlan = { control: setUp.control, arms, outcomes: setUp.outcomes, covariates: setUp.covariates, subgroups: setUp.subgroups ?? [], ...(setUp.received ? { received: setUp.received } : {}), permutations: 0, seed: 1, confidence: 0.95 };
    const result = estimateEffects(table, plan);
    const expected = reference.estimates.filter((r: any) => r.set === name);

    it(`matches all ${expected.length} R estimates to 1e-8 relative`, () => {
      expect(expected.length).toBeGreaterThan(0);
      for (const r of expected) {
        const ours = result.estimates.find((e) => e.outcome === r.outcome && e.contrast === r.contrast && e.estimator === r.estimator);
        const label = `${name} ${r.outcome} ${r.contrast} ${r.estimator}`;
        expect(ours, label).toBeDefined();
        for (const field of FIELDS) {
          if (r[field] === undefined) continue;
          if (r[field] === null) {
            expect(ours![field as keyof typeof ours], `${label} ${field}`).toBeNull();
            continue;
          }
          let value = ours![field as keyof typeof ours] as number;
          // Ratio estimators: estimate and CI on the ratio scale, log_estimate and std_error on the log scale, in both.
          expectRelativelyClose(value, r[field], 1e-8, `${label} ${field}`);
        }
      }
    });

    it("Holm and BH adjust the OLS p-values across outcomes as R's p.adjust", () => {
      for (const r of reference.adjusted[name]) {
        const [contrast, estimator, outcome] = [r.key.split(" ols ")[0], "ols", r.key.split(" ols ")[1]];
        const ours = result.estimates.find((e) => e.outcome === outcome && e.contrast === contrast && e.estimator === estimator)!;
        expectRelativelyClose(ours.p_value!, r.p, 1e-8, `${r.key} p`);
        expectRelativelyClose(ours.p_value_holm!, r.holm, 1e-8, `${r.key} holm`);
        expectRelativelyClose(ours.p_value_bh!, r.bh, 1e-8, `${r.key} bh`);
      }
    });
  });
}

describe("subgroup interaction tests = R (lm_robust HC2 + Wald F)", () => {
  it("colon, death, Lev+5FU vs Obs, by sex", () => {
    const table = load("colon", sets.colon!);
    const result = estimateEffects(table, { control: "Obs", arms: ["Lev+5FU"], outcomes: [{ id: "death", kind: "binary" }], covariates: [], subgroups: ["sex"], permutations: 0, seed: 1, confidence: 0.95 });
    const r = reference.interactions.find((x: any) => x.set === "colon");
    const ours = result.interactions[0]!;
    expectRelativelyClose(ours.statistic!, r.F, 1e-8, "F");
    expect([ours.df1, ours.df2]).toEqual([r.df1, r.df2]);
    expectRelativelyClose(ours.p_value!, r.p, 1e-8, "p");
    expect(result.subgroups.map((s) => s.level)).toEqual(["0", "1"]);
  });

  it("anorexia, postwt, FT vs Cont, by three weight bands (2 df)", () => {
    const text = readFileSync("fixtures/reference/estimate-anorexia.csv", "utf8");
    const [header, ...rows] = parse(text) as string[][];
    const band = (w: number) => (w < 80 ? "[-inf;80)" : w < 85 ? "[80;85)" : "[85;inf)");
    const withBand = rows.map((r) => [...r, band(Number(r[header!.indexOf("prewt")]))]);
    const { table } = tableFromRows([...header!, "band"], withBand.map((fields, i) => ({ line: i + 2, fields })), {
      file: "anorexia", decimal: ".", treatment: "arm", blocks: null, numeric: ["postwt"], binary: [], counts: [], subgroups: ["band"],
    });
    const result = estimateEffects(table, { control: "Cont", arms: ["FT"], outcomes: [{ id: "postwt", kind: "continuous" }], covariates: [], subgroups: ["band"], permutations: 0, seed: 1, confidence: 0.95 });
    const r = reference.interactions.find((x: any) => x.set === "anorexia");
    expectRelativelyClose(result.interactions[0]!.statistic!, r.F, 1e-8, "F");
    expect(result.interactions[0]!.df1).toBe(2);
    expectRelativelyClose(result.interactions[0]!.p_value!, r.p, 1e-8, "p");
  });
});

describe("randomisation inference", () => {
  it("enumerates all C(12, 6) = 924 assignments and gets R's exact p", () => {
    const [header, ...rows] = parse(readFileSync("fixtures/reference/estimate-anorexia-small.csv", "utf8")) as string[][];
    const { table } = tableFromRows(header!, rows.map((fields, i) => ({ line: i + 2, fields })), {
      file: "small", decimal: ".", treatment: "arm", blocks: null, numeric: ["postwt"], binary: [], counts: [], subgroups: [],
    });
    const result = estimateEffects(table, { control: "Cont", arms: ["CBT"], outcomes: [{ id: "postwt", kind: "continuous" }], covariates: [], subgroups: [], permutations: 10000, seed: 1, confidence: 0.95 });
    const ri = result.estimates.find((e) => e.estimator === "randomization")!;
    const r = reference.exact_randomization;
    expect(ri).toMatchObject({ permutations: 924, exact: true, p_value_mc_se: 0 });
    expectRelativelyClose(ri.estimate!, r.estimate, 1e-12, "estimate");
    expectRelativelyClose(ri.p_value!, r.p, 1e-12, "p");
  });

  it("Monte Carlo draws are seeded, reproducible, and close to the exact p", () => {
    const [header, ...rows] = parse(readFileSync("fixtures/reference/estimate-anorexia-small.csv", "utf8")) as string[][];
    const { table } = tableFromRows(header!, rows.map((fields, i) => ({ line: i + 2, fields })), {
      file: "small", decimal: ".", treatment: "arm", blocks: null, numeric: ["postwt"], binary: [], counts: [], subgroups: [],
    });
    const plan = { control: "Cont", arms: ["CBT"], outcomes: [{ id: "postwt", kind: "continuous" as const }], covariates: [], subgroups: [], permutations: 500, seed: 7, confidence: 0.95 };
    const a = estimateEffects(table, plan).estimates.find((e) => e.estimator === "randomization")!;
    const b = estimateEffects(table, plan).estimates.find((e) => e.estimator === "randomization")!;
    expect(a).toEqual(b);
    expect(a.exact).toBe(false);
    expect(Math.abs(a.p_value! - reference.exact_randomization.p)).toBeLessThan(4 * a.p_value_mc_se!);
  });
});
