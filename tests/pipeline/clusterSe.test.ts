/**
 * `effekt estimate --table` with SEs clustered on the school and the school absorbed as fixed effects, on
 * the within-school randomised trial of fixtures/reference/clustered-schools.csv (clusters hold both arms):
 * the same estimate, SE, df and p as `lm_robust(y ~ z, clusters = school, fixed_effects = ~ school)`
 * (fixtures/reference/clustered.R → clustered.json), through the command line.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/clustered.json", "utf8"));
const want = (model: string) => reference.estimates.find((e: { model: string; term: string }) => e.model === model && e.term === "z");
const effekt = (args: string[]) => spawnSync(process.execPath, ["bin/effekt.js", ...args], { encoding: "utf8" });

describe("estimate --table --cluster-se school --fixed-effects school", () => {
  const dir = mkdtempSync(join(tmpdir(), "effekt-cluster-se-"));
  const table = ["estimate", "--table", "fixtures/reference/clustered-schools.csv", "--treatment", "arm", "--control", "control", "--outcomes", "y"];
  for (const [type, r] of [["CR2", "CR2"], ["stata", "stata"], ["CR0", "CR0"]] as const) {
    it(`prints and writes lm_robust(y ~ z, clusters = school, fixed_effects = ~ school, se_type = "${r}")`, () => {
      const out = join(dir, type);
      const result = effekt([...table, "--cluster-se", "school", "--se-type", type, "--fixed-effects", "school", "--out", out]);
      expect(result.status, result.stderr).toBe(0);
      const effects = JSON.parse(readFileSync(join(out, "effects.json"), "utf8"));
      const ols = effects.estimates.find((e: { estimator: string }) => e.estimator === "ols");
      const expected = want(`ols:cluster=school:fe=school:${r}`);
      expectRelativelyClose(ols.estimate, expected.estimate, 1e-8, "estimate");
      expectRelativelyClose(ols.std_error, expected.std_error, 1e-8, "SE");
      expectRelativelyClose(ols.df, expected.df, 1e-8, "df");
      expectRelativelyClose(ols.p_value, expected.p_value, 1e-8, "p");
      expect(ols.notes).toContainEqual({ code: "fixed_effects_absorbed", params: { blocks: 12 } });
      // The terminal shows the same estimate (rounded as the summary table prints it).
      expect(result.stdout + result.stderr).toContain(expected.estimate.toFixed(2));
    });
  }
  it("clusters that hold both arms are accepted for the variance, not refused as a cluster assignment", () => {
    const out = join(dir, "plain");
    const result = effekt([...table, "--cluster-se", "school", "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    const ols = JSON.parse(readFileSync(join(out, "effects.json"), "utf8")).estimates.find((e: { estimator: string }) => e.estimator === "ols");
    expectRelativelyClose(ols.std_error, want("ols:cluster=school:CR2").std_error, 1e-8, "SE");
    expectRelativelyClose(ols.df, want("ols:cluster=school:CR2").df, 1e-8, "df");
  });
  it("--fixed-effects without a clustering is a usage error (exit 2)", () => {
    expect(effekt([...table, "--fixed-effects", "school", "--out", join(dir, "bad")]).status).toBe(2);
  });
});
