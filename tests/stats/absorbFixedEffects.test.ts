/** Block fixed effects absorbed by demeaning, by hand and against estimatr's lm_robust(fixed_effects = ~ school) (fixtures/reference/clustered.R). */
import { describe, expect, it } from "vitest";
import { demean, fixedEffects } from "../../src/stats/absorbFixedEffects.ts";
import { clusterRobustRegression } from "../../src/stats/clusterRobust.ts";
import { robustRegression } from "../../src/stats/robustRegression.ts";
import { expectAsR, expected, intercept, schoolsDesign, types } from "./clusteredReference.ts";

describe("fixedEffects(labels) and demean(values, effects)", () => {
  it("fixedEffects([b, a, b, c]) indexes blocks in order of first appearance", () => {
    const effects = fixedEffects(["b", "a", "b", "c"]);
    expect([...effects.block]).toEqual([0, 1, 0, 2]);
    expect(effects.sizes).toEqual([2, 1, 1]);
    expect(effects.labels).toEqual(["b", "a", "c"]);
  });
  it("demean([1, 5, 3, 7], blocks b a b c) subtracts each block's mean: b has mean 2, a and c are single", () => {
    expect([...demean([1, 5, 3, 7], fixedEffects(["b", "a", "b", "c"]))]).toEqual([-1, 0, 1, 0]);
  });
  it("demean(constant within blocks) is all zero (the absorbed column carries nothing)", () => {
    expect([...demean([4, 4, 9, 9, 9], fixedEffects(["x", "x", "y", "y", "y"]))]).toEqual([0, 0, 0, 0, 0]);
  });
  it("fixedEffects([]) has no blocks and demean([]) is empty", () => {
    const effects = fixedEffects([]);
    expect(effects.sizes).toEqual([]);
    expect([...demean([], effects)]).toEqual([]);
  });
});

describe("absorbed school fixed effects are lm_robust(fixed_effects = ~ school)", () => {
  const { n, z, x, school, y } = schoolsDesign();
  for (const [type, r] of types) {
    it(`clusterRobustRegression(y ~ z, clusters = school, fixed effects school, ${type}) is lm_robust(fixed_effects = ~ school, se_type = "${r}")`, () => {
      const fit = clusterRobustRegression([intercept(n), { name: "z", values: z }], y, school, type, 0.95, ["z"], { fixedEffects: school });
      expect(fit.fixedEffects).toBe(12);
      expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected(`ols:cluster=school:fe=school:${r}`), r);
    });
  }
  it("robustRegression(y ~ z [+ x], fixed effects school) is lm_robust(fixed_effects = ~ school, se_type = \"HC2\"): df = N − 1 − 12", () => {
    const fit = robustRegression([intercept(n), { name: "z", values: z }], y, 0.95, { fixedEffects: school });
    expect(fit.df).toBe(n - 1 - 12);
    expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected("ols:fe=school:HC2"), "HC2 fe");
    const adjusted = robustRegression([intercept(n), { name: "z", values: z }, { name: "x", values: x }], y, 0.95, { fixedEffects: school });
    expectAsR(adjusted.coefficients.find((c) => c.name === "z")!, expected("ols_x:fe=school:HC2"), "HC2 fe x");
  });
});
