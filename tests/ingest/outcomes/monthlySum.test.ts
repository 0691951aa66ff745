import { describe, expect, it } from "vitest";
import { monthlySum } from "../../../src/ingest/outcomes/monthlySum.ts";
import { asOf, person } from "./outcomeFixture.ts";

const month = (year: number, m: number) => year * 12 + (m - 1);
// A starts 2023-01-15: 12-month window [2023-01-15, 2024-01-15). January 2023 (first day before start) is out;
// January 2024 (first day 2024-01-01, inside) is in; February 2024 is out.
const rows = new Map([
  [
    "A",
    [
      { month: month(2023, 1), kr: 1000 },
      { month: month(2023, 2), kr: 0.1 },
      { month: month(2023, 12), kr: 0.2 },
      { month: month(2024, 1), kr: 500 },
      { month: month(2024, 2), kr: 9999 },
    ],
  ],
]);

describe("monthlySum(rows, amount, family, window, context)", () => {
  const sum = (window: { windowMonths: number; fromMonth: number }, p = person("A", "2023-01-15")) =>
    monthlySum(rows, (row: { kr: number }) => row.kr, "social_services_monthly", window, { records: {} as never, asOf, evidence: {} })(p);

  it("monthlySum adds the months whose first day is in the window, without binary noise (0.1 + 0.2 + 500 = 500.3)", () => {
    expect(sum({ windowMonths: 12, fromMonth: 0 })).toEqual({ status: "observed", value: 500.3 });
  });

  it("monthlySum over months 12–13 of start, [2024-01-15, 2024-02-15), counts February 2024 (first day inside) and not January → 9999", () => {
    expect(sum({ windowMonths: 13, fromMonth: 12 })).toEqual({ status: "observed", value: 9999 });
  });

  it("monthlySum is 0 for a person with no rows, and censored while the window is not over", () => {
    expect(sum({ windowMonths: 12, fromMonth: 0 }, person("B", "2023-01-15"))).toEqual({ status: "observed", value: 0 });
    expect(sum({ windowMonths: 24, fromMonth: 0 })).toEqual({ status: "censored", reason: "as_of" });
  });
});
