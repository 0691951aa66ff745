/** Distribution functions against R 4.2 (fixtures/reference/distributions.R → distributions.json). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chiSquaredUpperTail, fUpperTail, normalQuantile, normalUpperTail, studentTCdf, studentTQuantile, studentTTwoSidedP } from "../../src/stats/distributions.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/distributions.json", "utf8"));

describe("distributions agree with R to 1e-10 relative", () => {
  it("studentTCdf(t, df) and studentTTwoSidedP(t, df) = R pt", () => {
    for (const r of reference.pt) {
      // Above df = 4e5 R's pt itself switches to a corrected normal approximation (nmath/pt.c), good to ~1e-10.
      const tolerance = r.df > 4e5 ? 1e-9 : 1e-10;
      expectRelativelyClose(studentTCdf(r.t, r.df), r.lower, tolerance, `pt(${r.t}, ${r.df})`);
      expectRelativelyClose(studentTTwoSidedP(r.t, r.df), r.twoSided, tolerance, `2pt(-|${r.t}|, ${r.df})`);
    }
  });

  it("studentTQuantile(p, df) = R qt", () => {
    for (const r of reference.qt) expectRelativelyClose(studentTQuantile(r.p, r.df), r.q, 1e-10, `qt(${r.p}, ${r.df})`);
  });

  it("chiSquaredUpperTail(x, df) = R pchisq(lower.tail = FALSE)", () => {
    for (const r of reference.pchisq) expectRelativelyClose(chiSquaredUpperTail(r.x, r.df), r.upper, 1e-10, `pchisq(${r.x}, ${r.df})`);
  });

  it("normalUpperTail(z) = R pnorm(lower.tail = FALSE)", () => {
    for (const r of reference.pnorm) expectRelativelyClose(normalUpperTail(r.z), r.upper, 1e-10, `pnorm(${r.z})`);
  });

});

describe("far tails and the F and normal quantile functions agree with R", () => {
  it("p-values down to 1e-216 keep 1e-9 relative accuracy (R pt, pchisq, pnorm)", () => {
    for (const r of reference.tails) {
      const ours = r.kind === 1 ? studentTCdf(r.x, r.df) : r.kind === 2 ? chiSquaredUpperTail(r.x, r.df) : normalUpperTail(r.x);
      expectRelativelyClose(ours, r.p, 1e-9, `tail kind ${r.kind} at ${r.x}, df ${r.df}`);
    }
  });

  it("fUpperTail(f, df1, df2) = R pf(lower.tail = FALSE)", () => {
    for (const r of reference.pf) expectRelativelyClose(fUpperTail(r.f, r.df1, r.df2), r.upper, 1e-10, `pf(${r.f}, ${r.df1}, ${r.df2})`);
  });

  it("normalQuantile(p) = R qnorm", () => {
    for (const r of reference.qnorm) expectRelativelyClose(normalQuantile(r.p), r.q, 1e-14, `qnorm(${r.p})`);
  });
});

describe("distribution edge cases", () => {
  it("studentTCdf handles infinite t and refuses df <= 0", () => {
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(() => studentTCdf(1, 0)).toThrow("studentTCdf requires df > 0");
  });
  it("chiSquaredUpperTail(0, df) is 1", () => {
    expect(chiSquaredUpperTail(0, 4)).toBe(1);
  });
});
