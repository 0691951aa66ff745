/** Kaplan–Meier curves, survival at a time and median survival against R's survival 3.5 (fixtures/reference/survival.R) at 1e-8. */
import { describe, expect, it } from "vitest";
import { kaplanMeier, medianSurvival, survivalAt } from "../../src/stats/kaplanMeier.ts";
import { close, inArm, readSet, reference, sets } from "./survivalReference.ts";

describe.each(sets)("kaplanMeier on %s = R survfit", (name) => {
  const r = reference[name];
  const data = readSet(name);

  it("kaplanMeier(time, event) = survfit: every step (surv, Greenwood SE, log CI, n.risk)", () => {
    for (const arm of [r.control, r.treated]) {
      const curve = kaplanMeier(inArm(data, arm).time, inArm(data, arm).event);
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
      const curve = kaplanMeier(inArm(data, arm).time, inArm(data, arm).event);
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
      const m = medianSurvival(kaplanMeier(inArm(data, e.arm).time, inArm(data, e.arm).event));
      close(m.median, e.median, `${e.arm} median`);
      close(m.confLow, e.conf_low, `${e.arm} median lower`);
      close(m.confHigh, e.conf_high, `${e.arm} median upper`);
    }
  });



});

describe("kaplanMeier by hand", () => {
  it("kaplanMeier([1, 2, 2, 3], [1, 1, 0, 1]): S = 3/4, 3/4·2/3 (no step at the censoring), 0", () => {
    const curve = kaplanMeier([1, 2, 2, 3], [1, 1, 0, 1]);
    expect(curve.steps.map((s) => s.survival)).toEqual([0.75, 0.5, 0]);
    expect(curve.steps.map((s) => s.nRisk)).toEqual([4, 3, 1]);
    expect(curve.steps[2]!.confLow).toBeNull();
  });
});
