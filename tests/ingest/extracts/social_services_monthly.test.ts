import { describe, expect, it } from "vitest";
import { socialServicesMonthly } from "../../../src/ingest/extracts/social_services_monthly.ts";
import { monthIndex } from "../../../src/shared/dates.ts";
import { day } from "../../helpers.ts";

const march = monthIndex(day("2024-03-10"));

describe("social_services_monthly", () => {
  it("coverage(row) of March 2024 is 2024-03-01 … 2024-03-31; flagSpan is [2024-03-01, 2024-03-02)", () => {
    expect(socialServicesMonthly.coverage({ month: march })).toEqual({ from: day("2024-03-01"), to: day("2024-03-31") });
    expect(socialServicesMonthly.flagSpan({ month: march })).toEqual({ from: day("2024-03-01"), to: day("2024-03-02") });
    expect(socialServicesMonthly.flagSpan({ month: undefined })).toEqual({ from: null, to: null });
  });

  it("a repeat of the month with another costKr is told by its signature, not its key", () => {
    const a = { personId: "A", month: march, costKr: 7.5, measure: null };
    const b = { ...a, costKr: 8 };
    expect(socialServicesMonthly.repeatKey(a, socialServicesMonthly.signature(a, [], []))).toBe(socialServicesMonthly.repeatKey(b, socialServicesMonthly.signature(b, [], [])));
    expect(socialServicesMonthly.signature(a, [], [])).toBe(7.5);
    expect(socialServicesMonthly.signature(b, [], [])).not.toBe(socialServicesMonthly.signature(a, [], []));
    expect([socialServicesMonthly.repeat, socialServicesMonthly.keyField, socialServicesMonthly.records]).toEqual(["period", "month", "socialServices"]);
  });

  it("two measures in one month are two keys", () => {
    const a = { personId: "A", month: march, costKr: 1, measure: "x" };
    expect(socialServicesMonthly.repeatKey(a, 1)).not.toBe(socialServicesMonthly.repeatKey({ ...a, measure: "y" }, 1));
    expect(socialServicesMonthly.repeatKey({ ...a, measure: null }, 1)).toBe(march);
  });
});
