/**
 * Householder least squares against R's lm on a small hand-made data set:
 *   fit <- lm(y ~ x1 + x2 + x3) with x3 = x1 + 2 · x2; coef(fit), resid(fit), hatvalues(fit), solve(crossprod(X)).
 */
import { describe, expect, it } from "vitest";
import { leastSquares } from "../../src/stats/leastSquares.ts";
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

describe("leastSquares", () => {
  const fit = leastSquares(columns, y);

  it("leastSquares(columns, y) drops the collinear x3 by name, as lm's NA coefficient", () => {
    expect(fit.names).toEqual(["(Intercept)", "x1", "x2"]);
    expect(fit.dropped).toEqual(["x3"]);
    expect(fit.rank).toBe(3);
    expect(fit.n).toBe(10);
  });

  it("leastSquares(columns, y) coefficients, residuals and leverages = R lm, resid, hatvalues", () => {
    [1.6149229649783268, 2.1738191654275694, 0.94346546869562464].forEach((b, j) => expectRelativelyClose(fit.coefficients[j]!, b, 1e-12, `coef ${j}`));
    const residuals = [-0.87358663671739412, -0.732207599101522, 0.11334430067385953, -0.90783163023189595, -0.35695055205795789, -0.23225030845645112, 0.86000980733335486, 0.99249264449998575, -0.13257458318833285, 1.2695545572463542];
    residuals.forEach((e, i) => expectRelativelyClose(fit.residuals[i]!, e, 1e-11, `residual ${i}`));
    const leverage = [0.25002372741940571, 0.42992502135467742, 0.39808282451200611, 0.17379543800816225, 0.17493435413964378, 0.49204340535923319, 0.18898098642791614, 0.26255180486570279, 0.43663197190673553, 0.19303046600651716];
    leverage.forEach((h, i) => expectRelativelyClose(fit.leverage[i]!, h, 1e-12, `leverage ${i}`));
  });

  it("leastSquares(columns, y).xtxInverse = R solve(crossprod(X)) over the kept columns", () => {
    const expected = [
      [0.48255243759688726, -0.14116232718529528, -0.093960580847227151],
      [-0.14116232718529517, 0.46760416337119176, -0.043974817298870622],
      [-0.093960580847227193, -0.04397481729887058, 0.037963871049384708],
    ];
    expected.forEach((row, a) => row.forEach((v, b) => expectRelativelyClose(fit.xtxInverse[a]![b]!, v, 1e-11, `(XᵀX)⁻¹[${a}][${b}]`)));
  });

  it("leastSquares on an intercept alone gives the mean, residuals y − ȳ and leverage 1/n (by hand)", () => {
    const one = leastSquares([{ name: "(Intercept)", values: [1, 1, 1, 1] }], [2, 4, 6, 12]);
    expect(one.coefficients[0]).toBeCloseTo(6, 13);
    expect(Array.from(one.residuals).map((e) => Math.round(e * 1e12) / 1e12)).toEqual([-4, -2, 0, 6]);
    for (const h of one.leverage) expect(h).toBeCloseTo(0.25, 14);
  });

  it("leastSquares drops a constant-zero column, and refuses columns of the wrong length", () => {
    expect(leastSquares([{ name: "a", values: [1, 1, 1] }, { name: "zero", values: [0, 0, 0] }], [1, 2, 3]).dropped).toEqual(["zero"]);
    expect(() => leastSquares([{ name: "a", values: [1, 1] }], [1, 2, 3])).toThrow("leastSquares requires every column to have one value per unit");
  });
});
