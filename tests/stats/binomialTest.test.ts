/** The exact binomial test against R 4.2's binom.test (fixtures/reference/distributions.R → distributions.json). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { binomialTest } from "../../src/stats/binomialTest.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/distributions.json", "utf8"));

describe("binomialTest", () => {
  it("binomialTest(x, n, p).p = R binom.test", () => {
    for (const r of reference.binom_test) expectRelativelyClose(binomialTest(r.x, r.n, r.prob).p, r.p, 1e-10, `binom.test(${r.x}, ${r.n}, ${r.prob})`);
  });

  it("binomialTest(0, 3, 0.5).p = 2 · (1/2)³ = 0.25 by hand (the two tails 0 and 3)", () => {
    expect(binomialTest(0, 3, 0.5).p).toBeCloseTo(0.25, 14);
  });
});
