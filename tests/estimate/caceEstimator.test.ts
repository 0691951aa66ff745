/**
 * caceEstimate when everyone received what they were assigned: the first stage fits exactly
 * (its F would be infinite), so first_stage_f is null with a note, and the CACE is the
 * intention-to-treat difference in means with the Welch SE (HC2 with one 0/1 regressor).
 */
import { describe, expect, it } from "vitest";
import { caceEstimate } from "../../src/estimate/caceEstimator.ts";
import { expectRelativelyClose } from "../helpers.ts";

describe("caceEstimate", () => {
  it("caceEstimate(data, 'cace', received = assigned) is the ITT: 4.2 − 2.6 = 1.6, Welch SE, no first-stage F", () => {
    const z = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const y = [5, 4, 6, 3, 3, 4, 2, 3, 1, 3];
    const e = caceEstimate({ outcome: "y", contrast: "a vs b", units: z.map((_, i) => i), z, y, confidence: 0.95 }, "cace", z, []);
    expectRelativelyClose(e.estimate!, 1.6, 1e-12, "CACE = ITT");
    // Welch by hand: var(5,4,6,3,3) = 1.7, var(4,2,3,1,3) = 1.3; SE = √(1.7/5 + 1.3/5) = √0.6.
    expectRelativelyClose(e.std_error!, Math.sqrt(0.6), 1e-12, "SE");
    expect(e.first_stage_f).toBeNull();
    expect(e.notes?.map((n) => n.code)).toContain("cace_first_stage_exact");
  });

  it("caceEstimate on a constant outcome is not estimable, with a note (never NaN)", () => {
    const z = [1, 1, 1, 0, 0, 0];
    const e = caceEstimate({ outcome: "y", contrast: "a vs b", units: z.map((_, i) => i), z, y: [2, 2, 2, 2, 2, 2], confidence: 0.95 }, "cace", [1, 1, 0, 0, 1, 0], []);
    expect(e.estimate).toBeNull();
    expect(e.p_value).toBeNull();
    expect(e.notes?.map((n) => n.code)).toContain("outcome_constant");
  });
});
