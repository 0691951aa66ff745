/**
 * Cluster-robust regression against the CR1 and CR2 sandwiches written out in R (base R only: lm, solve, eigen),
 * a computation apart from ours (eigen-decomposition for A_g, where we use Jacobi SVD):
 *   X <- cbind(1, z); e <- resid(lm(y ~ z)); B <- solve(crossprod(X)); H <- X %*% B %*% t(X)
 *   CR1: G/(G−1) · (N−1)/(N−K) · B [Σ_g X_gᵀe_g e_gᵀX_g] B
 *   CR2: B [Σ_g X_gᵀA_g e_g e_gᵀA_g X_g] B with A_g = (I − H_gg)^(−1/2) from eigen(I − H_gg)
 *   Bell–McCaffrey df: (Σλ)²/Σλ² over eigen(crossprod(Gm)), Gm's column g = (I − H)[, g] A_g X_g B c
 * (estimatr::lm_robust(clusters =, se_type = "CR2" / "stata") computes the same; tests/estimate/clusterEstimators.test.ts
 * checks the estimators against estimatr itself).
 */
import { describe, expect, it } from "vitest";
import { clusterRobustRegression } from "../../src/stats/clusterRobust.ts";
import { expectRelativelyClose } from "../helpers.ts";

const y = [3.1, 4.0, 2.2, 5.9, 7.3, 6.1, 8.8, 4.4, 9.6, 7.7, 5.0, 6.6];
const z = [0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1];
const clusters = ["a", "a", "a", "b", "b", "b", "c", "c", "d", "d", "e", "f"];
const columns = [
  { name: "(Intercept)", values: y.map(() => 1) },
  { name: "z", values: z },
];

describe("clusterRobustRegression", () => {
  it("clusterRobustRegression(..., 'CR2') gives the Bell–McCaffrey SE and df = R by hand", () => {
    const fit = clusterRobustRegression(columns, y, clusters, "CR2");
    expect(fit.clusters).toBe(6);
    expect(fit.n).toBe(12);
    const [intercept, effect] = fit.coefficients;
    expectRelativelyClose(effect!.estimate, 2.6166666666666658, 1e-12, "z");
    expectRelativelyClose(intercept!.standardError, 1.3355710389193076, 1e-10, "SE intercept");
    expectRelativelyClose(effect!.standardError, 1.5620677179800988, 1e-10, "SE z");
    expectRelativelyClose(effect!.df, 3.3333333333333348, 1e-9, "Bell–McCaffrey df");
    expect(intercept!.df).toBeNaN();
  });

  it("clusterRobustRegression(..., 'CR1') gives the Stata small-sample SE on G − 1 df = R by hand", () => {
    const fit = clusterRobustRegression(columns, y, clusters, "CR1");
    expectRelativelyClose(fit.coefficients[0]!.standardError, 1.1527977240576908, 1e-11, "SE intercept");
    expectRelativelyClose(fit.coefficients[1]!.standardError, 1.358114842686702, 1e-11, "SE z");
    expect(fit.coefficients[1]!.df).toBe(5);
  });

  it("clusterRobustRegression(intercept, one person per cluster, 'CR1') gives the SE of a mean, √(Σe² / (N(N − 1))) by hand", () => {
    // Intercept only, G = N: CR1 = N/(N−1) · (N−1)/(N−1) · Σe²/N² = Σe² / (N(N−1)), the squared SE of a mean.
    const values = [2, 4, 6, 12];
    const fit = clusterRobustRegression([{ name: "(Intercept)", values: [1, 1, 1, 1] }], values, ["p", "q", "r", "s"], "CR1", 0.95, ["(Intercept)"]);
    expectRelativelyClose(fit.coefficients[0]!.standardError, Math.sqrt(56 / 12), 1e-13, "SE of the mean");
  });
});
