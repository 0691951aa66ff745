/** The repayment-risk summary over the rule kinds' simulations; the differential rule's own draws are checked in tests/repay/rules/differential.test.ts. */
import { describe, expect, it } from "vitest";
import type { OutcomeRow } from "../../src/repay/outcomeTable.ts";
import { repaymentRisk, RISK_SIMULATIONS } from "../../src/repay/repaymentRisk.ts";
import { Contract } from "../../src/repay/schema.ts";

const a = (value: number) => ({ value, source: "test" });
const contract = Contract.parse({
  name: "t", title: "t", source: "t", period: { from: "2022-01-01", to: "2023-12-31" }, startYear: 2022,
  investors: [{ id: "i", name: "i", capital: a(1e6) }], payers: [{ id: "k", name: "k", budget: "kommune_decentral", share: a(1) }],
  schedule: [{ period: "y1", paymentYear: 2022 }, { period: "y2", paymentYear: 2023 }],
  rules: [{ kind: "rate_card", id: "card", label: "card", prices: [{ outcome: "job", label: "job", price: a(1_000) }] }],
});
const row = (personId: string, period: string, job: number): OutcomeRow => ({ personId, period, outcomes: { job } });
// y1: all eight have a job, so every bootstrap sample pays 8 × 1,000. y2: one of ten, so a sample pays 1,000 × Binomial(10, 0.1).
const rows = [...Array.from({ length: 8 }, (_, i) => row(`p${i}`, "y1", 1)), ...Array.from({ length: 10 }, (_, i) => row(`q${i}`, "y2", Number(i === 0)))];

describe("repaymentRisk(contract, effects, rows, seed)", () => {
  const [certain, rare] = repaymentRisk(contract, null, rows, 7);

  it("repaymentRisk summarises a period where every draw pays 8,000: mean = p05 = p50 = p95 = 8,000, triggered 1", () => {
    expect(certain).toMatchObject({ rule: "card", period: "y1", simulations: RISK_SIMULATIONS, seed: 7, probabilityTriggered: 1, amount: { mean: 8_000, p05: 8_000, p50: 8_000, p95: 8_000 } });
  });

  it("repaymentRisk on one success in ten: P(triggered) = 1 − 0.9¹⁰ = 0.6513 and the mean 1,000 within simulation error", () => {
    // SE of the share over 10,000 draws ≈ 0.0048; of the mean ≈ 9.5: bounds of about 3 SE.
    expect(Math.abs(rare!.probabilityTriggered - (1 - 0.9 ** 10))).toBeLessThan(0.015);
    expect(Math.abs(rare!.amount.mean - 1_000)).toBeLessThan(30);
    // Binomial(10, 0.1): P(X = 0) = 0.349 > 0.05, so p05 = 0; P(X ≤ 1) = 0.736 ≥ 0.5, so the median is 1,000; P(X ≤ 2) = 0.930 < 0.95, so p95 = 3,000.
    expect(rare!.amount).toMatchObject({ p05: 0, p50: 1_000, p95: 3_000 });
  });

  it("repaymentRisk is reproducible by seed, and leaves out a period with nothing to simulate", () => {
    expect(repaymentRisk(contract, null, rows, 7)).toEqual([certain, rare]);
    expect(repaymentRisk(contract, null, rows.slice(0, 8), 7).map((r) => r.period)).toEqual(["y1"]);
    expect(repaymentRisk(contract, null, null, 7)).toEqual([]);
  });
});
