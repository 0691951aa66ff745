/**
 * `effekt estimate --table` with SEs clustered on the school and the school absorbed as fixed effects, on
 * the within-school randomised trial of fixtures/reference/clustered-schools.csv (clusters hold both arms):
 * the same estimate, SE, df and p as `lm_robust(y ~ z, clusters = school, fixed_effects = ~ school)`
 * (fixtures/reference/clustered.R → clustered.json), through the command line.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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

describe("estimate --table --cluster-se school on a 0/1 outcome", () => {
  const dir = mkdtempSync(join(tmpdir(), "effekt-cluster-se-binary-"));
  const table = ["estimate", "--table", "fixtures/reference/clustered-schools.csv", "--treatment", "arm", "--control", "control", "--outcomes", "yb", "--binary", "yb"];
  for (const type of ["CR2", "stata", "CR0"] as const) {
    it(`risk_difference is lm_robust(yb ~ z, clusters = school, se_type = "${type}"); the risk ratio says its interval ignores the clusters`, () => {
      const out = join(dir, type);
      const result = effekt([...table, "--cluster-se", "school", "--se-type", type, "--out", out]);
      expect(result.status, result.stderr).toBe(0);
      const estimates = JSON.parse(readFileSync(join(out, "effects.json"), "utf8")).estimates;
      const rd = estimates.find((e: { estimator: string }) => e.estimator === "risk_difference");
      const expected = want(`rd:cluster=school:${type}`);
      for (const key of ["estimate", "std_error", "df", "p_value", "conf_low", "conf_high"]) expectRelativelyClose(rd[key], expected[key], 1e-8, key);
      expect(estimates.find((e: { estimator: string }) => e.estimator === "risk_ratio").notes).toContainEqual({ code: "interval_ignores_clusters", params: {} });
      expect(rd.notes.map((n: { code: string }) => n.code)).not.toContain("interval_ignores_clusters");
    });
  }
  it("logistic and Poisson take sandwich::vcovCL(glm, cluster = ~ school) (R's default: HC0 with G/(G − 1))", () => {
    const glm = JSON.parse(readFileSync("fixtures/reference/clustered-glm.json", "utf8")).estimates;
    const out = join(dir, "glm");
    const result = effekt(["estimate", "--table", "fixtures/reference/clustered-schools.csv", "--treatment", "arm", "--control", "control", "--outcomes", "yb,yc", "--binary", "yb", "--counts", "yc", "--cluster-se", "school", "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    const estimates = JSON.parse(readFileSync(join(out, "effects.json"), "utf8")).estimates;
    for (const id of ["logistic", "poisson"]) {
      const mine = estimates.find((e: { estimator: string }) => e.estimator === id);
      const r = glm.find((e: { model: string }) => e.model === `${id}:cluster=school:HC0`);
      for (const key of ["log_estimate", "std_error", "p_value", "conf_low", "conf_high"]) expectRelativelyClose(mine[key], r[key], 1e-8, `${id} ${key}`);
      expect(mine.notes).toContainEqual({ code: "cluster_vcovcl", params: { clusters: 12 } });
      expect(mine.notes.map((n: { code: string }) => n.code)).not.toContain("interval_ignores_clusters");
    }
  });
  it("cox_adjusted is coxph(Surv(time, event) ~ z + x, cluster = school): the SE from each school's summed dfbeta", () => {
    const out = join(dir, "cox");
    const result = effekt(["estimate", "--table", "fixtures/reference/clustered-schools.csv", "--treatment", "arm", "--control", "control", "--time", "time", "--event", "event", "--covariates", "x", "--cluster-se", "school", "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    const estimates = JSON.parse(readFileSync(join(out, "effects.json"), "utf8")).estimates;
    const cox = estimates.find((e: { estimator: string }) => e.estimator === "cox_adjusted");
    const r = want("cox:cluster=school");
    expectRelativelyClose(cox.log_estimate, r.estimate, 1e-8, "log HR");
    expectRelativelyClose(cox.std_error, r.std_error, 1e-8, "SE");
    expectRelativelyClose(cox.p_value, r.p_value, 1e-8, "p");
    expect(cox.notes).toContainEqual({ code: "cluster_dfbeta", params: { clusters: 12 } });
    expect(estimates.find((e: { estimator: string }) => e.estimator === "rmst").notes).toContainEqual({ code: "interval_ignores_clusters", params: {} });
  });
  it("under cluster assignment (--clusters) the ratio estimators say so too", () => {
    // Whole schools assigned: the arm of each school's first row, for all its students (written out here, no R needed).
    const lines = readFileSync("fixtures/reference/clustered-schools.csv", "utf8").trim().split("\n");
    const header = lines[0]!.split(",").map((h) => h.replaceAll('"', ""));
    const at = (name: string) => header.indexOf(name);
    const armOf = new Map<string, string>();
    const rows = lines.slice(1).map((line) => {
      const f = line.split(",").map((v) => v.replaceAll('"', ""));
      if (!armOf.has(f[at("school")]!)) armOf.set(f[at("school")]!, armOf.size % 2 === 0 ? "treatment" : "control");
      return [armOf.get(f[at("school")]!), f[at("school")], f[at("yb")]].join(",");
    });
    const file = join(dir, "whole-schools.csv");
    writeFileSync(file, ["arm,school,yb", ...rows].join("\n") + "\n");
    const out = join(dir, "assigned");
    const result = effekt(["estimate", "--table", file, "--treatment", "arm", "--control", "control", "--outcomes", "yb", "--binary", "yb", "--clusters", "school", "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    const estimates = JSON.parse(readFileSync(join(out, "effects.json"), "utf8")).estimates;
    for (const id of ["risk_ratio", "logistic"]) expect(estimates.find((e: { estimator: string }) => e.estimator === id).notes).toContainEqual({ code: "interval_ignores_clusters", params: {} });
    expect(estimates.find((e: { estimator: string }) => e.estimator === "risk_difference").notes).toContainEqual({ code: "cluster_cr2", params: { clusters: 12 } });
  });
});
