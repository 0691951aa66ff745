/** The hand-computed assumption file shared by the projection tests: every figure in them follows from it by hand. */
export const s = (value: number) => ({ value, source: "test" });

/** One line: 2 units less per person a year at 100 kr, shared ½ / ¼ / ¼; 10 persons; 3 years; a cohort costs 5,000 kr. */
export function raw(overrides: Record<string, unknown> = {}) {
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
