/**
 * `effekt estimate --table` on the three-arm trial of fixtures/reference/clustered-threearm.csv: the joint tests
 * across the arms in effects.json, effects.csv and the terminal, against R (fixtures/reference/clustered.R →
 * clustered.json): car::linearHypothesis(lm_robust(y ~ a + b [+ w], se_type = "HC2"), c("a = 0", "b = 0"), test = "F")
 * and survdiff(Surv(time, event) ~ arm).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/clustered.json", "utf8"));
const wald = (covariates: string[]) => reference.joint_wald.find((j: { covariates: string[]; cluster?: string }) => j.cluster === undefined && j.covariates.join() === covariates.join());
const logrank = reference.logrank_k;

describe("estimate --table on three arms: joint tests", () => {
  const out = join(mkdtempSync(join(tmpdir(), "effekt-joint-")), "out");
  const result = spawnSync(process.execPath, ["bin/effekt.js", "estimate", "--table", "fixtures/reference/clustered-threearm.csv", "--treatment", "arm", "--control", "control", "--outcomes", "y", "--time", "time", "--event", "event", "--covariates", "w", "--out", out], { encoding: "utf8" });

  it("effects.json's joint_tests are R's HC2 Wald F (without and with w) and survdiff's χ²", () => {
    expect(result.status, result.stderr).toBe(0);
    const tests = JSON.parse(readFileSync(join(out, "effects.json"), "utf8")).joint_tests;
    expect(tests.map((t: { test: string }) => t.test)).toEqual(["wald_f_hc2", "wald_f_hc2_adjusted", "logrank_k"]);
    for (const [t, r] of [[tests[0], wald([])], [tests[1], wald(["w"])]]) {
      expectRelativelyClose(t.statistic, r.f, 1e-8, `${t.test} F`);
      expect([t.df1, t.df2]).toEqual([r.df1, r.df2]);
      expectRelativelyClose(t.p_value, r.p_f, 1e-8, `${t.test} p`);
      expect(t).toMatchObject({ arms: ["a", "b"], control: "control", n: 150 });
    }
    expectRelativelyClose(tests[2].statistic, logrank.chisq, 1e-8, "log-rank χ²");
    expect(tests[2].df1).toBe(logrank.df);
    expectRelativelyClose(tests[2].p_value, logrank.p_value, 1e-8, "log-rank p");
    expect(tests[2].notes).toEqual([{ code: "joint_logrank", params: { df: 2 } }]);
  });

  it("effects.csv has a row per joint test, and the terminal a line", () => {
    const rows = parse(readFileSync(join(out, "effects.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.estimator === "wald_f_hc2")!;
    expect(row).toMatchObject({ outcome: "y", contrast: "a, b vs control", df: "2", note: "joint_wald_hc2(df1=2,df2=147)" });
    expectRelativelyClose(Number(row.statistic), wald([]).f, 1e-8, "CSV F");
    expectRelativelyClose(Number(rows.find((r) => r.estimator === "logrank_k")!.statistic), logrank.chisq, 1e-8, "CSV χ²");
    const terminal = result.stdout + result.stderr;
    expect(terminal).toContain(`joint test wald_f_hc2: y (a, b vs control): F = ${wald([]).f.toFixed(3)} on 2 and 147 df, p < 0.001, n 150`);
    expect(terminal).toContain(`joint test logrank_k: time (a, b vs control): χ² = ${logrank.chisq.toFixed(3)} on 2 df, p < 0.001, n 150`);
  });

  it("two arms: no joint tests, and effects.json has no joint_tests field", () => {
    const two = join(mkdtempSync(join(tmpdir(), "effekt-joint-two-")), "out");
    const run = spawnSync(process.execPath, ["bin/effekt.js", "estimate", "--table", "fixtures/reference/clustered-schools.csv", "--treatment", "arm", "--control", "control", "--outcomes", "y", "--out", two], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(two, "effects.json"), "utf8")).joint_tests).toBeUndefined();
  });
});
