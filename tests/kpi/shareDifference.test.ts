/** The difference between two arms' shares: R's prop.test and survfit (fixtures/reference/kpi.R → kpi.json). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { binomialStdError, shareDifference } from "../../src/kpi/shareDifference.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/kpi.json", "utf8"));

describe("shareDifference(arm, comparison)", () => {
  it("risk difference = R prop.test(c(x1, x0), c(n1, n0), correct = FALSE)$conf.int", () => {
    for (const r of reference.risk_difference) {
      const d = shareDifference({ share: r.x[0] / r.n[0], stdError: binomialStdError(r.x[0], r.n[0]) }, { share: r.x[1] / r.n[1], stdError: binomialStdError(r.x[1], r.n[1]) });
      expectRelativelyClose(d.difference, r.difference, 1e-12, `${r.x} difference`);
      expectRelativelyClose(d.interval![0], r.conf_low, 1e-9, `${r.x} low`);
      expectRelativelyClose(d.interval![1], r.conf_high, 1e-9, `${r.x} high`);
    }
  });
  it("Kaplan–Meier shares: both arms' std.err from summary(survfit(...), times = h) add in the variance", () => {
    const arm = (name: string) => reference.hand.arms.find((a: { arm: string }) => a.arm === name);
    const d = shareDifference({ share: 1 - arm("treatment").survival, stdError: arm("treatment").std_err }, { share: 1 - arm("control").survival, stdError: arm("control").std_err });
    // By hand: √(0.1127774² + 0.1482318²) = 0.186256…
    expect(d.stdError).toBeCloseTo(Math.hypot(0.1127774356864, 0.148231765320393), 12);
    expectRelativelyClose(d.interval![0], reference.hand.conf_low, 1e-9, "low");
    expectRelativelyClose(d.interval![1], reference.hand.conf_high, 1e-9, "high");
  });
  it("no spread in either arm (0 of n and 0 of n) gives no interval", () => {
    expect(shareDifference({ share: 0, stdError: binomialStdError(0, 10) }, { share: 0, stdError: binomialStdError(0, 12) }).interval).toBeNull();
  });
});
