/** Restricted mean survival time (RMST) against R's survival 3.5 (fixtures/reference/survival.R) at 1e-8. */
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../src/stats/kaplanMeier.ts";
import { restrictedMean } from "../../src/stats/restrictedMean.ts";
import { close, inArm, readSet, reference, sets } from "./survivalReference.ts";

describe.each(sets)("restrictedMean on %s = R survival", (name) => {
  const r = reference[name];
  const data = readSet(name);

  it("restrictedMean(curve, tau) = print(survfit, rmean = tau): rmean and se(rmean)", () => {
    for (const e of r.rmst) {
      const got = restrictedMean(kaplanMeier(inArm(data, e.arm).time, inArm(data, e.arm).event), e.tau);
      close(got.rmst, e.rmean, `${e.arm} rmean`);
      close(got.stdError, e.se, `${e.arm} se(rmean)`);
    }
  });
});

describe("restrictedMean by hand", () => {
  it("restrictedMean(curve, 2.5): area under 1 on [0,1), ¾ on [1,2), ½ on [2,2.5) = 1 + 0.75 + 0.25", () => {
    expect(restrictedMean(kaplanMeier([1, 2, 2, 3], [1, 1, 0, 1]), 2.5).rmst).toBeCloseTo(2, 14);
  });
});
