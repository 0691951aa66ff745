/**
 * The cross-product least squares against R (fixtures/reference/gram.R → gram.json: lm's
 * rank rule and sandwich's HC2 on plain, collinear, badly scaled and Lin designs) and
 * against the Householder QR of robustRegression on random designs — the same columns
 * kept and dropped, the same numbers to 1e-10 — and where it must decline.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { materialiseDesign, regressionDesign, regressionFit } from "../../src/estimate/regressionDesign.ts";
import { seededRandom } from "../../src/shared/random.ts";
import { gramLeastSquares, type DesignColumn } from "../../src/stats/gramLeastSquares.ts";
import { gramRobustRegression } from "../../src/stats/gramRobustRegression.ts";
import type { StripeThreads } from "../../src/stats/gramThreads.ts";
import { robustRegression, type RobustFit } from "../../src/stats/robustRegression.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/gram.json", "utf8"));
const n: number = reference.n;
const i = Array.from({ length: n }, (_, k) => k);
const u = (j: number) => i.map((k) => ((k * (j + 3) * 2654435761) % 1000) / 100);
const noise = i.map((k) => ((k * 40503) % 997) / 100);
const z = i.map((k) => k % 2);
const [x1, x2, x3, x4] = [u(1), u(2), u(3), u(4)];
const dummy = (r: number) => i.map((k) => Number(k % 3 === r));
const y = i.map((k) => 0.5 * x1[k]! + x2[k]! - 0.3 * z[k]! + noise[k]!);
const columns = (named: Record<string, number[]>): DesignColumn[] => [{ name: "(Intercept)", values: null }, { name: "z", values: z }, ...Object.entries(named).map(([name, values]) => ({ name, values }))];
const designs: Record<string, DesignColumn[]> = {
  plain: columns({ x1, x2, x3, x4 }),
  repeated: columns({ x1, x2, x1b: [...x1], combination: x1.map((v, k) => 2 * v - 0.5 * x2[k]!), x3 }),
  dummies: columns({ x1, d0: dummy(0), d1: dummy(1), d2: dummy(2), constant: i.map(() => 3.5), x2 }),
  zero_and_near: columns({ x1, zero: i.map(() => 0), near: x1.map((v, k) => v + 1e-9 * x3[k]!), x2 }),
  close_but_kept: columns({ x1, x2, close: x1.map((v, k) => v + 1e-2 * x3[k]!) }),
  scaled: columns({ big: x1.map((v) => v * 1e6), small: x2.map((v) => v * 1e-6), x3 }),
  // Lin's design as the estimator describes it: the covariates centred and times z, as virtual columns.
  lin: regressionDesign(z, "lin", [{ name: "c1", values: x1 }, { name: "c2", values: x2 }, { name: "c3", values: x3 }, { name: "cd0", values: dummy(0) }]),
};

function expectSameAsR(fit: RobustFit, expected: { kept: string[]; dropped: string[]; estimate: number[]; std_error: number[] }, label: string) {
  expect(fit.coefficients.map((c) => c.name), label).toEqual(expected.kept);
  expect(fit.dropped, label).toEqual(expected.dropped);
  fit.coefficients.forEach((c, j) => {
    expectRelativelyClose(c.estimate, expected.estimate[j]!, 1e-10, `${label} ${c.name} estimate`);
    expectRelativelyClose(c.standardError, expected.std_error[j]!, 1e-10, `${label} ${c.name} SE`);
  });
}

describe("gramRobustRegression(columns, y) = R's lm + vcovHC(type = 'HC2')", () => {
  for (const [name, design] of Object.entries(designs)) {
    // A column 1e-3 from another: kept by R, but the bound on the scaled condition number of XᵀX (4e5) is past the 1e5 the cross-products accept.
    const declines = name === "close_but_kept";
    it(`${name}: the columns R keeps and drops, its estimates and HC2 SEs to 1e-10${declines ? " (the cross-products decline; the QR answers)" : ""}`, () => {
      const fit = gramRobustRegression(design, y);
      if (declines) expect(fit).toBeNull();
      else expectSameAsR(fit!, reference[name], name);
      // …and so does the Householder QR it stands in for, on the columns written out, and regressionFit whichever it takes.
      expectSameAsR(robustRegression(materialiseDesign(design, n), y), reference[name], `${name} (QR)`);
      expectSameAsR(regressionFit(design, y, 0.95, 0), reference[name], `${name} (regressionFit)`);
    });
  }

  it("gives the same bits on one thread and when a worker thread computes every stripe", () => {
    // 3.5 stripes of rows, Lin's virtual design: each pass (cross products, refinement, HC2) by the worker alone.
    const rows = 16 * 1024 * 3 + 8_000;
    const random = seededRandom(11);
    const zz = Array.from({ length: rows }, (_, k) => k % 2);
    const xa = Array.from({ length: rows }, () => random.next() * 10);
    const xb = Array.from({ length: rows }, () => random.next());
    const yy = xa.map((v, k) => 0.2 * v - xb[k]! + 0.3 * zz[k]! + random.next());
    const design = regressionDesign(zz, "lin", [{ name: "a", values: xa }, { name: "b", values: xb }]);
    const alone = gramRobustRegression(design, yy, 0.95, { threads: 1 })!;
    let pool: StripeThreads | null = null;
    const shared = gramRobustRegression(design, yy, 0.95, { threads: 2, onlyWorkers: true, onPool: (p) => void (pool = p) })!;
    expect(shared).toEqual(alone);
    expect(alone.coefficients.find((c) => c.name === "z")!.estimate).toBeCloseTo(0.3, 1);
    // Three passes of four stripes each, all by the worker.
    expect(pool!.stripesByWorkers).toBe(12);
  });

  it("virtual columns (centred, times z) give the bits of the same columns written out", () => {
    const virtual = gramRobustRegression(designs.lin!, y)!;
    const written = gramRobustRegression(materialiseDesign(designs.lin!, n).map(({ name, values }) => ({ name, values })), y)!;
    expect(virtual).toEqual(written);
  });
});

describe("gramLeastSquares declines where it cannot promise the QR's answer", () => {
  it("a column within the rounding of the rank rule's threshold (x1 + 1e-7 · x3): null, and regressionFit gives the QR's fit", () => {
    const design = columns({ x1, x2, edge: x1.map((v, k) => v + 1e-7 * x3[k]!) });
    expect(gramLeastSquares(design, y)).toBeNull();
    expect(regressionFit(design, y, 0.95, 0)).toEqual(robustRegression(materialiseDesign(design, n), y));
  });

  it("a unit with leverage 1: null, and regressionFit names it as robustRegression does", () => {
    const design = columns({ x1, alone: i.map((k) => Number(k === 7)) });
    expect(gramRobustRegression(design, y)).toBeNull();
    expect(() => regressionFit(design, y, 0.95, 0)).toThrow(/leverage 1/);
  });

  it("regressionFit uses the QR below its row threshold: bit-identical to robustRegression", () => {
    const design = designs.plain!;
    expect(regressionFit(design, y, 0.95)).toEqual(robustRegression(materialiseDesign(design, n), y));
  });
});

describe("gramRobustRegression = robustRegression on 300 random designs, collinear ones included", () => {
  it("keeps and drops the same columns and gives the same numbers to 1e-10, declining on at most 5 %", () => {
    const random = seededRandom(19);
    let declined = 0;
    let compared = 0;
    for (let trial = 0; trial < 300; trial += 1) {
      const size = 20 + Math.floor(random.next() * 2000);
      const draw = (scale: number) => Array.from({ length: size }, () => Math.round(random.next() * 1000) * scale);
      const named: { name: string; values: number[] }[] = [{ name: "z", values: Array.from({ length: size }, (_, k) => k % 2) }];
      const extra = 1 + Math.floor(random.next() * 10);
      for (let j = 0; j < extra; j += 1) {
        const kind = random.next();
        const last = named[named.length - 1]!.values;
        const values =
          kind < 0.1 ? [...last] // a repeat
          : kind < 0.2 && named.length > 2 ? named[1]!.values.map((v, k) => 2 * v - 0.5 * named[2]!.values[k]!) // a combination
          : kind < 0.25 ? Array.from({ length: size }, () => 3.5) // collinear with the intercept
          : kind < 0.3 ? Array.from({ length: size }, () => 0)
          : kind < 0.4 ? Array.from({ length: size }, () => Number(random.next() < 0.3)) // an indicator
          : kind < 0.45 ? draw(1e3) // badly scaled
          : kind < 0.5 ? draw(1e-6)
          : draw(0.01);
        named.push({ name: `x${j}`, values });
      }
      const design: DesignColumn[] = [{ name: "(Intercept)", values: null }, ...named];
      const signal = named[1]!.values;
      const top = Math.max(1, ...signal.map(Math.abs));
      // Every other trial, an outcome nearly a combination of the columns (a large coefficient beside small ones).
      const weight = trial % 2 === 0 ? 1 : 100;
      const outcome = signal.map((v, k) => 0.3 * named[0]!.values[k]! + (weight * v) / top + random.next());
      let qr: RobustFit;
      try {
        qr = robustRegression(materialiseDesign(design, size), outcome);
      } catch {
        expect(gramRobustRegression(design, outcome), `trial ${trial}: the QR stops, so must the cross-products`).toBeNull();
        continue;
      }
      const fit = gramRobustRegression(design, outcome);
      if (!fit) {
        declined += 1;
        continue;
      }
      compared += 1;
      const label = `trial ${trial} (n ${size})`;
      expect(fit.coefficients.map((c) => c.name), label).toEqual(qr.coefficients.map((c) => c.name));
      expect(fit.dropped, label).toEqual(qr.dropped);
      expect(fit.df, label).toBe(qr.df);
      qr.coefficients.forEach((c, j) => {
        const ours = fit.coefficients[j]!;
        // An estimate near 0 is compared on the scale of its standard error.
        expect(Math.abs(ours.estimate - c.estimate) / Math.max(Math.abs(c.estimate), c.standardError), `${label} ${c.name} estimate`).toBeLessThan(1e-10);
        expectRelativelyClose(ours.standardError, c.standardError, 1e-10, `${label} ${c.name} SE`);
        expectRelativelyClose(ours.p, c.p, 1e-8, `${label} ${c.name} p`);
      });
    }
    expect(compared).toBeGreaterThan(250);
    expect(declined).toBeLessThanOrEqual(15);
  });
});
