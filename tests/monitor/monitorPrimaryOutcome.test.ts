/**
 * Each run is a look: a new look appended to the hash-chained log, a recorded look never changing,
 * a run before the last look shown and not recorded, no new information no new look, a crossing
 * ending the spending, and a tampered log named by line. Boundaries are checked against the closed
 * form of a first look (2Φ̄(c) = α(t) = 4Φ̄(z₀.₉₈₇₅/√t)) and rpact's 2-look design.
 */
import { describe, expect, it } from "vitest";
import type { EffectEstimate } from "../../src/estimate/schema.ts";
import { parseLookLog } from "../../src/monitor/lookLog.ts";
import { monitorPrimaryOutcome, type MonitorInput } from "../../src/monitor/monitorPrimaryOutcome.ts";
import { MonitoringArtefact, MonitoringPlan } from "../../src/monitor/schema.ts";
import { normalQuantile, normalUpperTail } from "../../src/stats/distributions.ts";

const plan = MonitoringPlan.parse({ maximumInformation: 400 });

function estimate(n: number, difference: number, p: number): EffectEstimate {
  return { outcome: "education_24m", contrast: "treatment vs control", estimator: "difference_in_means", estimate: difference, std_error: 0.03, statistic: 1, df: 100, p_value: p, conf_low: null, conf_high: null, n_treated: n / 2, n_control: n / 2, mean_treated: null, mean_control: null } as EffectEstimate;
}

function look(asOf: string, n: number, difference: number, p: number, logText: string | null) {
  const input: MonitorInput = { evaluation: "ungifokus", outcome: "education_24m", estimator: "difference_in_means", plan, asOf, estimate: estimate(n, difference, p), log: logText === null ? null : parseLookLog(logText) };
  const out = monitorPrimaryOutcome(input);
  MonitoringArtefact.parse(out.artefact);
  return out;
}

describe("monitorPrimaryOutcome", () => {
  it("the first look at information 50 %: boundary 2Φ̄⁻¹ of α(0.5) = 4Φ̄(2.2414/√0.5) (rpact 2-look two-sided OBF: 2.9626), not crossed at p = 0.03", () => {
    const first = look("2025-06-30", 200, 0.065, 0.03, null);
    const expected = -normalQuantile((4 * normalUpperTail(normalQuantile(1 - 0.0125) / Math.sqrt(0.5))) / 2);
    expect(first.artefact.look!.boundary!).toBeCloseTo(expected, 9);
    expect(first.artefact.look!.boundary!).toBeCloseTo(2.9626, 4);
    expect(first.artefact.look!.nominalP).toBeCloseTo(0.003051, 6);
    expect(first.artefact.verdict).toBe("not_yet");
    expect(first.artefact.look!.adjustedP).toBeNull();
    expect(first.logText).toContain("\n1,2025-06-30,200,0.5,");
    // RCI = estimate ± boundary × |estimate / z|, z from p
    const z = -normalQuantile(0.015);
    expect(first.artefact.look!.rciLow!).toBeCloseTo(0.065 - first.artefact.look!.boundary! * (0.065 / z), 12);
  });

  it("the next quarter appends look 2, spending what is left at the final look (information 100 %); a crossing gets its stage-wise adjusted p", () => {
    const first = look("2025-06-30", 200, 0.065, 0.03, null);
    const second = look("2025-09-30", 400, 0.07, 0.001, first.logText);
    expect(second.artefact.look).toMatchObject({ look: 2, recorded: "new", alphaSpent: 0.05, crossed: true });
    expect(second.artefact.look!.boundary!).toBeCloseTo(1.96859564055922, 6); // rpact getDesignGroupSequential(kMax = 2, sided = 2, alpha = 0.05)$criticalValues[2]
    expect(second.artefact.verdict).toBe("crossed");
    expect(second.artefact.look!.adjustedP!).toBeGreaterThan(0.001);
    expect(second.artefact.look!.adjustedP!).toBeLessThan(0.05);
    expect(parseLookLog(second.logText!).broken).toBeNull();
    // a later run spends nothing more
    expect(look("2025-12-31", 400, 0.07, 0.001, second.logText).artefact.verdict).toBe("crossed_earlier");
  });

  it("a re-run at a recorded date keeps the look as recorded (boundary, α), even if the data changed; a run before the last look is not recorded", () => {
    const first = look("2025-06-30", 200, 0.065, 0.03, null);
    const second = look("2025-09-30", 280, 0.05, 0.2, first.logText);
    const again = look("2025-06-30", 210, 0.01, 0.8, second.logText);
    expect(again.logText).toBeNull();
    expect(again.artefact.look).toMatchObject({ look: 1, recorded: "as_recorded", fraction: 0.5, boundary: first.artefact.look!.boundary });
    const between = look("2025-08-15", 240, 0.05, 0.2, second.logText);
    expect(between.logText).toBeNull();
    expect(between.artefact.look!.recorded).toBe("not_recorded");
  });

  it("no new look without new information, and none without information", () => {
    const first = look("2025-06-30", 200, 0.065, 0.03, null);
    expect(look("2025-09-30", 200, 0.065, 0.03, first.logText)).toMatchObject({ logText: null, artefact: { verdict: "no_new_information", look: null } });
    expect(look("2025-06-30", 0, 0, 1, null)).toMatchObject({ logText: null, artefact: { verdict: "no_information", look: null } });
  });

  it("a look changed by hand breaks the chain at its line", () => {
    const first = look("2025-06-30", 200, 0.065, 0.03, null);
    const second = look("2025-09-30", 280, 0.05, 0.2, first.logText);
    const edited = second.logText!.replace(",200,0.5,", ",210,0.525,");
    expect(parseLookLog(edited).broken).toMatchObject({ line: 6 });
    const dropped = second.logText!.split("\n").filter((_, i) => i !== 5).join("\n");
    expect(parseLookLog(dropped).broken).toMatchObject({ line: 6 });
  });
});
