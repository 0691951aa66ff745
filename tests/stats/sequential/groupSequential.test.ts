/**
 * Group-sequential designs against R rpact 3.3 (fixtures/reference/groupSequential.R → .json):
 * boundaries, α spent, futility bounds, drift, inflation, expected sample sizes, power, repeated CIs
 * and stage-wise adjusted p — all to 1e-6 (absolute).
 *
 * One exception, rpact's and not ours: rpact integrates on a fixed grid of 91 points per look
 * between −8 and 8, which resolves tail probabilities to about 1e-10. A boundary beyond z = 4 (a
 * look that may spend under 3e-5, O'Brien–Fleming's early looks) is fixed by probabilities that
 * small, so there z moves by up to 0.03 while its nominal p moves by under 1e-9: those boundaries
 * are compared on the p scale to 1e-9, and rpact's NA (its boundary would pass 8) as a nominal p
 * below 1e-9 — and in the one design where rpact gives NA at an interim look (8 looks, two-sided,
 * the first at 4.5 % information), its later boundaries carry that to 1e-5, the tolerance there.
 * tests/stats/sequential/sequentialIntegration.test.ts checks our integration against an
 * independent rule to 1e-12.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalUpperTail } from "../../../src/stats/distributions.ts";
import { betaSpendingFutility } from "../../../src/stats/sequential/betaSpendingFutility.ts";
import { designCharacteristics } from "../../../src/stats/sequential/designCharacteristics.ts";
import { groupSequentialSampleSizeRates } from "../../../src/stats/sequential/groupSequentialSampleSize.ts";
import { efficacyBoundaries, type SpendingPlan } from "../../../src/stats/sequential/lookBoundary.ts";
import { repeatedConfidenceInterval } from "../../../src/stats/sequential/repeatedConfidenceInterval.ts";
import type { Spending } from "../../../src/stats/sequential/spending/index.ts";
import { stagewiseAdjustedP } from "../../../src/stats/sequential/stagewiseAdjustedP.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/groupSequential.json", "utf8"));
const TOLERANCE = 1e-6;

function near(actual: number, expected: number, label: string, tolerance = TOLERANCE): void {
  if (!(Math.abs(actual - expected) <= tolerance)) throw new Error(`${label}: got ${actual}, rpact ${expected} (difference ${Math.abs(actual - expected).toExponential(2)})`);
}

/** A boundary: z to 1e-6 up to z = 4; beyond, the nominal one-sided p to 1e-9 (see above). */
function nearBoundary(actual: number, expected: number | null, label: string, tolerance = TOLERANCE): void {
  if (expected !== null && expected < 4) return near(actual, expected, label, tolerance);
  const difference = Math.abs(normalUpperTail(actual) - (expected === null ? 0 : normalUpperTail(expected)));
  if (!(difference <= 1e-9)) throw new Error(`${label}: got z ${actual}, rpact ${expected} (nominal p differs by ${difference.toExponential(2)})`);
}

function spendingOf(name: string, gamma: number | null, row?: any): Spending {
  if (name === "obf" || name === "asOF" || name === "bsOF") return { kind: "obf" };
  if (name === "pocock" || name === "asP" || name === "bsP") return { kind: "pocock" };
  if (name === "table") return { kind: "table", fractions: row.fractions, shares: row.shares };
  return { kind: "hsd", gamma: gamma! };
}

function checkDesign(row: any): void {
  const plan: SpendingPlan = { alpha: row.alpha, sides: row.sides, spending: spendingOf(row.spending, row.gamma, row) };
  const label = `${row.spending}${row.gamma ?? ""} K=${row.looks} ${row.sides}-sided t=${row.fractions.map((t: number) => t.toFixed(3)).join(",")}`;
  const looks = efficacyBoundaries(plan, row.fractions);
  const tolerance = row.criticalValues.slice(1, -1).includes(null) ? 1e-5 : TOLERANCE;
  looks.forEach((look, k) => {
    nearBoundary(look.boundary, row.criticalValues[k], `${label} boundary ${k + 1}`, tolerance);
    near(look.alphaSpent, row.alphaSpent[k], `${label} α spent ${k + 1}`);
  });
  const characteristics = designCharacteristics(plan, looks, null, row.beta);
  near(characteristics.drift, Math.sqrt(row.shift), `${label} drift`, tolerance);
  near(characteristics.inflationFactor, row.inflationFactor, `${label} inflation`, tolerance);
  near(characteristics.power, row.power.at(-1), `${label} power`, tolerance);
  near(characteristics.expectedShareH0, row.asn0, `${label} ASN H0`, tolerance);
  near(characteristics.expectedShareH01, row.asn01, `${label} ASN H01`, tolerance);
  near(characteristics.expectedShareH1, row.asn1, `${label} ASN H1`, tolerance);
}

describe("group-sequential designs = rpact getDesignGroupSequential + getDesignCharacteristics", () => {
  for (const spending of ["obf", "pocock", "hsd"]) {
    it(`efficacyBoundaries and designCharacteristics (${spending}, 2–8 looks, equal and unequal fractions, one- and two-sided)`, () => {
      const rows = reference.designs.filter((row: any) => row.spending === spending);
      expect(rows.length).toBeGreaterThanOrEqual(28);
      for (const row of rows) checkDesign(row);
    });
  }
  it("a custom spending table (rpact asUser)", () => {
    for (const row of reference.tables) checkDesign(row);
  });
  it("betaSpendingFutility: non-binding futility bounds and the design's drift (rpact typeBetaSpending, bindingFutility = FALSE)", () => {
    for (const row of reference.futility) {
      const plan: SpendingPlan = { alpha: 0.025, sides: 1, spending: spendingOf(row.alphaSpending, row.gamma) };
      const label = `${row.alphaSpending}/${row.betaSpending} K=${row.looks}`;
      const looks = efficacyBoundaries(plan, row.fractions);
      looks.forEach((look, k) => nearBoundary(look.boundary, row.criticalValues[k], `${label} boundary ${k + 1}`));
      const futility = betaSpendingFutility(looks, { beta: 0.2, spending: spendingOf(row.betaSpending, row.gammaB) });
      row.futilityBounds.forEach((bound: number, k: number) => near(futility.bounds[k]!, bound, `${label} futility ${k + 1}`));
      const characteristics = designCharacteristics(plan, looks, futility, 0.2);
      near(characteristics.drift, Math.sqrt(row.shift), `${label} drift`);
      near(characteristics.inflationFactor, row.inflationFactor, `${label} inflation`);
      near(characteristics.power, row.power.at(-1), `${label} power`);
      near(characteristics.expectedShareH0, row.asn0, `${label} ASN H0`);
      near(characteristics.expectedShareH1, row.asn1, `${label} ASN H1`);
    }
  });
  it("groupSequentialSampleSizeRates = rpact getSampleSizeRates (persons, both arms together)", () => {
    for (const row of reference.rates) {
      const plan: SpendingPlan = { alpha: row.alpha, sides: row.sides, spending: spendingOf(row.spending, row.gamma) };
      const fractions = Array.from({ length: row.looks }, (_, k) => (k + 1) / row.looks);
      const characteristics = designCharacteristics(plan, efficacyBoundaries(plan, fractions), null, row.beta);
      const size = groupSequentialSampleSizeRates(row.pi2, row.pi1, row.alpha, row.sides, row.beta, characteristics);
      const label = `${row.spending} K=${row.looks} ${row.pi2}→${row.pi1}`;
      expect(Math.abs(2 * size.fixedPerArm - row.nFixed) / row.nFixed, `${label} fixed n`).toBeLessThan(1e-9);
      expect(Math.abs(2 * size.maximumPerArm - row.maxNumberOfSubjects) / row.maxNumberOfSubjects, `${label} maximum n`).toBeLessThan(1e-6);
      expect(Math.abs(2 * size.expectedPerArmH0 - row.expectedH0) / row.expectedH0, `${label} expected n H0`).toBeLessThan(1e-6);
      expect(Math.abs(2 * size.expectedPerArmH1 - row.expectedH1) / row.expectedH1, `${label} expected n H1`).toBeLessThan(1e-6);
    }
  });
});

describe("analyses at the looks = rpact getAnalysisResults (means, normal approximation)", () => {
  it("repeatedConfidenceInterval(estimate, SE, boundary) at every look", () => {
    for (const row of reference.analyses) {
      row.effectSizes.forEach((estimate: number, k: number) => {
        const standardError = estimate / row.overallTestStatistics[k];
        const interval = repeatedConfidenceInterval(estimate, standardError, row.criticalValues[k]);
        near(interval.lower, row.rciLower[k], `${row.spending} look ${k + 1} lower`);
        near(interval.upper, row.rciUpper[k], `${row.spending} look ${k + 1} upper`);
      });
    }
  });
  it("stagewiseAdjustedP at the look the analysis ends (early stop and final look; one- and two-sided)", () => {
    for (const row of reference.analyses) {
      const plan: SpendingPlan = { alpha: row.alpha, sides: row.sides, spending: spendingOf(row.spending, null) };
      const fractions = Array.from({ length: row.looks }, (_, k) => (k + 1) / row.looks);
      const looks = efficacyBoundaries(plan, fractions);
      const stage = row.finalStage - 1;
      const p = stagewiseAdjustedP(plan, looks.slice(0, stage), fractions[stage]!, row.overallTestStatistics[stage]);
      near(p, row.finalPValues[stage], `${row.spending} ${row.sides}-sided stage ${row.finalStage}`);
    }
  });
});
