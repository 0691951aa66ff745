/** The log-rank test against R's survival 3.5 (fixtures/reference/survival.R) at 1e-8. */
import { describe, expect, it } from "vitest";
import { logRank } from "../../src/stats/logRank.ts";
import { close, readSet, reference, sets } from "./survivalReference.ts";

describe.each(sets)("logRank on %s = R survival", (name) => {
  const r = reference[name];
  const data = readSet(name);

  it("logRank(time, event, group) = survdiff: χ², p, observed and expected", () => {
    const got = logRank(data.time, data.event, data.arm.map((a) => Number(a === r.treated)));
    close(got.statistic, r.logrank.chisq, "chisq");
    close(got.pValue, r.logrank.p_value, "p");
    close(got.expected[0], r.logrank.expected[0], "expected 0");
    close(got.expected[1], r.logrank.expected[1], "expected 1");
    expect(got.observed).toEqual(r.logrank.observed);
  });
});
