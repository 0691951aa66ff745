// Reference p-values from R 4: binom.test(x, n, p)$p.value and chisq.test(counts, p = …)$p.value.
import { describe, expect, it } from "vitest";
import { ratioTest } from "../../src/assign/ratioTest.ts";
import { expectRelativelyClose } from "../helpers.ts";

const twoArms = [{ name: "control", probability: 0.5, control: true }, { name: "treatment", probability: 0.5, control: false }];

describe("ratioTest(scope, arms, armOfPerson)", () => {
  it("ratioTest(two arms 1:1, 2 of 10 treated) is binom.test(2, 10, 0.5): p = 0.109375", () => {
    const test = ratioTest("overall", twoArms, [...Array(8).fill("control"), "treatment", "treatment"]);
    expect(test).toMatchObject({ scope: "overall", n: 10, counts: { control: 8, treatment: 2 }, planned: { control: 0.5, treatment: 0.5 }, test: "exact_binomial" });
    expectRelativelyClose(test.p!, 0.109375, 1e-10, "p");
  });
  it("ratioTest(two arms 2:1, 7 of 10 in the non-control arm at 1/3) tests the non-control count: binom.test(7, 10, 1/3)", () => {
    const arms = [{ name: "treatment", probability: 1 / 3, control: false }, { name: "control", probability: 2 / 3, control: true }];
    const test = ratioTest("2021Q1", arms, [...Array(7).fill("treatment"), ...Array(3).fill("control")]);
    expectRelativelyClose(test.p!, 0.0196616369455876, 1e-9, "p");
  });
  it("ratioTest(three arms, counts 5, 3, 2) is chisq.test(c(5, 3, 2), p = rep(1/3, 3)): p = 0.4966", () => {
    const arms = ["a", "b", "c"].map((name, i) => ({ name, probability: 1 / 3, control: i === 0 }));
    const test = ratioTest("overall", arms, ["a", "a", "a", "a", "a", "b", "b", "b", "c", "c"]);
    expect(test.test).toBe("chi_square_goodness_of_fit");
    expectRelativelyClose(test.p!, 0.49658530379141, 1e-9, "p");
  });
  it("ratioTest(no persons) has no test and p null, counts zero", () => {
    expect(ratioTest("empty", twoArms, [])).toEqual({ scope: "empty", n: 0, counts: { control: 0, treatment: 0 }, planned: { control: 0.5, treatment: 0.5 }, test: "none", p: null });
  });
});
