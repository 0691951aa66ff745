/** The noncentral t CDF against R's pt(t, df, ncp) (fixtures/reference/power.R → power.json) and scipy. */
import { readFileSync } from "node:fs";
import { describe, it } from "vitest";
import { noncentralTCdf } from "../../src/stats/noncentralT.ts";
import { studentTCdf } from "../../src/stats/distributions.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/power.json", "utf8"));

describe("noncentralTCdf", () => {
  it("noncentralTCdf(t, df, ncp) = R pt(t, df, ncp)", () => {
    for (const r of reference.pnt) expectRelativelyClose(noncentralTCdf(r.t, r.df, r.ncp), r.p, 1e-9, `pt(${r.t}, ${r.df}, ncp = ${r.ncp})`);
  });

  it("noncentralTCdf(t, df, ncp) = scipy.stats.nct.cdf(t, df, ncp), negative t and ncp included", () => {
    // python3: from scipy import stats; stats.nct.cdf(t, df, nc) (scipy 1.17)
    const cases: [number, number, number, number][] = [
      [1.5, 10, 2, 0.3047854473760421],
      [-1, 5, 0.5, 0.08244409105672337],
      [3, 40, 1, 0.9699865562550528],
      [10, 25, 8, 0.8650854398771888],
      [2, 3, -1, 0.9900314993672691],
    ];
    for (const [t, df, ncp, p] of cases) expectRelativelyClose(noncentralTCdf(t, df, ncp), p, 1e-8, `nct.cdf(${t}, ${df}, ${ncp})`);
  });

  it("noncentralTCdf(t, df, 0) = the central studentTCdf(t, df)", () => {
    for (const t of [-2.5, -0.3, 0, 1.1, 4]) expectRelativelyClose(noncentralTCdf(t, 7, 0), studentTCdf(t, 7), 1e-10, `t = ${t}`);
  });
});
