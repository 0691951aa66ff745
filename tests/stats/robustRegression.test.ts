/**
 * OLS with HC2 standard errors against R: lm(y ~ x1 + x2 + x3) on a small hand-made set (x3 = x1 + 2 · x2, dropped),
 * and the HC2 sandwich written out in R as a different computation from ours (explicit inverse, hatvalues):
 *   B <- solve(crossprod(X)); V <- B %*% crossprod(X * (e / sqrt(1 - h))) %*% B
 * (what sandwich::vcovHC(fit, "HC2") and estimatr::lm_robust(se_type = "HC2") compute).
 */
import { describe, expect, it } from "vitest";
import { coefficientRows, robustRegression, sandwich } from "../../src/stats/robustRegression.ts";
import { expectRelativelyClose } from "../helpers.ts";

const y = [3.1, 4.0, 2.2, 5.9, 7.3, 6.1, 8.8, 4.4, 9.6, 7.7];
const x1 = [0, 1, 0, 1, 1, 0, 1, 0, 1, 1];
const x2 = [2.5, 1.0, 0.5, 3.2, 4.1, 5.0, 4.4, 1.9, 6.3, 2.8];
const columns = [
  { name: "(Intercept)", values: y.map(() => 1) },
  { name: "x1", values: x1 },
  { name: "x2", values: x2 },
  { name: "x3", values: x1.map((v, i) => v + 2 * x2[i]!) },
];

describe("robustRegression", () => {
  const fit = robustRegression(columns, y);

  it("robustRegression(columns, y) gives HC2 standard errors, t-based p on N − rank df = R", () => {
    expect(fit.coefficients.map((c) => c.name)).toEqual(["(Intercept)", "x1", "x2"]);
    expect(fit.dropped).toEqual(["x3"]);
    expect(fit.df).toBe(7);
    const se = [0.5180775282369654, 0.59792815784687492, 0.12059077619379627];
    const p = [0.016911143446084295, 0.0083357844258724178, 0.00010505783049792902];
    fit.coefficients.forEach((c, j) => {
      expectRelativelyClose(c.standardError, se[j]!, 1e-11, `se ${c.name}`);
      expectRelativelyClose(c.p, p[j]!, 1e-9, `p ${c.name}`);
      expect(c.df).toBe(7);
    });
    expectRelativelyClose(fit.coefficients[1]!.confidenceInterval[0], 0.75994374267265052, 1e-11, "x1 lower");
    expectRelativelyClose(fit.coefficients[1]!.confidenceInterval[1], 3.5876945881824884, 1e-11, "x1 upper");
    expectRelativelyClose(fit.residualSumOfSquares, 5.6716439937992451, 1e-12, "RSS");
  });

  it("robustRegression(intercept, y) gives the HC2 SE of a mean: √(Σ(y − ȳ)² / (n(n − 1))) by hand", () => {
    // hᵢ = 1/n, so eᵢ²/(1 − hᵢ) summed and divided by n² is s²/n.
    const values = [2, 4, 6, 12];
    const one = robustRegression([{ name: "(Intercept)", values: [1, 1, 1, 1] }], values);
    expectRelativelyClose(one.coefficients[0]!.standardError, Math.sqrt((16 + 4 + 0 + 36) / (4 * 3)), 1e-13, "SE of the mean");
  });

  it("robustRegression refuses a model with no residual df, and a person with leverage 1", () => {
    expect(() => robustRegression([{ name: "a", values: [1, 1] }, { name: "b", values: [0, 1] }], [1, 2])).toThrow("too few persons (2) for the 2 coefficients of the model");
    const lone = [{ name: "(Intercept)", values: [1, 1, 1, 1] }, { name: "d", values: [0, 0, 0, 1] }];
    expect(() => robustRegression(lone, [1, 2, 3, 4])).toThrow("a person has leverage 1 (alone determines a coefficient), so the HC2 standard error is undefined");
  });

  it("sandwich(B, M) = B M B and coefficientRows(...) = estimate ± qt · SE (by hand)", () => {
    expect(sandwich([[2, 0], [0, 3]], [[1, 1], [1, 1]])).toEqual([[4, 6], [6, 9]]);
    const [row] = coefficientRows(["b"], [2], [[0.25]], 1e9, 0.95);
    expect(row!.standardError).toBe(0.5);
    expect(row!.statistic).toBe(4);
    // df → ∞: the normal quantile 1.959963984540054 (R qnorm(0.975)).
    expectRelativelyClose(row!.confidenceInterval[0], 2 - 1.959963984540054 * 0.5, 1e-8, "lower");
  });
});
