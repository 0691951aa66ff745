/** Small dense matrix helpers, checked by hand. */
import { describe, expect, it } from "vitest";
import { invertSymmetric, multiply, transpose, waldStatistic } from "../../src/stats/matrix.ts";

describe("matrix", () => {
  it("multiply(a, b) and transpose(a) on a 2 × 3 and a 3 × 2 matrix (by hand)", () => {
    const a = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    expect(transpose(a)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(multiply(a, transpose(a))).toEqual([
      [14, 32],
      [32, 77],
    ]);
  });

  it("invertSymmetric([[4, 2], [2, 3]]) = [[3, −2], [−2, 4]] / 8 (the adjugate over the determinant)", () => {
    const inverse = invertSymmetric([
      [4, 2],
      [2, 3],
    ]);
    const expected = [
      [3 / 8, -2 / 8],
      [-2 / 8, 4 / 8],
    ];
    inverse.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(expected[i]![j]!, 14)));
  });

  it("invertSymmetric(A) · A = I on a 3 × 3 positive-definite matrix", () => {
    const a = [
      [6, 2, 1],
      [2, 5, 2],
      [1, 2, 4],
    ];
    const product = multiply(invertSymmetric(a), a);
    product.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(i === j ? 1 : 0, 13)));
  });

  it("invertSymmetric refuses a matrix that is not positive definite", () => {
    expect(() => invertSymmetric([[1, 2], [2, 1]])).toThrow("invertSymmetric requires a positive-definite matrix");
  });

  it("waldStatistic(b, V) = bᵀV⁻¹b: with V = diag(4, 9) and b = (2, 3) it is 1 + 1 = 2", () => {
    expect(waldStatistic([2, 3], [[4, 0], [0, 9]])).toBeCloseTo(2, 14);
  });
});
