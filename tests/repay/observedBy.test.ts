import { describe, expect, it } from "vitest";
import { observedBy } from "../../src/repay/observedBy.ts";
import type { OutcomeRow } from "../../src/repay/outcomeTable.ts";

const row = (personId: string, observedOn?: string): OutcomeRow => ({ personId, period: "2024", outcomes: { job: 1 }, ...(observedOn ? { observedOn } : {}) });

describe("observedBy(rows, asOf)", () => {
  it("observedBy keeps rows observed on or before the as-of date, counts the later ones, and names the latest kept", () => {
    const result = observedBy([row("a", "2024-03-01"), row("b", "2024-06-30"), row("c", "2024-07-01"), row("d", "2024-05-15")], "2024-06-30");
    expect(result.rows.map((r) => r.personId)).toEqual(["a", "b", "d"]);
    expect(result.later).toBe(1);
    expect(result.observedUpTo).toBe("2024-06-30");
  });

  it("observedBy keeps every undated row (measured from the registers) and then has no latest observation", () => {
    expect(observedBy([row("a"), row("b")], "2020-01-01")).toEqual({ rows: [row("a"), row("b")], later: 0, observedUpTo: null });
  });

  it("observedBy on an empty table, or one observed wholly after the as-of date, keeps nothing", () => {
    expect(observedBy([], "2024-01-01")).toEqual({ rows: [], later: 0, observedUpTo: null });
    expect(observedBy([row("a", "2025-01-01")], "2024-12-31")).toEqual({ rows: [], later: 1, observedUpTo: null });
  });
});
