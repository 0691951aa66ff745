/** KPIs on a time-to-event outcome: 1 − Kaplan–Meier at atDays, by hand and against R survival (fixtures/reference/kpi.R). */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { evaluateSurvivalKpi } from "../../src/kpi/evaluateSurvivalKpi.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/kpi.json", "utf8"));
const kpi = { id: "k", label: "re-offended by day 100", outcome: "t", minPersons: 2, source: "test", atDays: 100 } as const;
// Ten persons: events at 10, 20, 30; censored at 15 and 25; six still followed past day 100 (censored at 200).
// KM: 10 at risk at 10 → 9/10; 8 at risk at 20 (one censored at 15) → 9/10 · 7/8; 6 at risk at 30 → · 5/6.
// R: summary(survfit(...), times = 100): survival 0.65625, log-scale 95 % interval 0.4024–1, so 1 − KM spans 0–0.5976.
const arm = { time: [10, 15, 20, 25, 30, 200, 200, 200, 200, 200], event: [1, 0, 1, 0, 1, 0, 0, 0, 0, 0] };
const survival = (9 / 10) * (7 / 8) * (5 / 6);

describe("evaluateSurvivalKpi(kpi, arm) against a fixed threshold", () => {
  it("share = 1 − KM(100) = 1 − 9/10 · 7/8 · 5/6 = 0.34375, read before everyone has 100 days; interval 0–0.5976 (R)", () => {
    const result = evaluateSurvivalKpi({ ...kpi, direction: "at_most", threshold: 0.6 }, arm);
    expect(result.share).toBeCloseTo(1 - survival, 14);
    expectRelativelyClose(result.interval![1], 1 - 0.402352753257864, 1e-9, "upper limit");
    expect(result).toMatchObject({ persons: 10, achieved: 3, verdict: "met" });
  });
  it("at_most 0.4 and at_least 0.4 are not decided (the interval spans 0.4); at_least 0.7 is not met", () => {
    expect(evaluateSurvivalKpi({ ...kpi, direction: "at_most", threshold: 0.4 }, arm).verdict).toBe("not_decided");
    expect(evaluateSurvivalKpi({ ...kpi, direction: "at_least", threshold: 0.4 }, arm).verdict).toBe("not_decided");
    expect(evaluateSurvivalKpi({ ...kpi, direction: "at_least", threshold: 0.7 }, arm).verdict).toBe("not_met");
  });
  it("fewer than minPersons at risk at atDays, or past everyone's follow-up: not yet measurable", () => {
    expect(evaluateSurvivalKpi({ ...kpi, direction: "at_least", threshold: 0.4, minPersons: 7 }, arm).verdict).toBe("not_yet_measurable");
    expect(evaluateSurvivalKpi({ ...kpi, atDays: 365, direction: "at_most", threshold: 0.4 }, arm)).toMatchObject({ share: null, verdict: "not_yet_measurable" });
  });
});

describe("evaluateSurvivalKpi(kpi, arm, control) against the comparison group: KM difference with both arms' Greenwood variance", () => {
  const split = (rows: { arm: string; time: number; event: number }[], name: string) => ({ arm: name, time: rows.filter((r) => r.arm === name).map((r) => Number(r.time)), event: rows.filter((r) => r.arm === name).map((r) => Number(r.event)) });
  const versus = { ...kpi, direction: "below_control", arm: "treatment" } as const;

  it("hand-made arms at day 200: difference −26,3 pp, R interval −62,8 to +10,3 pp includes 0: not shown", () => {
    const rows = reference.hand.data as { arm: string; time: number; event: number }[];
    const r = evaluateSurvivalKpi({ ...versus, atDays: 200, minPersons: 5 }, split(rows, "treatment"), split(rows, "control"));
    expect(r).toMatchObject({ verdict: "not_shown", threshold: null });
    expectRelativelyClose(r.comparison!.share!, 1 - 0.5625, 1e-12, "control 1 − KM");
    expectRelativelyClose(r.comparison!.difference!, reference.hand.difference, 1e-12, "difference");
    expectRelativelyClose(r.comparison!.interval![0], reference.hand.conf_low, 1e-9, "low");
    expectRelativelyClose(r.comparison!.interval![1], reference.hand.conf_high, 1e-9, "high");
    // 5 control persons at risk at day 200 (R n.risk): with minPersons 6 it is not yet measurable.
    expect(evaluateSurvivalKpi({ ...versus, atDays: 200, minPersons: 6 }, split(rows, "treatment"), split(rows, "control")).verdict).toBe("not_yet_measurable");
  });

  it("the shipped release re-offending data (log-rank p 0.075, Cox HR 0.39 (0.14–1.14)): never 'met'; at 365 days the difference and interval are R's", () => {
    const rows = parse(readFileSync("fixtures/reference/survival-release.csv", "utf8"), { columns: true }) as { arm: string; time: number; event: number }[];
    const r = evaluateSurvivalKpi({ ...versus, atDays: 365, minPersons: 10 }, split(rows, "treatment"), split(rows, "control"));
    const ref = reference.release_365;
    expectRelativelyClose(r.comparison!.difference!, ref.difference, 1e-12, "difference");
    expectRelativelyClose(r.comparison!.interval![0], ref.conf_low, 1e-9, "low");
    expectRelativelyClose(r.comparison!.interval![1], ref.conf_high, 1e-9, "high");
    expect(r.verdict).not.toBe("met");
    // −18,9 pp (−36,3 to −1,5): the pointwise difference at the KPI's horizon clears 0, though the whole-curve log-rank does not.
    expect(r.verdict).toBe(ref.conf_high < 0 ? "better" : "not_shown");
    expect(evaluateSurvivalKpi({ ...versus, atDays: 730, minPersons: 10 }, split(rows, "treatment"), split(rows, "control")).verdict).toBe("not_yet_measurable");
  });
});
