/** The joint Wald test, by hand and against car::linearHypothesis and coxph's global Wald test (fixtures/reference/clustered.R). */
import { describe, expect, it } from "vitest";
import { clusterRobustRegression } from "../../src/stats/clusterRobust.ts";
import { coxRegression } from "../../src/stats/coxRegression.ts";
import { chiSquaredUpperTail } from "../../src/stats/distributions.ts";
import { jointWaldTest } from "../../src/stats/jointWaldTest.ts";
import { robustRegression } from "../../src/stats/robustRegression.ts";
import { expectRelativelyClose } from "../helpers.ts";
import { column, intercept, reference, threeArmDesign, tolerance } from "./clusteredReference.ts";

describe("jointWaldTest(estimates, covariance, residualDf) by hand", () => {
  it("jointWaldTest([2], [[1]], 10): W = 4, χ² p = pchisq(4, 1, lower = FALSE), F = 4 with p = pf(4, 1, 10, lower = FALSE)", () => {
    const test = jointWaldTest([2], [[1]], 10);
    expect(test.chiSquare).toBeCloseTo(4, 12);
    expect(test.df).toBe(1);
    expectRelativelyClose(test.pChiSquare, 0.0455002638963585, 1e-10, "p χ²");
    expect(test.f).toBeCloseTo(4, 12);
    expectRelativelyClose(test.pF!, 0.0733880347707404, 1e-10, "p F");
  });
  it("jointWaldTest([1, 2], diag(1, 4)): W = 1/1 + 4/4 = 2 on 2 df, F = W / 2, no F without a residual df", () => {
    const test = jointWaldTest([1, 2], [[1, 0], [0, 4]]);
    expect(test.chiSquare).toBeCloseTo(2, 12);
    expect(test.df).toBe(2);
    expectRelativelyClose(test.pChiSquare, Math.exp(-1), 1e-10, "p χ² on 2 df is e^(−W/2)");
    expect(test.f).toBeNull();
    expect(test.pF).toBeNull();
    expect(jointWaldTest([1, 2], [[1, 0], [0, 4]], 20).f).toBeCloseTo(1, 12);
  });
  it("jointWaldTest([], []) and a covariance of the wrong size throw", () => {
    expect(() => jointWaldTest([], [])).toThrow("jointWaldTest requires one covariance row per estimate");
    expect(() => jointWaldTest([1, 2], [[1]])).toThrow("jointWaldTest requires one covariance row per estimate");
  });
});

describe("jointWaldTest across three arms against R", () => {
  const { three, m, a, b, y } = threeArmDesign();
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
  for (const want of reference.cox_global) {
    it(`coxRegression global tests (${want.ties}, covariates [${want.covariates}]) are coxph's likelihood ratio, Wald (jointWaldTest) and score`, () => {
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
