import { describe, expect, it } from "vitest";
import { evaluateKpi } from "../../src/kpi/evaluateKpis.ts";
import { wilsonInterval } from "../../src/stats/wilsonInterval.ts";
import { expectRelativelyClose } from "../helpers.ts";

const kpi = { id: "active_3m", label: "In activation, work or education at 3 months", outcome: "active_3m", threshold: 0.6, minPersons: 10, source: "003: mindst 60 %" };

describe("KPI verdicts", () => {
  it("wilsonInterval = R prop.test(x, n, correct = FALSE)$conf.int", () => {
    const [a, b] = wilsonInterval(7, 12);
    expectRelativelyClose(a, 0.31951131254955, 1e-12, "7/12 low");
    expectRelativelyClose(b, 0.806739686341243, 1e-12, "7/12 high");
    const [c, d] = wilsonInterval(30, 50);
    expectRelativelyClose(c, 0.461814377475894, 1e-12, "30/50 low");
    expectRelativelyClose(d, 0.723916102697435, 1e-12, "30/50 high");
  });

  it("met: 30 of 50 past the horizon = 60 %, the interval straddling 60 % said plainly", () => {
    const values = [...Array(30).fill(1), ...Array(20).fill(0), null, null];
    const r = evaluateKpi(kpi, values);
    expect(r).toMatchObject({ persons: 50, achieved: 30, share: 0.6, verdict: "met" });
    expect(r.certainty).toContain("could go either way");
  });

  it("not met: 5 of 12", () => {
    expect(evaluateKpi(kpi, [...Array(5).fill(1), ...Array(7).fill(0)])).toMatchObject({ verdict: "not_met", share: 5 / 12 });
  });

  it("not yet measurable: the horizon is reached by 7 persons only, however well they do", () => {
    const r = evaluateKpi(kpi, [...Array(7).fill(1), ...Array(40).fill(null)]);
    expect(r).toMatchObject({ verdict: "not_yet_measurable", persons: 7, achieved: 7 });
    expect(r.certainty).toContain("only 7 persons are past the horizon");
  });
});
