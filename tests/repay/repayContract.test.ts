/** Every rule type, cap, the floor and ceiling, the payer split and the IRR, on amounts worked out by hand. */
import { describe, expect, it } from "vitest";
import { repayContract } from "../../src/repay/repayContract.ts";
import { Contract } from "../../src/repay/schema.ts";
import type { OutcomeRow } from "../../src/repay/outcomeTable.ts";
import type { EffectsArtefact } from "../../src/estimate/schema.ts";

const a = (value: number) => ({ value, source: "test" });
/** An as-of date after every period is due: each period's amount is its computed amount. */
const AFTER = "2030-01-01";
function contract(overrides: Record<string, unknown>) {
  return Contract.parse({
    name: "test",
    title: "test",
    source: "test",
    period: { from: "2022-01-01", to: "2024-12-31" },
    startYear: 2022,
    investors: [{ id: "i", name: "investor", capital: a(100000) }],
    payers: [
      { id: "k", name: "kommune", budget: "kommune_decentral", share: a(0.6) },
      { id: "f", name: "fund", budget: "outcome_fund", share: a(0.4) },
    ],
    schedule: [{ period: "y1", paymentYear: 2023 }, { period: "y2", paymentYear: 2024 }],
    rules: [],
    ...overrides,
  });
}
function effects(rows: { outcome: string; mean_treated: number; mean_control: number; n: number; p: number; conf_high: number }[]): EffectsArtefact {
  return {
    artefact: "effects", schema_version: 1, evaluation: "t", source: "t", confidence: 0.95, control: "control", adjustment: "", design: "randomised", subgroups: [], interactions: [], kpis: [],
    estimates: rows.map((r) => ({
      outcome: r.outcome, contrast: "treatment vs control", estimator: "difference_in_means" as const,
      estimate: r.mean_treated - r.mean_control, std_error: 1, statistic: 0, df: 100, p_value: r.p, conf_low: r.mean_treated - r.mean_control - 2, conf_high: r.conf_high,
      n_treated: r.n, n_control: r.n, mean_treated: r.mean_treated, mean_control: r.mean_control,
    })),
  };
}
const differential = (extra: Record<string, unknown> = {}) => ({
  kind: "differential", id: "diff", label: "diff", pricePerUnit: a(100), unit: "kr per day",
  periods: [{ period: "y1", outcome: "days_y1" }, { period: "y2", outcome: "days_y2" }], ...extra,
});
const twoYears = effects([
  { outcome: "days_y1", mean_treated: 10, mean_control: 12, n: 50, p: 0.2, conf_high: -0.5 },
  { outcome: "days_y2", mean_treated: 11.5, mean_control: 12, n: 50, p: 0.01, conf_high: 0.3 },
]);

describe("differential rule", () => {
  it("pays (mean_control − mean_treated) × price × n_treated: 2 × 100 × 50 = 10,000, then 0.5 × 100 × 50 = 2,500", () => {
    const r = repayContract(contract({ rules: [differential()] }), { asOf: AFTER, effects: twoYears, outcomeRows: null });
    expect(r.periods.map((p) => p.amount)).toEqual([10000, 2500]);
    expect(r.contractTotal).toBe(12500);
    expect(r.byPayer).toEqual({ kommune_decentral: 7500, outcome_fund: 5000 });
  });

  it("only when significant: year 1 (p = 0.2) pays nothing, year 2 (p = 0.01) pays 2,500", () => {
    const r = repayContract(contract({ rules: [differential({ condition: { kind: "significant", alpha: 0.05 } })] }), { asOf: AFTER, effects: twoYears, outcomeRows: null });
    expect(r.periods.map((p) => p.amount)).toEqual([0, 2500]);
  });

  it("only beyond a 7.5 % reduction (Peterborough): 2/12 = 16.7 % pays, 0.5/12 = 4.2 % does not", () => {
    const r = repayContract(contract({ rules: [differential({ condition: { kind: "threshold", minimumRelativeReduction: 0.075 } })] }), { asOf: AFTER, effects: twoYears, outcomeRows: null });
    expect(r.periods.map((p) => p.amount)).toEqual([10000, 0]);
  });

  it("on the lower confidence bound: −conf_high = 0.5 → 2,500; a bound past zero pays nothing", () => {
    const r = repayContract(contract({ rules: [differential({ basis: "lower_bound" })] }), { asOf: AFTER, effects: twoYears, outcomeRows: null });
    expect(r.periods.map((p) => p.amount)).toEqual([2500, 0]);
  });

  it("says in the ledger when the comparison was matched, not randomised", () => {
    const matched = { ...twoYears, estimates: twoYears.estimates.map((e) => ({ ...e, randomised: false })) };
    const formulas = (e: EffectsArtefact) => repayContract(contract({ rules: [differential()] }), { asOf: AFTER, effects: e, outcomeRows: null }).lines.map((l) => l.formula);
    expect(formulas(matched)).toHaveLength(2);
    for (const f of formulas(matched)) expect(f).toContain("NOT RANDOMISED");
    for (const f of formulas(twoYears)) expect(f).not.toContain("NOT RANDOMISED");
  });

  it("never pays when the treated used more", () => {
    const worse = effects([{ outcome: "days_y1", mean_treated: 14, mean_control: 12, n: 50, p: 0.01, conf_high: 3 }, { outcome: "days_y2", mean_treated: 12, mean_control: 12, n: 50, p: 1, conf_high: 1 }]);
    expect(repayContract(contract({ rules: [differential()] }), { asOf: AFTER, effects: worse, outcomeRows: null }).contractTotal).toBe(0);
  });
});

describe("rate card and capped unit price", () => {
  const rows: OutcomeRow[] = [];
  for (let i = 0; i < 8; i += 1) rows.push({ personId: `p${i}`, period: "y1", outcomes: { housed: i < 6 ? 1 : 0, job: i < 5 ? 1 : 0 } });
  for (let i = 0; i < 8; i += 1) rows.push({ personId: `p${i}`, period: "y2", outcomes: { housed: 1, job: i < 2 ? 1 : 0 } });
  const rateCard = (cap?: number) => ({
    kind: "rate_card", id: "card", label: "card",
    prices: [{ outcome: "housed", label: "housed", price: a(1000) }, { outcome: "job", label: "job", price: a(500) }],
    ...(cap === undefined ? {} : { perPersonCap: a(cap) }),
  });

  it("pays persons × price: y1 6 × 1,000 + 5 × 500 = 8,500; y2 8 × 1,000 + 2 × 500 = 9,000 (the 2 are suppressed in the ledger)", () => {
    const r = repayContract(contract({ rules: [rateCard()] }), { asOf: AFTER, effects: null, outcomeRows: rows });
    expect(r.periods.map((p) => p.amount)).toEqual([8500, 9000]);
    const jobY2 = r.lines.find((l) => l.period === "y2" && l.item === "job")!;
    expect(jobY2).toMatchObject({ suppressed: true, amount: null, basis: { persons: null, price: 500 } });
  });

  it("a per-person cap of 2,000 over the contract: p0–p4 earn 1,500 in y1, so only 500 of their 1,000–1,500 in y2", () => {
    const r = repayContract(contract({ rules: [rateCard(2000)] }), { asOf: AFTER, effects: null, outcomeRows: rows });
    // y1: no one above 2,000 → 8,500. y2: p0, p1 earn 1,500 → capped at 500 each (−2,000); p2–p4 earn 1,000 → 500 each (−1,500); p5 (1,000 in y1) gets 1,000; p6, p7 get 1,000.
    expect(r.periods.map((p) => p.amount)).toEqual([8500, 9000 - 2000 - 1500]);
  });

  it("unit price capped by the municipal saving: 6 × 1,000 = 6,000 then 8 × 1,000 held at the 10,000 cap → 4,000", () => {
    const rule = { kind: "capped_unit_price", id: "unit", label: "unit", outcome: "housed", unitPrice: a(1000), cap: a(10000) };
    const r = repayContract(contract({ rules: [rule] }), { asOf: AFTER, effects: null, outcomeRows: rows });
    expect(r.periods.map((p) => p.amount)).toEqual([6000, 4000]);
  });
});

describe("contract-level caps, floor and ceiling", () => {
  it("a per-period cap of 6,000 and a total cap of 8,000 bite in turn, and say so", () => {
    const r = repayContract(contract({ rules: [differential()], caps: { perPeriod: a(6000), total: a(8000) } }), { asOf: AFTER, effects: twoYears, outcomeRows: null });
    expect(r.periods.map((p) => p.amount)).toEqual([6000, 2000]);
    expect(r.periods[0]!.capsApplied[0]!.code).toBe("cap_per_period");
    expect(r.periods[1]!.capsApplied[0]!.code).toBe("cap_total");
  });

  it("a return ceiling of 0.1 × capital holds repayment at 10,000", () => {
    const r = repayContract(contract({ rules: [differential()], investorReturn: { ceiling: a(0.1) } }), { asOf: AFTER, effects: twoYears, outcomeRows: null });
    expect(r.contractTotal).toBe(10000);
  });

  it("a floor of 0.5 × capital tops the last period up to 50,000 in all", () => {
    const r = repayContract(contract({ rules: [differential()], investorReturn: { floor: a(0.5) } }), { asOf: AFTER, effects: twoYears, outcomeRows: null });
    expect(r.contractTotal).toBe(50000);
    expect(r.investorReturn.floorTopUp).toBe(50000 - 12500);
  });

  it("records the dated IRR the report shows: whole contract and, with nothing settled, the reason", () => {
    // Capital 100,000; 50,000 in each of two periods: repaid exactly, so NPV(0) = 0 whatever the dates → IRR 0.
    const r = repayContract(contract({ rules: [differential()], investorReturn: { floor: a(1) }, caps: { perPeriod: a(50000) } }), { asOf: AFTER, effects: effects([
      { outcome: "days_y1", mean_treated: 0, mean_control: 20, n: 50, p: 0.01, conf_high: -1 },
      { outcome: "days_y2", mean_treated: 0, mean_control: 20, n: 50, p: 0.01, conf_high: -1 },
    ]), outcomeRows: null });
    expect(r.periods.map((p) => p.amount)).toEqual([50000, 50000]);
    expect(r.investorReturn.irr.rate).toBeCloseTo(0, 10);
    expect(r.investorReturn.irrToDate).toEqual({ rate: null, reason: "nothing_settled" });
  });
});

describe("contracts with inconsistent terms fail, naming the field", () => {
  const issues = (overrides: Record<string, unknown>) => {
    const parsed = Contract.safeParse({ ...contract({ rules: [differential()] }), ...overrides });
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  it("payer shares not summing to 1", () => {
    expect(issues({ payers: [{ id: "k", name: "k", budget: "kommune_decentral", share: a(0.9) }] })).toContain("payers: payer shares sum to 0.9, not 1");
  });
  it("negative caps", () => {
    expect(issues({ caps: { total: a(-1) } })).toContain("caps.total: the total cap is negative");
  });
  it("a differential period that is not in the schedule", () => {
    expect(issues({ rules: [differential({ periods: [{ period: "y9", outcome: "days" }] })] })).toContain("rules.0.periods.0.period: period 'y9' is not in the schedule");
  });
  it("an outcome that effects.json does not have", () => {
    expect(() => repayContract(contract({ rules: [differential({ periods: [{ period: "y1", outcome: "nope" }] })] }), { asOf: AFTER, effects: twoYears, outcomeRows: null })).toThrow("effects.json has no difference_in_means estimate for outcome 'nope'");
  });
});

describe("repayment risk", () => {
  it("is seeded and reproducible, and near-certain for a large effect", () => {
    const big = effects([{ outcome: "days_y1", mean_treated: 0, mean_control: 20, n: 50, p: 0.001, conf_high: -18 }, { outcome: "days_y2", mean_treated: 0, mean_control: 20, n: 50, p: 0.001, conf_high: -18 }]);
    const first = repayContract(contract({ rules: [differential()] }), { asOf: AFTER, effects: big, outcomeRows: null }).risk;
    const second = repayContract(contract({ rules: [differential()] }), { asOf: AFTER, effects: big, outcomeRows: null }).risk;
    expect(first).toEqual(second);
    expect(first[0]!.probabilityTriggered).toBe(1);
    expect(first[0]!.amount.p50).toBeGreaterThan(90000);
  });
});
