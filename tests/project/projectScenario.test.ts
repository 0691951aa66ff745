/** The projection on small cases worked out by hand in the comments. */
import { describe, expect, it } from "vitest";
import { projectCase } from "../../src/project/projectCase.ts";
import { projectScenario } from "../../src/project/projectScenario.ts";
import { Assumptions } from "../../src/project/schema.ts";
import { seededRandom } from "../../src/shared/random.ts";

const s = (value: number) => ({ value, source: "test" });
/** One line: 2 units less per person a year at 100 kr, shared ½ / ¼ / ¼; 10 persons; 3 years; a cohort costs 5,000 kr. */
function raw(overrides: Record<string, unknown> = {}) {
  return {
    name: "hand",
    title: "hand-computed",
    source: "test",
    horizonYears: s(3),
    cohort: { size: s(10), newCohortEachYear: true },
    interventionCost: { perCohort: s(5000), payer: "kommune" },
    lines: [
      {
        id: "line",
        label: "line",
        effect: s(2),
        effectUnit: "units per person per year",
        unitPrice: s(100),
        priceUnit: "kr per unit",
        shares: { kommune: s(0.5), region: s(0.25), stat: s(0.25) },
      },
    ],
    ...overrides,
  };
}
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

describe("assumption files", () => {
  it("sector shares that do not sum to 1 are an error naming the line and its JSON path", () => {
    const json = raw();
    (json.lines[0] as Record<string, unknown>).shares = { kommune: s(0.5), region: s(0.3), stat: s(0.3) };
    expect(() => projectCase(json, "case.json", null)).toThrow("case.json $.lines[0].shares: line 'line': sector shares sum to 1.1, not 1");
  });

  it("a horizon of a billion years is refused by name (found by the fuzz suite: it ran out of memory)", () => {
    expect(() => projectCase(raw({ horizonYears: s(1e9) }), "case.json", null)).toThrow("case.json $.horizonYears.value: the horizon must be more than 0 and at most 100 years");
  });

  it("every number needs its source", () => {
    const json = raw({ horizonYears: { value: 3 } });
    expect(() => projectCase(json, "case.json", null)).toThrow("case.json $.horizonYears.source");
  });

  it("an override of a line that does not exist names it", () => {
    const json = raw({ scenarios: [{ id: "bad", label: "bad", overrides: [{ path: "lines.nope.effect.value", value: 1 }] }] });
    expect(() => projectCase(json, "case.json", null)).toThrow("override lines.nope.effect.value: no element with id 'nope'");
  });

  it("an effect from effects.json carries the estimate's confidence interval into the savings", () => {
    const json = raw();
    (json.lines[0] as Record<string, unknown>).effect = { fromEffects: { outcome: "y", estimator: "difference_in_means", scale: s(-0.5) } };
    const effects = {
      artefact: "effects" as const, schema_version: 1 as const, evaluation: "t", source: "t", confidence: 0.95, control: "c", adjustment: "", design: "randomised", subgroups: [], interactions: [], kpis: [],
      estimates: [{ outcome: "y", contrast: "t vs c", estimator: "difference_in_means" as const, estimate: -4, std_error: 1, statistic: -4, df: 10, p_value: 0.01, conf_low: -6, conf_high: -2, n_treated: 6, n_control: 6, mean_treated: 1, mean_control: 5 }],
    };
    const [result] = projectCase(json, "case.json", effects).scenarios;
    // Effect = −4 × −0.5 = 2 a year, as before; the CI −6…−2 gives 1…3 a year → 3,000…9,000 kr over 3 years.
    expect(result!.totals.society).toBe(6000);
    expect(result!.lines[0]!.interval).toMatchObject({ low: 3000, high: 9000 });
  });
});
