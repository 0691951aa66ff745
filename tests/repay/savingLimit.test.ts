/**
 * Dialog mod Vold-style terms: unit prices whose cap is the computed isolated municipal
 * saving, read from projection.json, and the contract-level rule that total repayment
 * never exceeds the computed saving. Two rules capped at 1.4 mio each would pay 1.85 mio.
 */
import { describe, expect, it } from "vitest";
import { repayContract } from "../../src/repay/repayContract.ts";
import { ContractDataError } from "../../src/repay/ruleAmounts.ts";
import { Contract } from "../../src/repay/schema.ts";
import type { OutcomeRow } from "../../src/repay/outcomeTable.ts";
import type { ProjectionArtefact } from "../../src/project/schema.ts";

const a = (value: number) => ({ value, source: "test" });
const saving = { projection: { case: "dmv", sector: "kommune" }, source: "the isolated municipal saving" };
function contract(overrides: Record<string, unknown>) {
  return Contract.parse({
    name: "dmv", title: "Dialog mod Vold (test)", source: "test", period: { from: "2023-01-01", to: "2023-12-31" }, startYear: 2022,
    investors: [{ id: "i", name: "i", capital: a(4800000) }], payers: [{ id: "k", name: "k", budget: "kommune_decentral", share: a(1) }],
    schedule: [{ period: "2023", paymentYear: 2023 }],
    rules: [
      { kind: "capped_unit_price", id: "families", label: "families", outcome: "family", unitPrice: a(100000), cap: saving },
      { kind: "capped_unit_price", id: "children", label: "children", outcome: "child", unitPrice: a(50000), cap: a(1400000) },
    ],
    ...overrides,
  });
}
// 15 families (15 × 100,000 = 1,500,000, held at 1,400,000) and 9 children (9 × 50,000 = 450,000): 1,850,000 together.
const rows: OutcomeRow[] = Array.from({ length: 20 }, (_, i) => ({ personId: `p${i}`, period: "2023", outcomes: { family: i < 15 ? 1 : 0, child: i < 9 ? 1 : 0 } }));
const projection = { cases: [{ name: "dmv", notProjected: null, scenarios: [{ scenario: "base", totals: { kommune: 1400000, region: 0, stat: 0, society: 1400000 } }] }] } as unknown as ProjectionArtefact;

describe("caps read from projection.json", () => {
  it("each rule is held at its cap: 1,400,000 + 450,000 = 1,850,000 without a contract-level limit", () => {
    const r = repayContract(contract({}), { asOf: "2024-06-30", effects: null, outcomeRows: rows, projection });
    expect(r.periods[0]!.computedAmount).toBe(1850000);
    expect(r.lines.find((l) => l.item === "cap_computed_saving")).toMatchObject({ amount: -100000 });
    expect(r.savingLimit).toBeNull();
  });

  it("savingLimit: total repayment never exceeds the computed saving — 1,850,000 held at 1,400,000, checked and reported", () => {
    const r = repayContract(contract({ savingLimit: saving }), { asOf: "2024-06-30", effects: null, outcomeRows: rows, projection });
    expect(r.periods[0]!.computedAmount).toBe(1400000);
    expect(r.savingLimit).toMatchObject({ limit: 1400000, beforeLimit: 1850000, total: 1400000, holds: true, bit: true });
    expect(r.savingLimit!.source).toContain("projection.json: case dmv");
    expect(r.periods[0]!.capsApplied[0]).toEqual({ code: "cap_saving_limit", params: { kr: 1_400_000 } });
  });

  it("a saving that projection.json does not have stops the run: a missing saving is never no cap", () => {
    expect(() => repayContract(contract({}), { asOf: "2024-06-30", effects: null, outcomeRows: rows, projection: null })).toThrow(ContractDataError);
    expect(() => repayContract(contract({ savingLimit: { ...saving, projection: { case: "other", sector: "kommune" } } }), { asOf: "2024-06-30", effects: null, outcomeRows: rows, projection })).toThrow("projection.json has no case 'other'");
  });
});
