/**
 * The ledger as of a date: each period's status, what is repaid (settled only), due and
 * provisional, settled amounts that never move, restatements and true-ups — on amounts
 * worked out by hand (2 days × 100 kr × 50 treated = 10,000 in y1; 0.5 × 100 × 50 = 2,500 in y2).
 */
import { describe, expect, it } from "vitest";
import { repayContract } from "../../src/repay/repayContract.ts";
import { Contract } from "../../src/repay/schema.ts";
import type { Settlement } from "../../src/repay/settlements.ts";
import type { EffectsArtefact } from "../../src/estimate/schema.ts";

const a = (value: number) => ({ value, source: "test" });
function contract(overrides: Record<string, unknown> = {}) {
  return Contract.parse({
    name: "test",
    title: "Test contract",
    source: "test",
    period: { from: "2022-01-01", to: "2025-12-31" },
    startYear: 2022,
    investors: [{ id: "i", name: "investor", capital: a(100000) }],
    payers: [{ id: "k", name: "kommune", budget: "kommune_decentral", share: a(1) }],
    schedule: [{ period: "y1", paymentYear: 2023 }, { period: "y2", paymentYear: 2024 }, { period: "y3", paymentYear: 2025 }],
    rules: [{ kind: "differential", id: "diff", label: "diff", pricePerUnit: a(100), unit: "kr per day", periods: [{ period: "y1", outcome: "d1" }, { period: "y2", outcome: "d2" }, { period: "y3", outcome: "d3" }] }],
    ...overrides,
  });
}
type Row = { outcome: string; mean_treated: number | null; mean_control: number | null; n: number };
function effects(rows: Row[]): EffectsArtefact {
  return {
    artefact: "effects", schema_version: 1, evaluation: "t", source: "t", confidence: 0.95, control: "control", adjustment: "", design: "randomised", subgroups: [], interactions: [], kpis: [],
    estimates: rows.map((r) => ({
      outcome: r.outcome, contrast: "treatment vs control", estimator: "difference_in_means" as const,
      estimate: r.mean_treated === null || r.mean_control === null ? null : r.mean_treated - r.mean_control, std_error: r.n > 0 ? 1 : null, statistic: null, df: null, p_value: null, conf_low: null, conf_high: null,
      n_treated: r.n, n_control: r.n, mean_treated: r.mean_treated, mean_control: r.mean_control, ...(r.n === 0 ? { note: "no persons" } : {}),
    })),
  };
}
// y1 10,000; y2 2,500; y3 not yet measured (no persons).
const early = effects([
  { outcome: "d1", mean_treated: 10, mean_control: 12, n: 50 },
  { outcome: "d2", mean_treated: 11.5, mean_control: 12, n: 50 },
  { outcome: "d3", mean_treated: null, mean_control: null, n: 0 },
]);
// Later data: y1 now 2.4 × 100 × 50 = 12,000; y2 1 × 100 × 50 = 5,000; y3 0.2 × 100 × 50 = 1,000.
const later = effects([
  { outcome: "d1", mean_treated: 9.6, mean_control: 12, n: 50 },
  { outcome: "d2", mean_treated: 11, mean_control: 12, n: 50 },
  { outcome: "d3", mean_treated: 11.8, mean_control: 12, n: 50 },
]);
const settled = (period: string, amount: number, settlementDate: string, trueUp = 0): Settlement => ({
  contract: "test", period, amount, trueUp, settlementDate, dueDate: "", run: { manifestSha256: "a".repeat(64), asOf: settlementDate, evaluation: "t" },
});

describe("period dates and statuses from the schedule", () => {
  it("due on 31 December of the payment year; y1 starts on period.from, y2 the day after y1 is due", () => {
    const r = repayContract(contract(), { asOf: "2023-06-30", effects: early, outcomeRows: null });
    expect(r.periods.map((p) => [p.period, p.from, p.dueDate])).toEqual([["y1", "2022-01-01", "2023-12-31"], ["y2", "2024-01-01", "2024-12-31"], ["y3", "2025-01-01", "2025-12-31"]]);
  });

  it("as of 2023-06-30: y1 provisional (10,000), y2 not started, y3 no persons yet — nothing repaid or due", () => {
    const r = repayContract(contract(), { asOf: "2023-06-30", effects: early, outcomeRows: null });
    expect(r.periods.map((p) => p.status)).toEqual(["provisional", "not_due", "not_due"]);
    expect(r.periods[2]!.statusNote).toBe("no persons yet");
    expect(r.periods[2]!.computedAmount).toBeNull();
    expect(r).toMatchObject({ repaidToDate: 0, dueToDate: 0, provisional: 10000 });
  });

  it("as of 2024-01-01: y1 due (10,000), y2 provisional (2,500); still nothing repaid", () => {
    const r = repayContract(contract(), { asOf: "2024-01-01", effects: early, outcomeRows: null });
    expect(r.periods.map((p) => p.status)).toEqual(["due", "provisional", "not_due"]);
    expect(r).toMatchObject({ repaidToDate: 0, dueToDate: 10000, provisional: 2500 });
  });

  it("a period with no persons that the schedule says is due stays not_due, never '0 paid'", () => {
    const r = repayContract(contract(), { asOf: "2026-06-30", effects: early, outcomeRows: null });
    expect(r.periods[2]).toMatchObject({ status: "not_due", computedAmount: null, amount: 0 });
    expect(r.periods[2]!.statusNote).toContain("no persons yet");
  });

  it("explicit from and due dates in the schedule are used as given (y2 then starts the day after y1 is due, so not on 2023-09-30)", () => {
    const c = contract({ schedule: [{ period: "y1", paymentYear: 2023, from: "2022-10-01", dueDate: { value: "2023-09-30", source: "test" } }, { period: "y2", paymentYear: 2024 }, { period: "y3", paymentYear: 2025 }] });
    const r = repayContract(c, { asOf: "2023-09-30", effects: early, outcomeRows: null });
    expect(r.periods.map((p) => [p.from, p.dueDate, p.status])).toEqual([["2022-10-01", "2023-09-30", "due"], ["2023-10-01", "2024-12-31", "not_due"], ["2025-01-01", "2025-12-31", "not_due"]]);
  });
});

describe("settled periods never move", () => {
  it("a settled period keeps its settled amount; new data shows beside it as a restatement, not paid (restatement: none)", () => {
    const r = repayContract(contract(), { asOf: "2025-06-30", effects: later, outcomeRows: null, settlements: [settled("y1", 10000, "2024-01-31")] });
    expect(r.periods[0]).toMatchObject({ status: "settled", computedAmount: 12000, settledAmount: 10000, amount: 10000, settlementDate: "2024-01-31" });
    expect(r.periods[0]!.restatement).toMatchObject({ amount: 2000, settled: 10000, computed: 12000, policy: "none" });
    // y2 is due (5,000), y3 provisional (1,000); only y1 is repaid.
    expect(r).toMatchObject({ repaidToDate: 10000, dueToDate: 5000, provisional: 1000, contractTotal: 10000 + 5000 + 1000, restatementOutstanding: 0 });
    expect(r.periods[0]!.settledFromRun).toEqual({ manifestSha256: "a".repeat(64), asOf: "2024-01-31" });
  });

  it("a settlement dated after the as-of date is not counted: nothing after the as-of date is repaid", () => {
    const r = repayContract(contract(), { asOf: "2024-01-15", effects: early, outcomeRows: null, settlements: [settled("y1", 10000, "2024-01-31")] });
    expect(r.periods[0]!.status).toBe("due");
    expect(r.periods[0]!.statusNote).toContain("settled on 2024-01-31, after the as-of date: not counted here");
    expect(r.repaidToDate).toBe(0);
    expect(r.dueToDate).toBe(10000);
  });

  it("true_up_next_period: y1's restatement of 2,000 is added to y2 (5,000 + 2,000 = 7,000)", () => {
    const r = repayContract(contract({ restatement: "true_up_next_period" }), { asOf: "2025-06-30", effects: later, outcomeRows: null, settlements: [settled("y1", 10000, "2024-01-31")] });
    expect(r.periods[1]).toMatchObject({ status: "due", trueUp: 2000, computedAmount: 7000 });
    expect(r.lines.find((l) => l.rule === "restatement")).toMatchObject({ period: "y2", amount: 2000 });
    // Over the contract: 10,000 settled + 7,000 + 1,000 = 18,000 = 12,000 + 5,000 + 1,000 computed now.
    expect(r.contractTotal).toBe(18000);
  });

  it("a true-up already paid is not paid twice: y1 settled 10,000; y2 settled 3,000 with a 500 true-up; now owed 12,000 + 5,000", () => {
    const r = repayContract(contract({ restatement: "true_up_next_period" }), {
      asOf: "2025-12-31",
      effects: later,
      outcomeRows: null,
      settlements: [settled("y1", 10000, "2024-01-31"), settled("y2", 3000, "2025-01-31", 500)],
    });
    // y1: 12,000 − 10,000 = 2,000 restated; y2: own 5,000 against 3,000 − 500 = 2,500 settled → 2,500 restated.
    expect(r.periods.map((p) => p.restatement?.amount ?? null)).toEqual([2000, 2500, null]);
    // Still owed: (12,000 + 5,000) − (10,000 + 3,000) = 4,000, trued up in y3: 1,000 + 4,000.
    expect(r.periods[2]).toMatchObject({ trueUp: 4000, computedAmount: 5000 });
    expect(r.repaidToDate).toBe(13000);
  });

  it("restatements with no later period to true them up in are reported as outstanding", () => {
    const r = repayContract(contract({ restatement: "true_up_next_period" }), {
      asOf: "2026-06-30",
      effects: later,
      outcomeRows: null,
      settlements: [settled("y1", 10000, "2024-01-31"), settled("y2", 5000, "2025-01-31"), settled("y3", 400, "2026-01-31")],
    });
    // 12,000 − 10,000 + 0 + 1,000 − 400 = 2,600
    expect(r.restatementOutstanding).toBe(2600);
  });
});
