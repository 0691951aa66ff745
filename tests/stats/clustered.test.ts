/**
 * Clustered standard errors at any level, clustered CACE and HC2 with a one-person category, against R
 * (fixtures/reference/clustered.R → clustered.json: estimatr 1.0, clubSandwich) on the seeded designs it wrote
 * (clustered-*.csv). The absorbed fixed effects, clustered scores, joint Wald test and k-sample log-rank of the
 * same script are checked in their mirrors (absorbFixedEffects, clusteredScores, jointWaldTest, kSampleLogRank).
 */
import { describe, expect, it } from "vitest";
import { clusterRobustRegression } from "../../src/stats/clusterRobust.ts";
import { robustRegression } from "../../src/stats/robustRegression.ts";
import { instrumentalVariables } from "../../src/stats/instrumentalVariables.ts";
import { expectRelativelyClose } from "../helpers.ts";
import { column, expectAsR, expected, intercept, rows, schoolsDesign, tolerance, types } from "./clusteredReference.ts";

const { schools, n, z, x, xc, school, klass, y } = schoolsDesign();

describe("clusterRobustRegression with clusters that hold both arms (within-school randomisation)", () => {
  for (const [type, r] of types) {
    it(`clusterRobustRegression(y ~ z, clusters = school, ${type}) is lm_robust(se_type = "${r}")`, () => {
      const fit = clusterRobustRegression([intercept(n), { name: "z", values: z }], y, school, type);
      expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected(`ols:cluster=school:${r}`), r);
    });
    it(`clusterRobustRegression(y ~ z + x, clusters = class, fixed effects school, ${type}): clusters nested in the blocks`, () => {
      const fit = clusterRobustRegression([intercept(n), { name: "z", values: z }, { name: "x", values: x }], y, klass, type, 0.95, ["z"], { fixedEffects: school });
      expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected(`ols_x:cluster=class:fe=school:${r}`), r);
      const plain = clusterRobustRegression([intercept(n), { name: "z", values: z }, { name: "x", values: x }], y, klass, type);
      expectAsR(plain.coefficients.find((c) => c.name === "z")!, expected(`ols_x:cluster=class:${r}`), r);
    });
    it(`Lin's estimator with clusters = school (${type}), plain and with school absorbed`, () => {
      const lin = [intercept(n), { name: "z", values: z }, { name: "x_c", values: xc }, { name: "z:x_c", values: xc.map((v, i) => v * z[i]!) }];
      expectAsR(clusterRobustRegression(lin, y, school, type).coefficients.find((c) => c.name === "z")!, expected(`lin:cluster=school:${r}`), r);
      const absorbed = clusterRobustRegression(lin, y, school, type, 0.95, ["z"], { fixedEffects: school });
      expectAsR(absorbed.coefficients.find((c) => c.name === "z")!, expected(`lin:cluster=school:fe=school:${r}`), r);
    });
    it(`the risk difference as OLS on 0/1 with clusters = school (${type})`, () => {
      const fit = clusterRobustRegression([intercept(n), { name: "z", values: z }], column(schools, "yb"), school, type);
      expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected(`rd:cluster=school:${r}`), r);
    });
  }
});

describe("clustered CACE", () => {
  for (const [type, r] of [["CR2", "CR2"], ["CR1", "stata"]] as const) {
    it(`instrumentalVariables(clusters = school, ${type}) is iv_robust(y ~ received | z, clusters = school, se_type = "${r}")`, () => {
      const fit = instrumentalVariables(column(schools, "y"), column(schools, "received"), z, [], 0.95, { clusters: school, type });
      expectAsR(fit, expected(`cace:cluster=school:${r}`, "received"), r);
    });
  }
  it("instrumentalVariables(y ~ received + x | z + x, clusters = school, CR2)", () => {
    const fit = instrumentalVariables(column(schools, "y"), column(schools, "received"), z, [{ name: "x", values: x }], 0.95, { clusters: school, type: "CR2" });
    expectAsR(fit, expected("cace_x:cluster=school:CR2", "received"), "cace x");
  });
});

describe("one-person clusters and a category held by one person", () => {
  const singles = rows("singles");
  const m = singles.length;
  const zs = singles.map((r) => (r.arm === "treatment" ? 1 : 0));
  const ys = column(singles, "y");
  const cluster = singles.map((r) => r.cluster!);
  const dummies = ["q", "r", "solo"].map((level) => ({ name: `g${level}`, values: singles.map((r) => (r.g === level ? 1 : 0)) }));
  for (const [type, r] of types) {
    it(`clusterRobustRegression with half the clusters of one person (${type}) is lm_robust`, () => {
      const fit = clusterRobustRegression([intercept(m), { name: "z", values: zs }], ys, cluster, type);
      expect(fit.undefinedStandardErrors).toEqual([]);
      expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected(`ols:cluster=cluster:${r}`), r);
    });
  }
  it("HC2 with a category held by one person: z keeps R's SE; the category's SE is undefined (leverage 1), its estimate kept", () => {
    expect(() => robustRegression([intercept(m), { name: "z", values: zs }, ...dummies], ys)).toThrow(/leverage 1/);
    const fit = robustRegression([intercept(m), { name: "z", values: zs }, ...dummies], ys, 0.95, { leverageOne: "undefined" });
    expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected("ols_g:HC2"), "z");
    const solo = fit.coefficients.find((c) => c.name === "gsolo")!;
    expectRelativelyClose(solo.estimate, expected("ols_g:HC2", "gsolo").estimate, tolerance, "gsolo estimate");
    expect(solo.standardError).toBeNaN();
    // Only gsolo: the solo person's y moves gsolo alone (z and the intercept are fitted without them).
    expect(fit.undefinedStandardErrors).toEqual(["gsolo"]);
  });
  it("CR2 with the category held by one person: z as lm_robust, gsolo undefined", () => {
    const fit = clusterRobustRegression([intercept(m), { name: "z", values: zs }, ...dummies], ys, cluster, "CR2");
    expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected("ols_g:cluster=cluster:CR2"), "z");
    expect(fit.undefinedStandardErrors).toEqual(["gsolo"]);
  });
});
