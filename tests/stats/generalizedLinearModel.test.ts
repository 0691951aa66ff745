/**
 * generalizedLinearModel against closed forms: for a two-group model the maximum-likelihood
 * estimate and its model-based SE are known exactly (the log odds ratio of a 2 × 2 table with
 * SE √(1/a + 1/b + 1/c + 1/d); the log rate ratio with SE √(1/Y₁ + 1/Y₀)). R's glm with its
 * default epsilon stops about 1e-6 short of these; ours must reach them.
 */
import { describe, expect, it } from "vitest";
import { generalizedLinearModel } from "../../src/stats/generalizedLinearModel.ts";
import { expectRelativelyClose } from "../helpers.ts";

function twoGroups(cells: [number, number, number, number]) {
  // cells: treated events, treated non-events, control events, control non-events
  const [a, b, c, d] = cells;
  const z = [...Array(a + b).fill(1), ...Array(c + d).fill(0)];
  const y = [...Array(a).fill(1), ...Array(b).fill(0), ...Array(c).fill(1), ...Array(d).fill(0)];
  return { z, y };
}

describe("generalizedLinearModel", () => {
  it("generalizedLinearModel('binomial') reaches the 2 × 2 log odds ratio and its exact SE (the issue's table: 24/159 vs 16/167)", () => {
    const { z, y } = twoGroups([24, 159, 16, 167]);
    const fit = generalizedLinearModel("binomial", [{ name: "(Intercept)", values: z.map(() => 1) }, { name: "z", values: z }], y);
    const j = fit.names.indexOf("z");
    expect(fit.converged).toBe(true);
    expectRelativelyClose(fit.coefficients[j]!, Math.log((24 * 167) / (159 * 16)), 1e-12, "log OR");
    // The issue: 0.2149115478 (glm default) against the exact 0.2149116691 for its table; here √(1/24+1/159+1/16+1/167).
    expectRelativelyClose(Math.sqrt(fit.modelCovariance[j]![j]!), Math.sqrt(1 / 24 + 1 / 159 + 1 / 16 + 1 / 167), 1e-12, "SE");
    expectRelativelyClose(Math.sqrt(fit.modelCovariance[j]![j]!), 0.341238917468191, 1e-12, "SE by hand");
  });

  it("generalizedLinearModel('poisson') with an offset reaches the log rate ratio and SE √(1/Y₁ + 1/Y₀)", () => {
    const z = [1, 1, 1, 1, 0, 0, 0, 0, 0];
    const y = [3, 0, 5, 2, 7, 4, 6, 1, 9];
    const exposure = [1, 0.5, 2, 1, 1, 1.5, 2, 0.25, 2];
    const fit = generalizedLinearModel("poisson", [{ name: "(Intercept)", values: z.map(() => 1) }, { name: "z", values: z }], y, exposure.map(Math.log));
    const j = fit.names.indexOf("z");
    const rateTreated = 10 / 4.5;
    const rateControl = 27 / 6.75;
    expectRelativelyClose(fit.coefficients[j]!, Math.log(rateTreated / rateControl), 1e-12, "log RR");
    // The covariance uses the weights of the step before the last (as glm): within 1e-10 of the MLE's.
    expectRelativelyClose(Math.sqrt(fit.modelCovariance[j]![j]!), Math.sqrt(1 / 10 + 1 / 27), 1e-10, "SE");
  });

  it("generalizedLinearModel stops at a coefficient of exactly zero (no relative change to measure)", () => {
    const { z, y } = twoGroups([10, 30, 10, 30]);
    const fit = generalizedLinearModel("binomial", [{ name: "(Intercept)", values: z.map(() => 1) }, { name: "z", values: z }], y);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.coefficients[fit.names.indexOf("z")]!)).toBeLessThan(1e-14);
    expect(fit.iterations).toBeLessThan(20);
  });
});
