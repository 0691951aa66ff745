/** Cluster-robust covariances from summed scores: by hand, and against sandwich::vcovCL and coxph(cluster =) (fixtures/reference/clustered.R). */
import { describe, expect, it } from "vitest";
import { clusteredMeat, coxClusterVariance, glmClusterCovariance } from "../../src/stats/clusteredScores.ts";
import { coxRegression } from "../../src/stats/coxRegression.ts";
import { generalizedLinearModel } from "../../src/stats/generalizedLinearModel.ts";
import { expectRelativelyClose } from "../helpers.ts";
import { column, expected, intercept, schoolsDesign, tolerance } from "./clusteredReference.ts";

describe("clusteredMeat(rows, clusters)", () => {
  it("clusteredMeat([[1,2],[3,4],[5,6]], [a, a, b]) sums u_a = (4, 6), u_b = (5, 6) and adds their outer products", () => {
    // u_a u_aᵀ = [[16, 24], [24, 36]], u_b u_bᵀ = [[25, 30], [30, 36]].
    expect(clusteredMeat([[1, 2], [3, 4], [5, 6]], ["a", "a", "b"])).toEqual({ meat: [[41, 54], [54, 72]], clusters: 2 });
  });
  it("clusteredMeat(rows, one cluster each) is the plain Σ xᵢxᵢᵀ", () => {
    expect(clusteredMeat([[1], [2], [3]], ["p", "q", "r"])).toEqual({ meat: [[14]], clusters: 3 });
  });
  it("clusteredMeat(rows that cancel within their cluster) is zero", () => {
    expect(clusteredMeat([[1, -2], [-1, 2]], ["g", "g"])).toEqual({ meat: [[0, 0], [0, 0]], clusters: 1 });
  });
});

describe("clustered logistic, Poisson and Cox variances against R", () => {
  const { schools, n, z, x, school } = schoolsDesign();
  const design = [intercept(n), { name: "z", values: z }, { name: "x", values: x }];
  for (const [family, outcome, name] of [["binomial", "yb", "logit"], ["poisson", "yc", "poisson"]] as const) {
    for (const type of ["HC0", "HC1"] as const) {
      it(`glmClusterCovariance(${family}, cluster = school, ${type}) is sandwich::vcovCL`, () => {
        const fit = generalizedLinearModel(family, design, column(schools, outcome));
        const want = expected(`${name}:cluster=school:${type}`);
        expectRelativelyClose(fit.coefficients[1]!, want.estimate, tolerance, "estimate");
        const v = glmClusterCovariance(fit, design, school, type);
        // R writes the 3 × 3 matrix column by column.
        for (let a = 0; a < 3; a += 1) for (let b = 0; b < 3; b += 1) expectRelativelyClose(v[a]![b]!, want.variance[b * 3 + a], 1e-7, `V[${a}][${b}]`);
        expectRelativelyClose(Math.sqrt(v[1]![1]!), want.std_error, tolerance, "SE");
      });
    }
  }
  it("glmClusterCovariance(fit, design, one cluster) throws: it needs at least two clusters", () => {
    const fit = generalizedLinearModel("binomial", design, column(schools, "yb"));
    expect(() => glmClusterCovariance(fit, design, school.map(() => "all"), "HC0")).toThrow("glmClusterCovariance needs at least two clusters");
  });
  it("coxClusterVariance(coxph(Surv(time, event) ~ z + x, cluster = school)) sums each school's dfbeta", () => {
    const fit = coxRegression(column(schools, "time"), column(schools, "event"), [z, x]);
    const want = expected("cox:cluster=school");
    expectRelativelyClose(fit.coefficients[0]!, want.estimate, tolerance, "coef");
    expectRelativelyClose(Math.sqrt(fit.variance[0]![0]!), want.naive_std_error, tolerance, "naive SE");
    const v = coxClusterVariance(fit, school);
    for (let a = 0; a < 2; a += 1) for (let b = 0; b < 2; b += 1) expectRelativelyClose(v[a]![b]!, want.variance[b * 2 + a], 1e-7, `V[${a}][${b}]`);
    expectRelativelyClose(Math.sqrt(v[0]![0]!), want.std_error, tolerance, "robust SE");
  });
});
