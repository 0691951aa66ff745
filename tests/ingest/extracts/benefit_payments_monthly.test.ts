import { describe, expect, it } from "vitest";
import { benefitPaymentsMonthly } from "../../../src/ingest/extracts/benefit_payments_monthly.ts";
import { monthIndex } from "../../../src/shared/dates.ts";
import { day } from "../../helpers.ts";

const march = monthIndex(day("2024-03-10"));

describe("benefit_payments_monthly", () => {
  it("coverage(row) of March 2024 is 2024-03-01 … 2024-03-31; flagSpan is [2024-03-01, 2024-03-02)", () => {
    expect(benefitPaymentsMonthly.coverage({ month: march })).toEqual({ from: day("2024-03-01"), to: day("2024-03-31") });
    expect(benefitPaymentsMonthly.flagSpan({ month: march })).toEqual({ from: day("2024-03-01"), to: day("2024-03-02") });
    expect(benefitPaymentsMonthly.flagSpan({ month: undefined })).toEqual({ from: null, to: null });
  });

  it("a repeat of the month with another amountKr is told by its signature, not its key", () => {
    const a = { personId: "A", month: march, amountKr: 7.5, benefit: null };
    const b = { ...a, amountKr: 8 };
    expect(benefitPaymentsMonthly.repeatKey(a, benefitPaymentsMonthly.signature(a, [], []))).toBe(benefitPaymentsMonthly.repeatKey(b, benefitPaymentsMonthly.signature(b, [], [])));
    expect(benefitPaymentsMonthly.signature(a, [], [])).toBe(7.5);
    expect(benefitPaymentsMonthly.signature(b, [], [])).not.toBe(benefitPaymentsMonthly.signature(a, [], []));
    expect([benefitPaymentsMonthly.repeat, benefitPaymentsMonthly.keyField, benefitPaymentsMonthly.records]).toEqual(["period", "month", "benefitPayments"]);
  });

  it("two benefits in one month are two keys", () => {
    const a = { personId: "A", month: march, amountKr: 1, benefit: "x" };
    expect(benefitPaymentsMonthly.repeatKey(a, 1)).not.toBe(benefitPaymentsMonthly.repeatKey({ ...a, benefit: "y" }, 1));
    expect(benefitPaymentsMonthly.repeatKey({ ...a, benefit: null }, 1)).toBe(march);
  });
});
