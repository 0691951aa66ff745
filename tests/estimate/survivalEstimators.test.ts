/** The time-to-event estimates in effects.json (estimate --table --time --event) against R survival 3.5 (fixtures/reference/survival.R) at 1e-8. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EffectsArtefact } from "../../src/estimate/schema.ts";
import { survivalEstimates } from "../../src/estimate/survivalEstimators.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/survival.json", "utf8"));
const effekt = (...args: string[]) => spawnSync(process.execPath, ["bin/effekt.js", ...args], { encoding: "utf8" });
const close = (actual: number | null | undefined, expected: number | null, label: string) => {
  if (expected === null) expect(actual ?? null, label).toBeNull();
  else expectRelativelyClose(actual!, expected, 1e-8, label);
};

describe.each(["veteran", "colon"])("effekt estimate --table --time --event on %s = R survival", (name) => {
  const r = reference[name];
  const covariates: string[] = r.cox.find((c: { covariates: string[] }) => c.covariates.length > 0).covariates;
  const run = (ties: string) => {
    const out = mkdtempSync(join(tmpdir(), "effekt-survival-"));
    const result = effekt("estimate", "--table", `fixtures/reference/survival-${name}.csv`, "--treatment", "arm", "--control", r.control, "--time", "time", "--event", "event", "--at", r.at.join(","), "--tau", String(r.tau), "--ties", ties, "--covariates", covariates.join(","), "--permutations", "0", "--out", out);
    expect(result.status, result.stderr).toBe(0);
    return EffectsArtefact.parse(JSON.parse(readFileSync(join(out, "effects.json"), "utf8")));
  };
  const efron = run("efron");

  it("survival: Kaplan–Meier per arm at --at = summary(survfit, times = at); null past the last time", () => {
    for (const point of efron.survival!) {
      const e = r.km.find((k: { arm: string; time: number }) => k.arm === point.arm && k.time === point.time);
      if (!e) {
        expect(point.survival, `${point.arm} at ${point.time}`).toBeNull();
        continue;
      }
      for (const field of ["survival", "std_error", "conf_low", "conf_high"] as const) close(point[field], e[field], `${point.arm} ${field} at ${point.time}`);
      expect(point.n_risk).toBe(e.n_risk);
    }
    expect(efron.survival!.length).toBe(2 * r.at.length);
    for (const m of efron.survival_medians!) {
      const e = r.medians.find((x: { arm: string }) => x.arm === m.arm);
      close(m.median, e.median, `${m.arm} median`);
      close(m.conf_low, e.conf_low, `${m.arm} median lower`);
      close(m.conf_high, e.conf_high, `${m.arm} median upper`);
    }
  });

  it("logrank: statistic = survdiff χ², p_value = pchisq(χ², 1, lower = FALSE)", () => {
    const e = efron.estimates.find((x) => x.estimator === "logrank")!;
    close(e.statistic, r.logrank.chisq, "chisq");
    close(e.p_value, r.logrank.p_value, "p");
  });

  it("cox and cox_adjusted: hazard ratio exp(coef), log_estimate, std_error, robust_std_error = coxph (efron; --ties breslow)", () => {
    const breslow = run("breslow");
    for (const e of r.cox) {
      const artefact = e.ties === "efron" ? efron : breslow;
      const got = artefact.estimates.find((x) => x.estimator === (e.covariates.length > 0 ? "cox_adjusted" : "cox"))!;
      const label = `${e.ties} ${got.estimator}`;
      expect(got.ties).toBe(e.ties);
      close(got.log_estimate, e.coef, `${label} log HR`);
      close(got.estimate, Math.exp(e.coef), `${label} HR`);
      close(got.std_error, e.se, `${label} se`);
      close(got.robust_std_error, e.robust_se, `${label} robust se`);
      close(got.conf_low, Math.exp(e.coef - 1.959963984540054 * e.se), `${label} lower`);
      close(got.conf_high, Math.exp(e.coef + 1.959963984540054 * e.se), `${label} upper`);
    }
  });

  it("rmst: RMST(arm) − RMST(control) at τ from print(survfit, rmean = tau), SE √(se₁² + se₀²)", () => {
    const got = efron.estimates.find((x) => x.estimator === "rmst")!;
    const [treated, control] = [r.treated, r.control].map((arm: string) => r.rmst.find((x: { arm: string }) => x.arm === arm));
    expect(got.tau).toBe(r.tau);
    close(got.mean_treated, treated.rmean, "rmst treated");
    close(got.mean_control, control.rmean, "rmst control");
    close(got.estimate, treated.rmean - control.rmean, "difference");
    close(got.std_error, Math.hypot(treated.se, control.se), "se");
  });
});

describe("survivalEstimates(data, event, plan) edge cases", () => {
  const plan = { arm: "t", control: "c", at: [5], tau: null, ties: "efron" as const, covariates: null, includeControl: true };
  it("no events at all: every estimate null with a note, the curves at 1", () => {
    const data = { outcome: "y", contrast: "t vs c", units: [0, 1, 2, 3], z: [1, 1, 0, 0], y: [5, 6, 7, 8], confidence: 0.95 };
    const result = survivalEstimates(data, [0, 0, 0, 0], plan);
    expect(result.estimates.map((e) => [e.estimator, e.estimate])).toEqual([["logrank", null], ["cox", null], ["rmst", null]]);
    expect(result.survival.map((s) => s.survival)).toEqual([1, 1]);
  });
  it("every event in one arm: no finite hazard ratio, a note instead of a number", () => {
    const data = { outcome: "y", contrast: "t vs c", units: [0, 1, 2, 3], z: [1, 1, 0, 0], y: [1, 2, 7, 8], confidence: 0.95 };
    const cox = survivalEstimates(data, [1, 1, 0, 0], plan).estimates.find((e) => e.estimator === "cox")!;
    expect(cox.estimate).toBeNull();
    expect(cox.notes?.map((n) => n.code)).toContain("no_finite_maximum");
  });
});
