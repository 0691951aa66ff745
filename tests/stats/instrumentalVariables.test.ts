/**
 * instrumentalVariables by hand: with one instrument and no covariates 2SLS is the Wald
 * ratio ITT(y) / ITT(d); the first stage is the difference in the share who received it.
 * (The HC2 SEs are checked against estimatr's iv_robust in tests/estimate/estimateEffects.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { instrumentalVariables } from "../../src/stats/instrumentalVariables.ts";
import { expectRelativelyClose } from "../helpers.ts";

describe("instrumentalVariables", () => {
  it("instrumentalVariables(y, d, z, []) is the Wald ratio: (4.2 − 2.6) / (0.8 − 0.2) = 2.666…", () => {
    const z = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const d = [1, 1, 1, 1, 0, 1, 0, 0, 0, 0];
    const y = [5, 4, 6, 3, 3, 4, 2, 3, 1, 3];
    // ITT(y) = mean(5,4,6,3,3) − mean(4,2,3,1,3) = 4.2 − 2.6 = 1.6; ITT(d) = 0.8 − 0.2 = 0.6.
    const fit = instrumentalVariables(y, d, z, []);
    expectRelativelyClose(fit.estimate, 1.6 / 0.6, 1e-12, "CACE");
    expectRelativelyClose(fit.firstStage.estimate, 0.6, 1e-12, "first stage");
    expect(fit.df).toBe(8);
  });
});
