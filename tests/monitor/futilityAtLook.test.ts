/**
 * Futility in the monitoring plan (issue 30, part 3): a one-sided plan with non-binding β-spending
 * reports at each look the futility bound and whether z is below it. Checked against R rpact 3.3.4
 * (fixtures/reference/groupSequential.json `futility`: getDesignGroupSequential(sided = 1,
 * alpha = 0.025, beta = 0.2, typeBetaSpending, bindingFutility = FALSE)$futilityBounds and
 * $criticalValues) when the looks come at the planned fractions.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { EffectEstimate } from "../../src/estimate/schema.ts";
import { futilityAtLooks, plannedFractions } from "../../src/monitor/futilityAtLook.ts";
import { parseLookLog } from "../../src/monitor/lookLog.ts";
import { monitorPrimaryOutcome } from "../../src/monitor/monitorPrimaryOutcome.ts";
import { MonitoringArtefact, MonitoringPlan } from "../../src/monitor/schema.ts";
import { normalUpperTail } from "../../src/stats/distributions.ts";

interface FutilityCase {
  alphaSpending: "asOF" | "asP" | "asHSD";
  betaSpending: "bsOF" | "bsP" | "bsHSD";
  gamma: number | null;
  gammaB: number | null;
  looks: number;
  criticalValues: number[];
  futilityBounds: number[];
}
const reference = JSON.parse(readFileSync("fixtures/reference/groupSequential.json", "utf8")) as { futility: FutilityCase[] };
const spendingOf = (kind: string, gamma: number | null) => (kind.endsWith("OF") ? "obf" : kind.endsWith("P") ? "pocock" : { hsd: gamma! });
const MAXIMUM = 1200;

function planOf(c: FutilityCase) {
  return MonitoringPlan.parse({ alpha: 0.025, sides: 1, maximumInformation: MAXIMUM, spending: spendingOf(c.alphaSpending, c.gamma), futility: { beta: 0.2, spending: spendingOf(c.betaSpending, c.gammaB), looks: c.looks } });
}

/** A primary estimate whose two-sided p puts it at z (signed as the estimate). */
function estimateAt(n: number, z: number): EffectEstimate {
  const p = 2 * normalUpperTail(Math.abs(z));
  return { outcome: "education_24m", contrast: "treatment vs control", estimator: "difference_in_means", estimate: 0.01 * z, std_error: 0.01, statistic: z, df: null, p_value: p, conf_low: null, conf_high: null, n_treated: n / 2, n_control: n / 2, mean_treated: null, mean_control: null } as EffectEstimate;
}

/** Looks at the planned fractions with the given z's, each appended to the log of the one before. */
function takeLooks(plan: MonitoringPlan, zs: readonly number[], looks: number, better: 1 | -1 = 1) {
  let log: string | null = null;
  return zs.map((z, k) => {
    const asOf = `2025-0${k + 1}-28`;
    const out = monitorPrimaryOutcome({ evaluation: "e", outcome: "education_24m", estimator: "difference_in_means", plan, asOf, estimate: estimateAt(((k + 1) * MAXIMUM) / looks, z), log: log === null ? null : parseLookLog(log), better });
    log = out.logText ?? log;
    return MonitoringArtefact.parse(out.artefact).look!;
  });
}

describe("futilityAtLooks", () => {
  for (const c of reference.futility) {
    it(`${c.alphaSpending}/${c.betaSpending}${c.gamma === null ? "" : ` γ ${c.gamma}`}, ${c.looks} looks at the planned fractions: rpact's futility bounds and critical values to 1e-6`, () => {
      const plan = planOf(c);
      // a path between the bounds: z halfway between futility bound and efficacy boundary, then the final look
      const zs = [...c.futilityBounds.map((b, k) => (b + c.criticalValues[k]!) / 2), 0];
      const looks = takeLooks(plan, zs, c.looks);
      looks.slice(0, -1).forEach((look, k) => {
        expect(look.futilityBound!, `look ${k + 1}`).toBeCloseTo(c.futilityBounds[k]!, 6);
        expect(look.boundary!, `look ${k + 1}`).toBeCloseTo(c.criticalValues[k]!, 6);
        expect(look.futilityCrossed).toBe(false);
      });
      expect(looks.at(-1)).toMatchObject({ futilityBound: null, futilityCrossed: false, crossed: false });
      expect(looks.at(-1)!.boundary!).toBeCloseTo(c.criticalValues.at(-1)!, 6);
    });
  }

  it("a z just below the bound could stop for futility; not crossed for efficacy; the verdict stays 'not yet'", () => {
    const c = reference.futility[0]!;
    const [first] = takeLooks(planOf(c), [c.futilityBounds[0]! - 0.01], c.looks);
    expect(first).toMatchObject({ futilityCrossed: true, crossed: false });
    const [above] = takeLooks(planOf(c), [c.futilityBounds[0]! + 0.01], c.looks);
    expect(above!.futilityCrossed).toBe(false);
  });

  it("with lower_is_better an estimate below 0 favours the programme: z is turned, so a large fall crosses for efficacy", () => {
    const c = reference.futility[0]!;
    const [look] = takeLooks(planOf(c), [-4], c.looks, -1);
    expect(look).toMatchObject({ crossed: true, futilityCrossed: false });
    expect(look!.z!).toBeCloseTo(4, 9);
  });

  it("plannedFractions(3) is 1/3, 2/3, 1; a one-sided plan is required", () => {
    expect(plannedFractions(3)).toEqual([1 / 3, 2 / 3, 1]);
    expect(() => futilityAtLooks({ alpha: 0.05, sides: 2, spending: { kind: "obf" } }, { beta: 0.2, spending: { kind: "obf" } }, [0.5, 1], [])).toThrow("one-sided");
  });

  it("MonitoringPlan refuses futility in a two-sided plan and planned fractions not ending at 1", () => {
    expect(MonitoringPlan.safeParse({ maximumInformation: 100, futility: { beta: 0.2, looks: 3 } }).success).toBe(false);
    expect(MonitoringPlan.safeParse({ maximumInformation: 100, sides: 1, alpha: 0.025, futility: { beta: 0.2, looks: [0.5, 0.9] } }).success).toBe(false);
  });
});
