/** The projection on small cases worked out by hand in the comments. */
import { describe, expect, it } from "vitest";
import { projectScenario } from "../../src/project/projectScenario.ts";
import { Assumptions } from "../../src/project/schema.ts";
import { seededRandom } from "../../src/shared/random.ts";

import { raw, s } from "./handCase.ts";

const project = (json: unknown) => projectScenario(Assumptions.parse(json), { id: "base", label: "base" }, null);

describe("projectScenario", () => {
  it("savings, net, break-even, ROI and the ceiling of a constant line", () => {
    const r = project(raw());
    // 2 × 100 × 10 = 2,000 kr a year; kommune 1,000, region 500, stat 500.
    expect(r.savingsByYear.society).toEqual([2000, 2000, 2000]);
    expect(r.totals).toEqual({ kommune: 3000, region: 1500, stat: 1500, society: 6000 });
    // Society: −3,000, −1,000, +1,000 cumulative → year 3; 5,000 / (2,000 / 12) = 30 months.
    expect(r.cumulativeNet.society).toEqual([-3000, -1000, 1000]);
    expect(r.breakEven.year).toEqual({ kommune: null, region: 1, stat: 1, society: 3 });
    expect(r.breakEven.month.society).toBe(30);
    expect(r.roi.gross.society).toBeCloseTo(1.2, 12);
    expect(r.roi.net.society).toBeCloseTo(0.2, 12);
    // The kommune pays; its 3,000 kr of savings over 3 years is the most it can pay: 300 kr a person.
    expect(r.investmentCeiling.perPerson).toBe(300);
    expect(r.steadyState!.annualNet.society).toBe(1000);
  });

  it("discounts year t by (1 + r)^−(t − 1): at 10 %, −5,000 + 2,000 + 2,000/1.1 + 2,000/1.21 = 471.07", () => {
    const r = project(raw({ discountRate: s(0.1) }));
    expect(r.npv.society).toBeCloseTo(-5000 + 2000 + 2000 / 1.1 + 2000 / 1.21, 9);
    expect(r.breakEven.discounted).toBe(true);
  });

  it("the Finance Ministry's rate by name is 3.5 %", () => {
    expect(project(raw({ discountRate: "finansministeriet" })).discountRate).toBe(0.035);
  });

  it("a fractional horizon counts the last year pro rata: 2.5 years → 2,000 + 2,000 + 1,000", () => {
    const r = project(raw({ horizonYears: s(2.5) }));
    expect(r.savingsByYear.society).toEqual([2000, 2000, 1000]);
    expect(r.yearWeights).toEqual([1, 1, 0.5]);
  });

  it("re-bases a unit price to the file's price year with the price index", () => {
    const json = raw({ priceYear: 2024, priceIndex: { "2020": 100, "2024": 120 } });
    (json.lines[0] as { unitPrice: unknown }).unitPrice = { value: 100, source: "test", priceYear: 2020 };
    expect(project(json).lines[0]!.unitPriceKr).toBeCloseTo(120, 12);
  });

  it("savings scale linearly with cohort size (property test over random cases)", () => {
    const random = seededRandom(5);
    for (let trial = 0; trial < 50; trial += 1) {
      const json = raw({ horizonYears: s(1 + Math.floor(random.next() * 10)) });
      const line = json.lines[0] as Record<string, unknown>;
      line.effect = s(random.next() * 20);
      line.unitPrice = s(random.next() * 5000);
      line.decay = { kind: "constant_then_geometric", constantYears: Math.floor(random.next() * 4), annualDecayRate: random.next() };
      const size = 1 + Math.floor(random.next() * 500);
      const factor = 1 + Math.floor(random.next() * 20);
      const one = project({ ...json, cohort: { size: s(size), newCohortEachYear: true } });
      const many = project({ ...json, cohort: { size: s(size * factor), newCohortEachYear: true } });
      for (const sector of ["kommune", "region", "stat", "society"] as const) {
        expect(many.totals[sector]).toBeCloseTo(one.totals[sector] * factor, 6);
      }
    }
  });
});
