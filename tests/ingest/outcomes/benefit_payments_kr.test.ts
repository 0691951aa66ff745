/** benefit_payments_kr: the kroner of the window's months (first day inside), only the listed benefits; censored until the window is complete. */
import { describe, expect, it } from "vitest";
import { benefitPaymentsKr } from "../../../src/ingest/outcomes/benefit_payments_kr.ts";
import type { PersonRecords } from "../../../src/ingest/personRecords.ts";
import type { Person } from "../../../src/ingest/schema.ts";
import { monthIndex } from "../../../src/shared/dates.ts";
import { Outcome } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";

const person: Person = { personId: "A", birthDate: day("2000-01-01"), sex: "male", startDate: day("2022-01-15"), referralDate: null, targetGroup: null, exitDate: null, exitReason: null };
const pay = (month: string, amountKr: number, benefit: string) => ({ personId: "A", month: monthIndex(day(`${month}-01`)), amountKr, benefit });
const records = {
  persons: [person],
  benefitPayments: new Map([["A", [pay("2022-01", 9999, "130"), pay("2022-02", 3400.5, "130"), pay("2022-02", 1900, "134"), pay("2023-01", 3400, "130"), pay("2023-02", 500, "130")]]]),
} as unknown as PersonRecords;

describe("benefit_payments_kr", () => {
  it("benefit_payments_kr sums months whose first day is in [start, start + 12 months): February 2022 … January 2023", () => {
    const all = Outcome.parse({ id: "kr", kind: "benefit_payments_kr", windowMonths: 12 });
    // 3400.5 + 1900 + 3400 = 8700.5 (January 2022 starts before the start day; February 2023 after the window).
    expect(benefitPaymentsKr.derive(all as never, { records, asOf: day("2023-06-30"), evidence: {} })!(person)).toEqual({ status: "observed", value: 8700.5 });
    const cash = Outcome.parse({ id: "kr", kind: "benefit_payments_kr", windowMonths: 12, benefits: ["130"] });
    expect(benefitPaymentsKr.derive(cash as never, { records, asOf: day("2023-06-30"), evidence: {} })!(person)).toEqual({ status: "observed", value: 6800.5 });
  });
  it("benefit_payments_kr is censored before the window ends, and skipped without the extract", () => {
    const all = Outcome.parse({ id: "kr", kind: "benefit_payments_kr", windowMonths: 12 });
    expect(benefitPaymentsKr.derive(all as never, { records, asOf: day("2023-01-13"), evidence: {} })!(person)).toEqual({ status: "censored", reason: "as_of" });
    expect(benefitPaymentsKr.derive(all as never, { records: { persons: [person] } as unknown as PersonRecords, asOf: day("2023-06-30"), evidence: {} })).toBeNull();
  });
});
