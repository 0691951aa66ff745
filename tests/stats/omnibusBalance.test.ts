/**
 * The Hansen–Bowers omnibus balance test, checked by a different method: Σ is the randomisation covariance of
 * d = Σᵢ zᵢ(xᵢ − x̄ₛ), so enumerating every assignment that keeps each stratum's treated count gives it exactly,
 * and χ² = dᵀΣ⁻¹d. (tests/assign/balanceTable.test.ts checks the same function against RItools::xBalance.)
 */
import { describe, expect, it } from "vitest";
import { omnibusBalance } from "../../src/stats/omnibusBalance.ts";
import { chiSquaredUpperTail } from "../../src/stats/distributions.ts";
import { invertSymmetric } from "../../src/stats/matrix.ts";
import { expectRelativelyClose } from "../helpers.ts";

/** Every 0/1 vector of length m with k ones. */
function assignments(m: number, k: number): number[][] {
  if (k === 0) return [new Array<number>(m).fill(0)];
  if (m === k) return [new Array<number>(m).fill(1)];
  return [...assignments(m - 1, k - 1).map((a) => [1, ...a]), ...assignments(m - 1, k).map((a) => [0, ...a])];
}

/** d for an assignment, and its mean and covariance over every assignment within strata, by enumeration. */
function enumerated(treated: number[], columns: number[][], strata: string[]) {
  const labels = [...new Set(strata)];
  const units = labels.map((s) => strata.flatMap((t, i) => (t === s ? [i] : [])));
  const centred = columns.map((c) => c.map((x, i) => x - units.find((u) => u.includes(i))!.reduce((sum, j) => sum + c[j]!, 0) / units.find((u) => u.includes(i))!.length));
  const dOf = (z: number[]) => centred.map((c) => c.reduce((sum, x, i) => sum + z[i]! * x, 0));
  let all: number[][] = [new Array<number>(treated.length).fill(0)];
  for (const u of units) {
    const k = u.reduce((sum, i) => sum + treated[i]!, 0);
    all = all.flatMap((z) => assignments(u.length, k).map((a) => z.map((v, i) => (u.includes(i) ? a[u.indexOf(i)]! : v))));
  }
  const ds = all.map(dOf);
  const p = columns.length;
  const covariance = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => ds.reduce((sum, d) => sum + d[a]! * d[b]!, 0) / ds.length));
  return { d: dOf(treated), covariance };
}

describe("omnibusBalance", () => {
  const treated = [1, 0, 1, 0, 0, 1, 1, 0, 1, 0];
  const age = [23, 31, 19, 44, 27, 35, 22, 29, 40, 33];
  const months = [4, 10, 2, 7, 12, 3, 6, 9, 1, 5];
  const strata = ["a", "a", "a", "a", "b", "b", "b", "b", "b", "b"];

  it("omnibusBalance(z, [x], one stratum): z and χ² = d / √Var(d) over all 252 assignments", () => {
    const one = new Array<string>(10).fill("all");
    const { d, covariance } = enumerated(treated, [age], one);
    const result = omnibusBalance(treated, [age], one);
    const z = d[0]! / Math.sqrt(covariance[0]![0]!);
    expectRelativelyClose(result.columns[0]!.z, z, 1e-12, "z");
    expectRelativelyClose(result.chiSquare, z * z, 1e-12, "χ²");
    expect(result.df).toBe(1);
    expect(result.strataUsed).toBe(1);
  });

  it("omnibusBalance(z, [x1, x2], strata): χ² = dᵀΣ⁻¹d with Σ enumerated within strata, df 2", () => {
    const { d, covariance } = enumerated(treated, [age, months], strata);
    const inverse = invertSymmetric(covariance);
    const chiSquare = d.reduce((sum, da, a) => sum + d.reduce((inner, db, b) => inner + da * inverse[a]![b]! * db, 0), 0);
    const result = omnibusBalance(treated, [age, months], strata);
    expectRelativelyClose(result.chiSquare, chiSquare, 1e-10, "χ²");
    expect(result.df).toBe(2);
    expectRelativelyClose(result.p, chiSquaredUpperTail(chiSquare, 2), 1e-10, "p");
    expect(result.strataUsed).toBe(2);
  });

  it("omnibusBalance counts a collinear column once: df = rank Σ (x2 = 2 · x1 adds nothing)", () => {
    const one = new Array<string>(10).fill("all");
    const single = omnibusBalance(treated, [age], one);
    const doubled = omnibusBalance(treated, [age, age.map((x) => 2 * x)], one);
    expect(doubled.df).toBe(1);
    expectRelativelyClose(doubled.chiSquare, single.chiSquare, 1e-10, "χ²");
  });

  it("omnibusBalance drops a stratum where z does not vary, and with none left gives χ² 0, df 0, p 1", () => {
    const allTreatedInB = [1, 0, 1, 0, 1, 1, 1, 1, 1, 1];
    expect(omnibusBalance(allTreatedInB, [age], strata).strataUsed).toBe(1);
    expect(omnibusBalance([1, 1, 1], [[1, 2, 3]], ["s", "s", "s"])).toMatchObject({ chiSquare: 0, df: 0, p: 1, strataUsed: 0 });
  });

  it("omnibusBalance refuses columns of the wrong length", () => {
    expect(() => omnibusBalance([1, 0], [[1, 2, 3]], ["a", "a"])).toThrow("omnibusBalance requires one value per unit in every column and stratum");
  });
});
