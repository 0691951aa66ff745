import { describe, expect, it } from "vitest";
import { evaluateKpi } from "../../src/kpi/evaluateKpis.ts";
import { wilsonInterval } from "../../src/stats/wilsonInterval.ts";
import { expectRelativelyClose } from "../helpers.ts";

const kpi = { id: "active_3m", label: "In activation, work or education at 3 months", outcome: "active_3m", threshold: 0.6, direction: "at_least", minPersons: 10, source: "003: mindst 60 %" } as const;
const ones = (n: number) => Array<number>(n).fill(1);
const zeros = (n: number) => Array<number>(n).fill(0);

describe("evaluateKpi(kpi, values) against a fixed threshold", () => {
  it("wilsonInterval = R prop.test(x, n, correct = FALSE)$conf.int", () => {
    const [a, b] = wilsonInterval(7, 12);
    expectRelativelyClose(a, 0.31951131254955, 1e-12, "7/12 low");
    expectRelativelyClose(b, 0.806739686341243, 1e-12, "7/12 high");
    const [c, d] = wilsonInterval(30, 50);
    expectRelativelyClose(c, 0.461814377475894, 1e-12, "30/50 low");
    expectRelativelyClose(d, 0.723916102697435, 1e-12, "30/50 high");
  });

  it("not decided: 30 of 50 = 60 %, its interval 46,2–72,4 % (R) spans the 60 % target", () => {
    const r = evaluateKpi(kpi, [...ones(30), ...zeros(20), null, null]);
    expect(r).toMatchObject({ persons: 50, achieved: 30, share: 0.6, threshold: 0.6, comparison: null, verdict: "not_decided" });
  });

  it("met: 45 of 50, R's interval 78,6–95,7 % clears 60 %", () => {
    expect(evaluateKpi(kpi, [...ones(45), ...zeros(5)])).toMatchObject({ verdict: "met", share: 0.9 });
  });

  it("not met: 5 of 40, R's interval 5,5–26,1 % is wholly below 60 %; 5 of 12 (19,3–68,0 %) is not decided", () => {
    expect(evaluateKpi(kpi, [...ones(5), ...zeros(35)])).toMatchObject({ verdict: "not_met", share: 5 / 40 });
    expect(evaluateKpi(kpi, [...ones(5), ...zeros(7)]).verdict).toBe("not_decided");
  });

  it("at_most 60 %: 5 of 40 is met, 45 of 50 is not met", () => {
    expect(evaluateKpi({ ...kpi, direction: "at_most" }, [...ones(5), ...zeros(35)]).verdict).toBe("met");
    expect(evaluateKpi({ ...kpi, direction: "at_most" }, [...ones(45), ...zeros(5)]).verdict).toBe("not_met");
  });

  it("not yet measurable: the horizon is reached by 7 persons only, however well they do", () => {
    const r = evaluateKpi(kpi, [...ones(7), ...Array(40).fill(null)]);
    expect(r).toMatchObject({ verdict: "not_yet_measurable", persons: 7, achieved: 7 });
    expect(r.certainty).toContain("only 7 persons are past the horizon");
  });
});

describe("evaluateKpi(kpi, values, control) against the comparison group: the risk difference", () => {
  const versus = { ...kpi, threshold: undefined, direction: "above_control", arm: "treatment" } as const;
  it("better: 30/50 against 18/50, difference +24 pp, R prop.test interval 5,0–43,0 pp above 0", () => {
    const r = evaluateKpi(versus, [...ones(30), ...zeros(20)], { arm: "control", values: [...ones(18), ...zeros(32)] });
    expect(r).toMatchObject({ verdict: "better", threshold: null, comparison: { arm: "control", persons: 50, share: 0.36 } });
    expectRelativelyClose(r.comparison!.interval![0], 0.0498935966752032, 1e-9, "low");
    expectRelativelyClose(r.comparison!.interval![1], 0.430106403324797, 1e-9, "high");
  });
  it("not shown: 14/24 against 11/25 (R: −13,4 to +42,0 pp); 30/50 against 18/50 is not shown as below_control", () => {
    expect(evaluateKpi(versus, [...ones(14), ...zeros(10)], { arm: "control", values: [...ones(11), ...zeros(14)] }).verdict).toBe("not_shown");
    expect(evaluateKpi({ ...versus, direction: "below_control" }, [...ones(30), ...zeros(20)], { arm: "control", values: [...ones(18), ...zeros(32)] }).verdict).toBe("not_shown");
  });
  it("not yet measurable while the comparison group has fewer than minPersons observed", () => {
    const r = evaluateKpi(versus, [...ones(30), ...zeros(20)], { arm: "control", values: [...ones(7), null, null] });
    expect(r).toMatchObject({ verdict: "not_yet_measurable", comparison: { persons: 7, difference: null, interval: null } });
  });
});
