/** log Γ and log B against R 4.2's lgamma and lbeta (fixtures/reference/distributions.R → distributions.json). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { logBeta, logGamma } from "../../src/stats/logGamma.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/distributions.json", "utf8"));

describe("logGamma and logBeta", () => {
  it("logGamma(x) = R lgamma(x) and logBeta(a, b) = R lbeta(a, b) to 1e-12", () => {
    for (const r of reference.lgamma) expectRelativelyClose(logGamma(r.x), r.lgamma, 1e-12, `lgamma(${r.x})`);
    for (const r of reference.lbeta) expectRelativelyClose(logBeta(r.a, r.b), r.lbeta, 1e-12, `lbeta(${r.a}, ${r.b})`);
  });

  it("logGamma(n) = log((n − 1)!) by hand: log 24 at 5, log 362880 at 10", () => {
    expectRelativelyClose(logGamma(5), Math.log(24), 1e-14, "lgamma(5)");
    expectRelativelyClose(logGamma(10), Math.log(362880), 1e-14, "lgamma(10)");
    expect(logGamma(1)).toBeCloseTo(0, 15);
  });

  it("logBeta(2, 3) = log(1! · 2! / 4!) = log(1/12) by hand", () => {
    expectRelativelyClose(logBeta(2, 3), Math.log(1 / 12), 1e-14, "lbeta(2, 3)");
  });
});
