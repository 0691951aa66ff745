/**
 * The look in words (issue 30): a look below a non-binding futility bound says it could stop for
 * futility, in both languages; a one-sided plan says one-sided. The futility bound is rpact's
 * (fixtures/reference/groupSequential.json, asOF/bsOF, 3 looks: −0.2361 at look 1).
 */
import { describe, expect, it } from "vitest";
import { lookPlanSentence, lookSentence } from "../../src/report/monitoringText.ts";
import { texts } from "../../src/report/i18n.ts";
import type { MonitoringArtefact } from "../../src/monitor/schema.ts";

const look = { look: 1, recorded: "new", information: 400, fraction: 1 / 3, alphaSpent: 0.000104, boundary: 3.7103, nominalP: 0.000104, estimate: -0.01, stdError: 0.03, z: -0.3, p: 0.76, crossed: false, rciLow: -0.12, rciHigh: 0.1, adjustedP: null } as const;
const monitoring = (futility: { futilityBound: number; futilityCrossed: boolean }): MonitoringArtefact => ({
  artefact: "monitoring", schema_version: 1, evaluation: "e", outcome: "education_24m", contrast: "treatment vs control", estimator: "difference_in_means",
  alpha: 0.025, sides: 1, spending: "O'Brien–Fleming-type (Lan–DeMets)", maximumInformation: 1200, asOf: "2025-06-30", verdict: "not_yet", look: { ...look, ...futility }, looks: [], logChainHead: null,
});

describe("lookSentence", () => {
  it("z below the futility bound: could stop for futility, the bound non-binding (en, da); above it: not yet conclusive", () => {
    const below = monitoring({ futilityBound: -0.2361, futilityCrossed: true });
    expect(lookSentence(below, "en", texts("en"))).toContain("not yet conclusive, and below the futility bound (z = -0.24): the evaluation could stop for futility; the bound is non-binding.");
    expect(lookSentence(below, "da", texts("da"))).toContain("under grænsen for nytteløshed (z = -0,24)");
    const above = lookSentence(monitoring({ futilityBound: -0.2361, futilityCrossed: false }), "en", texts("en"))!;
    expect(above).toContain(": not yet conclusive. The unadjusted p");
    expect(above).not.toContain("futility");
  });

  it("a one-sided plan is said to be one-sided", () => {
    expect(lookPlanSentence(monitoring({ futilityBound: -0.2361, futilityCrossed: false }), "en", texts("en"))).toContain("α = 0.025 one-sided");
  });
});
