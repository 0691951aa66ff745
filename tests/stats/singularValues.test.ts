/** One-sided Jacobi SVD against numpy.linalg.svd and by hand. */
import { describe, expect, it } from "vitest";
import { singularValueDecomposition } from "../../src/stats/singularValues.ts";
import { expectRelativelyClose } from "../helpers.ts";

describe("singularValueDecomposition", () => {
  it("singularValueDecomposition(columns) = numpy.linalg.svd's singular values, largest first", () => {
    // numpy: np.linalg.svd(np.array([[1, 2], [3, 4], [5, 6]]), compute_uv=False) → 9.525518091565107, 0.5143005806586443
    const { values } = singularValueDecomposition([
      [1, 3, 5],
      [2, 4, 6],
    ]);
    expectRelativelyClose(values[0]!, 9.525518091565107, 1e-13, "σ1");
    expectRelativelyClose(values[1]!, 0.5143005806586443, 1e-12, "σ2");
  });

  it("singularValueDecomposition of orthogonal columns: their norms, and unit vectors (by hand)", () => {
    const { values, vectors } = singularValueDecomposition([
      [0, 3, 0],
      [4, 0, 0],
    ]);
    expect(values[0]).toBeCloseTo(4, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    expect(vectors[0]!.map(Math.abs)).toEqual([0, 1]);
    expect(vectors[1]!.map(Math.abs)).toEqual([1, 0]);
  });

  it("singularValueDecomposition finds a zero singular value for collinear columns, and X·v = σ·u holds", () => {
    const a = [1, 2, 3, 4];
    const b = a.map((x) => 2 * x);
    const { values, vectors } = singularValueDecomposition([a, b]);
    expect(values[1]).toBeLessThan(1e-12);
    // ‖X v₁‖ = σ₁ for the first right singular vector.
    const v = vectors[0]!;
    const xv = a.map((x, i) => x * v[0]! + b[i]! * v[1]!);
    expectRelativelyClose(Math.hypot(...xv), values[0]!, 1e-13, "‖Xv‖");
    expectRelativelyClose(values[0]!, Math.sqrt(5 * 30), 1e-13, "σ1 = ‖a‖·√5");
  });
});
