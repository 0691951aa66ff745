import { describe, expect, it } from "vitest";
import { paidHoursMonthly } from "../../../src/ingest/extracts/paid_hours_monthly.ts";
import { monthIndex } from "../../../src/shared/dates.ts";
import { day } from "../../helpers.ts";

const march = monthIndex(day("2024-03-10"));

describe("paid_hours_monthly", () => {
  it("coverage(row) of March 2024 is 2024-03-01 … 2024-03-31; flagSpan is [2024-03-01, 2024-03-02)", () => {
    expect(paidHoursMonthly.coverage({ month: march })).toEqual({ from: day("2024-03-01"), to: day("2024-03-31") });
    expect(paidHoursMonthly.flagSpan({ month: march })).toEqual({ from: day("2024-03-01"), to: day("2024-03-02") });
    expect(paidHoursMonthly.flagSpan({ month: undefined })).toEqual({ from: null, to: null });
  });

  it("a repeat of the month with another hours is told by its signature, not its key", () => {
    const a = { personId: "A", month: march, hours: 7.5 };
    const b = { ...a, hours: 8 };
    expect(paidHoursMonthly.repeatKey(a, paidHoursMonthly.signature(a, [], []))).toBe(paidHoursMonthly.repeatKey(b, paidHoursMonthly.signature(b, [], [])));
    expect(paidHoursMonthly.signature(a, [], [])).toBe(7.5);
    expect(paidHoursMonthly.signature(b, [], [])).not.toBe(paidHoursMonthly.signature(a, [], []));
    expect([paidHoursMonthly.repeat, paidHoursMonthly.keyField, paidHoursMonthly.records]).toEqual(["period", "month", "paidHours"]);
  });
});
