/**
 * Clustered standard errors at any level, absorbed block fixed effects, clustered logistic, Poisson,
 * Cox and CACE variances, the joint Wald test, the k-sample log-rank and the Cox global tests, against
 * R (fixtures/reference/clustered.R → clustered.json: estimatr 1.0, sandwich, clubSandwich, survival, car)
 * on the seeded designs it wrote (clustered-*.csv).
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { clusterRobustRegression, type ClusterSe } from "../../src/stats/clusterRobust.ts";
import { robustRegression } from "../../src/stats/robustRegression.ts";
import { generalizedLinearModel } from "../../src/stats/generalizedLinearModel.ts";
import { coxClusterVariance, glmClusterCovariance } from "../../src/stats/clusteredScores.ts";
import { coxRegression } from "../../src/stats/coxRegression.ts";
import { instrumentalVariables } from "../../src/stats/instrumentalVariables.ts";
import { jointWaldTest } from "../../src/stats/jointWaldTest.ts";
import { kSampleLogRank } from "../../src/stats/kSampleLogRank.ts";
import { chiSquaredUpperTail } from "../../src/stats/distributions.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/clustered.json", "utf8"));
const rows = (name: string) => parse(readFileSync(`fixtures/reference/clustered-${name}.csv`, "utf8"), { columns: true }) as Record<string, string>[];
const column = (data: Record<string, string>[], name: string) => data.map((r) => Number(r[name]));
const intercept = (n: number) => ({ name: "(Intercept)", values: new Array<number>(n).fill(1) });
const expected = (model: string, term = "z") => {
  const found = reference.estimates.find((e: { model: string; term: string }) => e.model === model && e.term === term);
  if (!found) throw new Error(`no reference for ${model} ${term}`);
  return found;
};
const tolerance = 1e-8;
/** Estimate, SE, df, p and the interval at 1e-8 relative (p also at 1e-300 absolute). */
function expectAsR(got: { estimate: number; standardError: number; df: number; p: number; confidenceInterval: readonly [number, number] }, want: Record<string, number>, label: string): void {
  expectRelativelyClose(got.estimate, want.estimate!, tolerance, `${label} estimate`);
  expectRelativelyClose(got.standardError, want.std_error!, tolerance, `${label} SE`);
  expectRelativelyClose(got.df, want.df!, tolerance, `${label} df`);
  if (Math.abs(got.p - want.p_value!) > 1e-300) expectRelativelyClose(got.p, want.p_value!, tolerance, `${label} p`);
  expectRelativelyClose(got.confidenceInterval[0], want.conf_low!, tolerance, `${label} low`);
  expectRelativelyClose(got.confidenceInterval[1], want.conf_high!, tolerance, `${label} high`);
}

const schools = rows("schools");
const n = schools.length;
const z = schools.map((r) => (r.arm === "treatment" ? 1 : 0));
const x = column(schools, "x");
const xMean = x.reduce((a, b) => a + b, 0) / n;
const xc = x.map((v) => v - xMean);
const types: [ClusterSe, string][] = [["CR2", "CR2"], ["CR1", "stata"], ["CR0", "CR0"]];

describe("clusterRobustRegression with clusters that hold both arms (within-school randomisation)", () => {
  const school = schools.map((r) => r.school!);
  const klass = schools.map((r) => r.class!);
  const y = column(schools, "y");
  for (const [type, r] of types) {
    it(`clusterRobustRegression(y ~ z, clusters = school, ${type}) is lm_robust(se_type = "${r}")`, () => {
      const fit = clusterRobustRegression([intercept(n), { name: "z", values: z }], y, school, type);
      expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected(`ols:cluster=school:${r}`), r);
    });
    it(`clusterRobustRegression(y ~ z, clusters = school, fixed effects school, ${type}) is lm_robust(fixed_effects = ~ school)`, () => {
      const fit = clusterRobustRegression([intercept(n), { name: "z", values: z }], y, school, type, 0.95, ["z"], { fixedEffects: school });
      expect(fit.fixedEffects).toBe(12);
      expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected(`ols:cluster=school:fe=school:${r}`), r);
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
  it("robustRegression(y ~ z [+ x], fixed effects school) is lm_robust(fixed_effects = ~ school, se_type = \"HC2\"): df = N − 1 − 12", () => {
    const fit = robustRegression([intercept(n), { name: "z", values: z }], y, 0.95, { fixedEffects: school });
    expect(fit.df).toBe(n - 1 - 12);
    expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected("ols:fe=school:HC2"), "HC2 fe");
    const adjusted = robustRegression([intercept(n), { name: "z", values: z }, { name: "x", values: x }], y, 0.95, { fixedEffects: school });
    expectAsR(adjusted.coefficients.find((c) => c.name === "z")!, expected("ols_x:fe=school:HC2"), "HC2 fe x");
  });
});

describe("clustered logistic, Poisson, Cox and CACE", () => {
  const school = schools.map((r) => r.school!);
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
  it("coxClusterVariance(coxph(Surv(time, event) ~ z + x, cluster = school)) sums each school's dfbeta", () => {
    const fit = coxRegression(column(schools, "time"), column(schools, "event"), [z, x]);
    const want = expected("cox:cluster=school");
    expectRelativelyClose(fit.coefficients[0]!, want.estimate, tolerance, "coef");
    expectRelativelyClose(Math.sqrt(fit.variance[0]![0]!), want.naive_std_error, tolerance, "naive SE");
    const v = coxClusterVariance(fit, school);
    for (let a = 0; a < 2; a += 1) for (let b = 0; b < 2; b += 1) expectRelativelyClose(v[a]![b]!, want.variance[b * 2 + a], 1e-7, `V[${a}][${b}]`);
    expectRelativelyClose(Math.sqrt(v[0]![0]!), want.std_error, tolerance, "robust SE");
  });
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
  const y = column(singles, "y");
  const cluster = singles.map((r) => r.cluster!);
  const dummies = ["q", "r", "solo"].map((level) => ({ name: `g${level}`, values: singles.map((r) => (r.g === level ? 1 : 0)) }));
  for (const [type, r] of types) {
    it(`clusterRobustRegression with half the clusters of one person (${type}) is lm_robust`, () => {
      const fit = clusterRobustRegression([intercept(m), { name: "z", values: zs }], y, cluster, type);
      expect(fit.undefinedStandardErrors).toEqual([]);
      expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected(`ols:cluster=cluster:${r}`), r);
    });
  }
  it("HC2 with a category held by one person: z keeps R's SE; the category's SE is undefined (leverage 1), its estimate kept", () => {
    expect(() => robustRegression([intercept(m), { name: "z", values: zs }, ...dummies], y)).toThrow(/leverage 1/);
    const fit = robustRegression([intercept(m), { name: "z", values: zs }, ...dummies], y, 0.95, { leverageOne: "undefined" });
    expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected("ols_g:HC2"), "z");
    const solo = fit.coefficients.find((c) => c.name === "gsolo")!;
    expectRelativelyClose(solo.estimate, expected("ols_g:HC2", "gsolo").estimate, tolerance, "gsolo estimate");
    expect(solo.standardError).toBeNaN();
    // Only gsolo: the solo person's y moves gsolo alone (z and the intercept are fitted without them).
    expect(fit.undefinedStandardErrors).toEqual(["gsolo"]);
  });
  it("CR2 with the category held by one person: z as lm_robust, gsolo undefined", () => {
    const fit = clusterRobustRegression([intercept(m), { name: "z", values: zs }, ...dummies], y, cluster, "CR2");
    expectAsR(fit.coefficients.find((c) => c.name === "z")!, expected("ols_g:cluster=cluster:CR2"), "z");
    expect(fit.undefinedStandardErrors).toEqual(["gsolo"]);
  });
});

describe("joint tests across three arms", () => {
  const three = rows("threearm");
  const m = three.length;
  const a = three.map((r) => (r.arm === "a" ? 1 : 0));
  const b = three.map((r) => (r.arm === "b" ? 1 : 0));
  const y = column(three, "y");
  for (const [index, covariates] of [[0, []], [1, [{ name: "w", values: column(three, "w") }]]] as const) {
    it(`jointWaldTest(a = b = 0) on lm_robust HC2 ${covariates.length ? "with w" : ""} is car::linearHypothesis (F and χ²)`, () => {
      const fit = robustRegression([intercept(m), { name: "a", values: a }, { name: "b", values: b }, ...covariates], y);
      const test = jointWaldTest([fit.coefficients[1]!.estimate, fit.coefficients[2]!.estimate], [[fit.covariance[1]![1]!, fit.covariance[1]![2]!], [fit.covariance[2]![1]!, fit.covariance[2]![2]!]], fit.df);
      const want = reference.joint_wald[index];
      expectRelativelyClose(test.f!, want.f, tolerance, "F");
      expect(test.residualDf).toBe(want.df2);
      expectRelativelyClose(test.pF!, want.p_f, tolerance, "p F");
      expectRelativelyClose(test.chiSquare, want.chisq, tolerance, "χ²");
      expectRelativelyClose(test.pChiSquare, want.p_chisq, tolerance, "p χ²");
    });
  }
  it("jointWaldTest on the CR2 covariance with clusters is linearHypothesis(lm_robust(clusters =))", () => {
    const fit = clusterRobustRegression([intercept(m), { name: "a", values: a }, { name: "b", values: b }], y, three.map((r) => r.cluster!), "CR2", 0.95, []);
    const test = jointWaldTest([fit.coefficients[1]!.estimate, fit.coefficients[2]!.estimate], [[fit.covariance[1]![1]!, fit.covariance[1]![2]!], [fit.covariance[2]![1]!, fit.covariance[2]![2]!]]);
    expectRelativelyClose(test.chiSquare, reference.joint_wald[2].chisq, tolerance, "χ²");
    expectRelativelyClose(test.pChiSquare, reference.joint_wald[2].p_chisq, tolerance, "p");
    expect(test.f).toBeNull();
  });
  it("kSampleLogRank over three arms is survdiff: observed, expected, variance, χ² on 2 df", () => {
    const test = kSampleLogRank(column(three, "time"), column(three, "event"), three.map((r) => r.arm!));
    const want = reference.logrank_k;
    expect(test.groups).toEqual(want.groups);
    expect(test.observed).toEqual(want.observed);
    test.expected.forEach((e, j) => expectRelativelyClose(e, want.expected[j], tolerance, `E${j}`));
    test.variance.forEach((row, j) => row.forEach((v, l) => expectRelativelyClose(v, want.variance[l * 3 + j], tolerance, `V${j}${l}`)));
    expectRelativelyClose(test.statistic, want.chisq, tolerance, "χ²");
    expect(test.df).toBe(2);
    expectRelativelyClose(test.pValue, want.p_value, tolerance, "p");
  });
  for (const want of reference.cox_global) {
    it(`coxRegression global tests (${want.ties}, covariates [${want.covariates}]) are coxph's likelihood ratio, Wald and score`, () => {
      const covariates = [a, b, ...(want.covariates.length ? [column(three, "w")] : [])];
      const fit = coxRegression(column(three, "time"), column(three, "event"), covariates, want.ties);
      expectRelativelyClose(fit.nullLogLikelihood, want.loglik[0], tolerance, "loglik 0");
      const lr = 2 * (fit.logLikelihood - fit.nullLogLikelihood);
      expectRelativelyClose(lr, want.lr, 1e-7, "LR");
      expectRelativelyClose(chiSquaredUpperTail(lr, covariates.length), want.lr_p, 1e-7, "LR p");
      const wald = jointWaldTest(fit.coefficients, fit.variance);
      expectRelativelyClose(wald.chiSquare, want.wald, 1e-7, "Wald");
      expectRelativelyClose(fit.scoreStatistic, want.score, tolerance, "score");
      expectRelativelyClose(chiSquaredUpperTail(fit.scoreStatistic, covariates.length), want.score_p, tolerance, "score p");
    });
  }
});
