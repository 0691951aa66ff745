/**
 * The Poisson rate ratio with log(exposure) offset and HC0 sandwich SE against R, the sandwich written out:
 *   pm <- glm(cnt ~ z + offset(log(ex)), family = poisson); X <- model.matrix(pm); mu <- fitted(pm)
 *   B <- solve(t(X) %*% (X * mu)); V <- B %*% crossprod(X * (cnt − mu)) %*% B     (= sandwich::vcovHC(pm, "HC0"))
 */
import { describe, expect, it } from "vitest";
import { poissonEstimate } from "../../src/estimate/poissonEstimator.ts";
import { expectRelativelyClose } from "../helpers.ts";
import { contrastOf } from "./contrastDataFixture.ts";

const counts = [2, 0, 1, 3, 1, 4, 2, 5, 3, 6, 1];
const exposure = [1, 0.5, 1, 2, 1, 1, 1, 2, 1, 2, 0.5];

describe("poissonEstimate(data, counts, exposure)", () => {
  it("poissonEstimate gives the rate ratio (7/5.5)/(21/7.5) with the robust HC0 SE on the log scale = R", () => {
    const data = contrastOf(counts.slice(0, 5), counts.slice(5));
    const e = poissonEstimate(data, counts, exposure);
    expectRelativelyClose(e.estimate!, 7 / 5.5 / (21 / 7.5), 1e-8, "rate ratio by hand");
    expectRelativelyClose(e.log_estimate!, -0.78845736034029712, 1e-8, "β");
    expectRelativelyClose(e.std_error!, 0.18072232107201958, 1e-7, "HC0 SE");
    expect(e.notes).toEqual([{ code: "rate_ratio_offset_log_scale", params: {} }]);
  });

  it("poissonEstimate without exposure compares mean counts: 7/5 against 21/6", () => {
    const e = poissonEstimate(contrastOf(counts.slice(0, 5), counts.slice(5)), counts, null);
    expectRelativelyClose(e.estimate!, 7 / 5 / (21 / 6), 1e-8, "rate ratio");
  });

  it("poissonEstimate is not estimable with no events in an arm, or with counts that are not whole numbers", () => {
    expect(poissonEstimate(contrastOf([0, 0], [1, 2]), [0, 0, 1, 2], null).notes).toEqual([{ code: "no_events_in_arm_rate", params: {} }]);
    expect(poissonEstimate(contrastOf([1, 2], [1, 2.5]), [1, 2, 1, 2.5], null).notes).toEqual([{ code: "counts_not_whole", params: {} }]);
  });
});
