/** Power, sample size and detectable effects against R's power.prop.test / power.t.test (fixtures/reference/power.R). */
import { readFileSync } from "node:fs";
import { describe, it } from "vitest";
import {
  minimumDetectableDifference,
  minimumDetectableProportion,
  powerTwoMeans,
  powerTwoProportions,
  sampleSizeTwoMeans,
  sampleSizeTwoProportions,
} from "../../src/stats/power.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/power.json", "utf8"));

describe("power and sample size = R", () => {
  it("powerTwoProportions = power.prop.test(n, p1, p2)$power", () => {
    for (const r of reference.power_prop) expectRelativelyClose(powerTwoProportions(r.n, r.p1, r.p2), r.power, 1e-10, `n ${r.n}, ${r.p1} vs ${r.p2}`);
  });
  it("powerTwoMeans = power.t.test(n, delta, sd)$power", () => {
    for (const r of reference.power_t) expectRelativelyClose(powerTwoMeans(r.n, r.delta, r.sd), r.power, 1e-8, `n ${r.n}, delta ${r.delta}, sd ${r.sd}`);
  });
  it("sample sizes = power.prop.test / power.t.test(power = …)$n to 1e-6", () => {
    for (const r of reference.n_prop) expectRelativelyClose(sampleSizeTwoProportions(r.power, r.p1, r.p2), r.n, 1e-6, `n for ${r.p1} vs ${r.p2}`);
    for (const r of reference.n_t) expectRelativelyClose(sampleSizeTwoMeans(r.power, r.delta, r.sd), r.n, 1e-6, `n for delta ${r.delta}`);
  });
  it("minimum detectable effects = power.prop.test(n, p1, power)$p2 and power.t.test(n, sd, power)$delta to 1e-6", () => {
    for (const r of reference.mde_prop) expectRelativelyClose(minimumDetectableProportion(r.n, r.p1, r.power), r.p2, 1e-6, `p2 at n ${r.n}`);
    for (const r of reference.mde_t) expectRelativelyClose(minimumDetectableDifference(r.n, r.sd, r.power), r.delta, 1e-6, `delta at n ${r.n}`);
  });
});
