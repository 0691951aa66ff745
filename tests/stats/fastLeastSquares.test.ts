/** fastLeastSquares against leastSquares (bit for bit, collinear and zero columns included) and a hand calculation. */
import { describe, expect, it } from "vitest";
import { fastLeastSquares } from "../../src/stats/fastLeastSquares.ts";
import { leastSquares } from "../../src/stats/leastSquares.ts";
import { randomInteger, seededRandom } from "../../src/shared/random.ts";

describe("fastLeastSquares(columns, y)", () => {
  it("fits y = 1, 2, 4 on x = 0, 1, 2 as by hand: slope 3/2, intercept 7/3 − 3/2, leverages 5/6, 1/3, 5/6", () => {
    const fit = fastLeastSquares([{ name: "(Intercept)", values: [1, 1, 1] }, { name: "x", values: [0, 1, 2] }], [1, 2, 4]);
    expect(fit.coefficients[0]).toBeCloseTo(7 / 3 - 1.5, 12);
    expect(fit.coefficients[1]).toBeCloseTo(1.5, 12);
    [5 / 6, 1 / 3, 5 / 6].forEach((h, i) => expect(fit.leverage[i]).toBeCloseTo(h, 12));
    // Hand: residuals y − fitted = 1 − 5/6, 2 − 7/3, 4 − 23/6.
    [1 / 6, -1 / 3, 1 / 6].forEach((e, i) => expect(fit.residuals[i]).toBeCloseTo(e, 12));
  });

  it("gives leastSquares' fit bit for bit on 300 random designs, with copies, combinations and zero columns dropped by the same rule", () => {
    const random = seededRandom(20261204);
    for (let c = 0; c < 300; c += 1) {
      const n = 1 + randomInteger(random, 60);
      const p = 1 + randomInteger(random, 8);
      const columns: { name: string; values: number[] }[] = [{ name: "(Intercept)", values: new Array(n).fill(1) }];
      for (let j = 1; j < p; j += 1) {
        const roll = random.next();
        const values =
          roll < 0.1 && j > 1
            ? columns[j - 1]!.values.map((v, i) => 2 * v - columns[0]!.values[i]!) // a linear combination
            : roll < 0.15
              ? new Array(n).fill(0)
              : roll < 0.25
                ? Array.from({ length: n }, () => randomInteger(random, 2)) // binary
                : Array.from({ length: n }, () => (random.next() - 0.5) * 10 ** randomInteger(random, 4));
        columns.push({ name: `x${j}`, values });
      }
      const y = Array.from({ length: n }, () => random.next() * 100);
      let expected;
      try {
        expected = leastSquares(columns, y);
      } catch (error) {
        expect(() => fastLeastSquares(columns, y)).toThrow((error as Error).message);
        continue;
      }
      const fit = fastLeastSquares(columns, y);
      expect(fit.names).toEqual(expected.names);
      expect(fit.dropped).toEqual(expected.dropped);
      expect(fit.coefficients).toEqual(expected.coefficients);
      expect(fit.xtxInverse).toEqual(expected.xtxInverse);
      expect([...fit.residuals]).toEqual([...expected.residuals]);
      expect([...fit.leverage]).toEqual([...expected.leverage]);
    }
  });
});
