/** Kaplan–Meier, log-rank, Cox and RMST against R's survival 3.5 (fixtures/reference/survival.R) at 1e-8. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { coxRegression } from "../../src/stats/coxRegression.ts";
import { kaplanMeier, medianSurvival, survivalAt } from "../../src/stats/kaplanMeier.ts";
import { logRank } from "../../src/stats/logRank.ts";
import { restrictedMean } from "../../src/stats/restrictedMean.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/survival.json", "utf8"));
const sets = Object.keys(reference).filter((k) => typeof reference[k] === "object");

function readSet(name: string) {
  const [header, ...lines] = readFileSync(`fixtures/reference/survival-${name}.csv`, "utf8").trim().split("\n");
  const columns = header!.split(",").map((c) => c.replaceAll('"', ""));
  const rows = lines.map((line) => line.split(",").map((c) => c.replaceAll('"', "")));
  const column = (name: string) => rows.map((r) => r[columns.indexOf(name)]!);
  return { arm: column("arm"), time: column("time").map(Number), event: column("event").map(Number), number: (c: string) => column(c).map(Number) };
}
const close = (actual: number | null, expected: number | null, label: string) => {
  if (expected === null) expect(actual, label).toBeNull();
  else expectRelativelyClose(actual!, expected, 1e-8, label);
};

describe.each(sets)("survival estimators on %s = R survival", (name) => {
  const r = reference[name];
  const data = readSet(name);
  const inArm = (arm: string) => {
    const idx = data.arm.map((a, i) => (a === arm ? i : -1)).filter((i) => i >= 0);
    return { time: idx.map((i) => data.time[i]!), event: idx.map((i) => data.event[i]!) };
  };

  it("kaplanMeier(time, event) = survfit: every step (surv, Greenwood SE, log CI, n.risk)", () => {
    for (const arm of [r.control, r.treated]) {
      const curve = kaplanMeier(inArm(arm).time, inArm(arm).event);
      const expected = r.curves.filter((c: { arm: string }) => c.arm === arm);
      expect(curve.steps.length).toBe(expected.length);
      curve.steps.forEach((s, k) => {
        const e = expected[k];
        expect(s.time).toBe(e.time);
        expect(s.nRisk).toBe(e.n_risk);
        close(s.survival, e.survival, `${arm} S(${s.time})`);
        close(s.stdError, e.std_error, `${arm} se(${s.time})`);
        close(s.confLow, e.conf_low, `${arm} lower(${s.time})`);
        close(s.confHigh, e.conf_high, `${arm} upper(${s.time})`);
      });
    }
  });

  it("survivalAt(curve, t) = summary(survfit, times = at)", () => {
    for (const arm of [r.control, r.treated]) {
      const curve = kaplanMeier(inArm(arm).time, inArm(arm).event);
      for (const t of r.at) {
        const got = survivalAt(curve, t);
        const e = r.km.find((k: { arm: string; time: number }) => k.arm === arm && k.time === t);
        if (!e) {
          expect(got, `${arm} at ${t} (past the last time: R drops it)`).toBeNull();
          continue;
        }
        close(got!.survival, e.survival, `${arm} S(${t})`);
        close(got!.stdError, e.std_error, `${arm} se(${t})`);
        close(got!.confLow, e.conf_low, `${arm} lower(${t})`);
        close(got!.confHigh, e.conf_high, `${arm} upper(${t})`);
        expect(got!.nRisk).toBe(e.n_risk);
      }
    }
  });

  it("medianSurvival(curve) = print(survfit): median and its 95 % limits", () => {
    for (const e of r.medians) {
      const m = medianSurvival(kaplanMeier(inArm(e.arm).time, inArm(e.arm).event));
      close(m.median, e.median, `${e.arm} median`);
      close(m.confLow, e.conf_low, `${e.arm} median lower`);
      close(m.confHigh, e.conf_high, `${e.arm} median upper`);
    }
  });

  it("restrictedMean(curve, tau) = print(survfit, rmean = tau): rmean and se(rmean)", () => {
    for (const e of r.rmst) {
      const got = restrictedMean(kaplanMeier(inArm(e.arm).time, inArm(e.arm).event), e.tau);
      close(got.rmst, e.rmean, `${e.arm} rmean`);
      close(got.stdError, e.se, `${e.arm} se(rmean)`);
    }
  });

  it("logRank(time, event, group) = survdiff: χ², p, observed and expected", () => {
    const got = logRank(data.time, data.event, data.arm.map((a) => Number(a === r.treated)));
    close(got.statistic, r.logrank.chisq, "chisq");
    close(got.pValue, r.logrank.p_value, "p");
    close(got.expected[0], r.logrank.expected[0], "expected 0");
    close(got.expected[1], r.logrank.expected[1], "expected 1");
    expect(got.observed).toEqual(r.logrank.observed);
  });

  it("coxRegression(time, event, x, ties) = coxph(ties, robust = TRUE): coefficient, model and robust SE, log-likelihood", () => {
    for (const e of r.cox) {
      const x = [data.arm.map((a) => Number(a === r.treated)), ...e.covariates.map((c: string) => data.number(c))];
      const fit = coxRegression(data.time, data.event, x, e.ties);
      close(fit.coefficients[0]!, e.coef, `${e.ties} ${e.covariates} coef`);
      close(Math.sqrt(fit.variance[0]![0]!), e.se, `${e.ties} ${e.covariates} se`);
      close(Math.sqrt(fit.robustVariance[0]![0]!), e.robust_se, `${e.ties} ${e.covariates} robust se`);
      close(fit.logLikelihood, e.loglik, `${e.ties} ${e.covariates} loglik`);
    }
  });
});

describe("survival estimators by hand", () => {
  it("kaplanMeier on 1, 2, 2+, 3: S = 3/4, 3/4·2/3 (no step at the censoring), 0", () => {
    const curve = kaplanMeier([1, 2, 2, 3], [1, 1, 0, 1]);
    expect(curve.steps.map((s) => s.survival)).toEqual([0.75, 0.5, 0]);
    expect(curve.steps.map((s) => s.nRisk)).toEqual([4, 3, 1]);
    expect(curve.steps[2]!.confLow).toBeNull();
  });
  it("restrictedMean: area under 1 on [0,1), ¾ on [1,2), ½ on [2,2.5) = 1 + 0.75 + 0.25", () => {
    expect(restrictedMean(kaplanMeier([1, 2, 2, 3], [1, 1, 0, 1]), 2.5).rmst).toBeCloseTo(2, 14);
  });
});
