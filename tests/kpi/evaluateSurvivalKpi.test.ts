/** KPIs on a time-to-event outcome: 1 − Kaplan–Meier at atDays, worked out by hand. */
import { describe, expect, it } from "vitest";
import { evaluateSurvivalKpi } from "../../src/kpi/evaluateSurvivalKpi.ts";

const kpi = { id: "k", label: "re-offended by day 100", outcome: "t", minPersons: 2, source: "test", atDays: 100 };
// Ten persons: events at 10, 20, 30; censored at 15 and 25; six still followed past day 100 (censored at 200).
// KM: 10 at risk at 10 → 9/10; 8 at risk at 20 (one censored at 15) → 9/10 · 7/8; 6 at risk at 30 → · 5/6.
const time = [10, 15, 20, 25, 30, 200, 200, 200, 200, 200];
const event = [1, 0, 1, 0, 1, 0, 0, 0, 0, 0];
const survival = (9 / 10) * (7 / 8) * (5 / 6);

describe("evaluateSurvivalKpi(kpi, time, event)", () => {
  it("share = 1 − KM(100) = 1 − 9/10 · 7/8 · 5/6, read before everyone has 100 days; at_most 0.4 is met", () => {
    const result = evaluateSurvivalKpi({ ...kpi, direction: "at_most", threshold: 0.4 }, time, event);
    expect(result.share).toBeCloseTo(1 - survival, 14);
    expect(result).toMatchObject({ persons: 10, achieved: 3, verdict: "met" });
    expect(result.interval![0]).toBeLessThan(result.share!);
    expect(result.interval![1]).toBeGreaterThan(result.share!);
  });
  it("at_least 0.4 is not met; fewer than minPersons at risk at atDays is not yet measurable", () => {
    expect(evaluateSurvivalKpi({ ...kpi, direction: "at_least", threshold: 0.4 }, time, event).verdict).toBe("not_met");
    expect(evaluateSurvivalKpi({ ...kpi, direction: "at_least", threshold: 0.4, minPersons: 7 }, time, event).verdict).toBe("not_yet_measurable");
  });
  it("past everyone's follow-up there is no share: not yet measurable", () => {
    expect(evaluateSurvivalKpi({ ...kpi, atDays: 365, direction: "at_most", threshold: 0.4 }, time, event)).toMatchObject({ share: null, verdict: "not_yet_measurable" });
  });
  it("below_control: the control arm's 1 − KM is the threshold (control: events at 5 and 6 of 4 persons → 1 − 3/4 · 2/3 = 0.5)", () => {
    const control = { time: [5, 6, 300, 300], event: [1, 1, 0, 0] };
    const result = evaluateSurvivalKpi({ ...kpi, direction: "below_control" }, time, event, control);
    expect(result.threshold).toBeCloseTo(0.5, 14);
    expect(result.verdict).toBe("met");
  });
});
