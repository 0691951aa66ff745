import { describe, expect, it } from "vitest";
import { baseEntry, logRatioFields, notEstimable, relativeEffect, split, tEntry } from "../../src/estimate/contrastData.ts";
import { expectRelativelyClose } from "../helpers.ts";
import { contrastOf } from "./contrastDataFixture.ts";

describe("contrastData", () => {
  it("split(data) sorts outcomes by z, leaving out units coded neither 0 nor 1", () => {
    const data = { ...contrastOf([1, 2], [3, 4]), z: [1, 0, 0, 2] };
    expect(split(data)).toEqual({ treated: [1], control: [2, 3] });
  });

  it("baseEntry(data, estimator) counts and averages each arm (means null for an empty arm)", () => {
    expect(baseEntry(contrastOf([1, 2, 6], [4]), "ols")).toEqual({ outcome: "y", contrast: "treatment vs control", estimator: "ols", n_treated: 3, n_control: 1, mean_treated: 3, mean_control: 4 });
    expect(baseEntry(contrastOf([1], []), "ols")).toMatchObject({ n_control: 0, mean_control: null });
  });

  it("notEstimable(data, estimator, note) has every number null and the note", () => {
    const why = { code: "counts_not_whole", params: {} } as const;
    expect(notEstimable(contrastOf([1], [2]), "poisson", why)).toMatchObject({ estimate: null, std_error: null, statistic: null, df: null, p_value: null, conf_low: null, conf_high: null, notes: [why] });
  });

  it("relativeEffect(estimate, controlMean) divides, and is null for a control mean of 0 or a missing part", () => {
    expect(relativeEffect(-3, 12)).toBe(-0.25);
    expect(relativeEffect(1, 0)).toBeNull();
    expect(relativeEffect(null, 2)).toBeNull();
  });

  it("logRatioFields(log 2, 0.5, 0.95): ratio 2, CI 2·exp(∓1.959964·0.5), z = 1.386294, p = R 2·pnorm(−1.386294)", () => {
    const f = logRatioFields(Math.log(2), 0.5, 0.95);
    expect(f.estimate).toBeCloseTo(2, 14);
    expectRelativelyClose(f.conf_low, 2 * Math.exp(-1.959963984540054 * 0.5), 1e-12, "lower");
    expectRelativelyClose(f.conf_high, 2 * Math.exp(1.959963984540054 * 0.5), 1e-12, "upper");
    expectRelativelyClose(f.statistic, 1.3862943611198906, 1e-14, "z");
    // R: 2 * pnorm(-log(2) / 0.5) = 0.16565703800339704
    expectRelativelyClose(f.p_value, 0.16565703800339704, 1e-10, "p");
    expect(f.df).toBeNull();
  });

  it("tEntry(data, ..., 1, 0.5, 10): t = 2, p = R 2·pt(−2, 10), CI 1 ± qt(0.975, 10)·0.5", () => {
    const e = tEntry(contrastOf([3, 5], [2, 4]), "ols", 1, 0.5, 10);
    expect(e.statistic).toBe(2);
    // R: 2 * pt(-2, 10) = 0.073388034770740393; qt(0.975, 10) = 2.2281388519862739
    expectRelativelyClose(e.p_value!, 0.073388034770740393, 1e-10, "p");
    expectRelativelyClose(e.conf_low!, 1 - 2.2281388519862739 * 0.5, 1e-12, "lower");
    expect(e.relative_effect).toBeCloseTo(1 / 3, 14);
  });
});
