/** The k-sample log-rank test, by hand and against survival::survdiff (fixtures/reference/clustered.R). */
import { describe, expect, it } from "vitest";
import { kSampleLogRank } from "../../src/stats/kSampleLogRank.ts";
import { expectRelativelyClose } from "../helpers.ts";
import { column, reference, threeArmDesign, tolerance } from "./clusteredReference.ts";

describe("kSampleLogRank(time, event, group)", () => {
  it("kSampleLogRank(six persons in three groups, one censored tie-free) is survdiff: E_a = 1/3 + 1/5 + 1/3", () => {
    // R: survdiff(Surv(t, e) ~ g) with t = 1:6, e = 1 1 0 1 1 0, g = a b c a b c → obs 2 2 0,
    // exp 0.8667 1.5667 1.5667, chisq 3.40159574468085. By hand: at t = 1 six at risk (two each), at t = 2
    // five (a 1, b 2, c 2), at t = 4 three (one each), at t = 5 two (b, c).
    const test = kSampleLogRank([1, 2, 3, 4, 5, 6], [1, 1, 0, 1, 1, 0], ["a", "b", "c", "a", "b", "c"]);
    expect(test.groups).toEqual(["a", "b", "c"]);
    expect(test.observed).toEqual([2, 2, 0]);
    expectRelativelyClose(test.expected[0]!, 1 / 3 + 1 / 5 + 1 / 3, 1e-12, "E_a");
    expectRelativelyClose(test.expected[1]!, 1 / 3 + 2 / 5 + 1 / 3 + 1 / 2, 1e-12, "E_b");
    expectRelativelyClose(test.expected[2]!, 1.566666666666667, 1e-12, "E_c");
    expectRelativelyClose(test.statistic, 3.40159574468085, 1e-12, "χ²");
    expect(test.df).toBe(2);
    expectRelativelyClose(test.pValue, Math.exp(-3.40159574468085 / 2), 1e-10, "p on 2 df");
  });
  it("kSampleLogRank(groups given unsorted) reports them sorted, as survdiff's factor levels", () => {
    expect(kSampleLogRank([1, 2, 3, 4], [1, 1, 1, 1], ["z", "m", "z", "m"]).groups).toEqual(["m", "z"]);
  });
  it("kSampleLogRank(one group) throws", () => {
    expect(() => kSampleLogRank([1, 2], [1, 1], ["a", "a"])).toThrow("kSampleLogRank requires at least two groups");
  });
  it("kSampleLogRank over three arms is survdiff: observed, expected, variance, χ² on 2 df", () => {
    const { three } = threeArmDesign();
    const test = kSampleLogRank(column(three, "time"), column(three, "event"), three.map((r) => r.arm!));
    const want = reference.logrank_k;
    expect(test.groups).toEqual(want.groups);
    expect(test.observed).toEqual(want.observed);
    test.expected.forEach((e, j) => expectRelativelyClose(e, want.expected[j], tolerance, `E${j}`));
    test.variance.forEach((row, j) => row.forEach((v, l) => expectRelativelyClose(v, want.variance[l * 3 + j], tolerance, `V${j}${l}`)));
    expectRelativelyClose(test.statistic, want.chisq, tolerance, "χ²");
    expect(test.df).toBe(2);
    expectRelativelyClose(test.pValue, want.p_value, tolerance, "p");
  });
});
