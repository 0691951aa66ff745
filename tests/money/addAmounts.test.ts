import { describe, expect, it } from "vitest";
import { addAmounts } from "../../src/money/addAmounts.ts";
import { amount, type Amount } from "../../src/money/amount.ts";

const to2030 = { kind: "calendar", from: 2022, to: 2030 } as const;
// 002's table: Havnen 6,1 + Hjem, job og helhed 2,2 mio. kr. decentral repayment, whole contracts to 2030.
const havnen = amount(6_100_000, { kind: "repayment", budget: "kommune_decentral", scope: "whole_programme", period: to2030, sources: ["forecast"] });
const hjem = amount(2_200_000, { kind: "repayment", budget: "kommune_decentral", scope: "whole_programme", period: { kind: "calendar", from: 2023, to: 2030 }, sources: ["illustrative"] });
// The release case: one person's 10-year saving; UngiFokus: one yearly cohort's 5-year saving.
const perPerson = amount(139_500, { kind: "cost", budget: "kommune", scope: "per_person", period: { kind: "relative", years: 10 }, sources: ["typed_in"] });
const cohortSaving = amount(1_401_305, { kind: "gross_saving", budget: "kommune", scope: "per_cohort_year", period: { kind: "relative", years: 5 }, sources: ["computed"] });
const personSaving = amount(920_735, { kind: "gross_saving", budget: "kommune", scope: "per_person", period: { kind: "relative", years: 10 }, sources: ["computed"] });
const central = amount(1_631_070, { kind: "repayment", budget: "kommune_central", scope: "whole_programme", period: to2030, sources: ["computed"] });

describe("addAmounts(first, ...rest)", () => {
  it("sums like amounts: 6,100,000 + 2,200,000 = 8,300,000 kr decentral repayment to 2030, resting on both parts' sources", () => {
    const sum = addAmounts(havnen, hjem);
    expect(sum.kr).toBe(8_300_000);
    expect(sum.period).toEqual({ kind: "calendar", from: 2022, to: 2030 });
    expect(sum.sources).toEqual(["forecast", "illustrative"]);
  });

  it("does not compile for unlike amounts (kind, budget or scope differ)", () => {
    // @ts-expect-error a per-cohort saving is not a per-person saving
    expect(() => addAmounts(cohortSaving, personSaving)).toThrow("addAmounts requires like amounts: scope per_cohort_year ≠ per_person");
    // @ts-expect-error central repayment is not decentral repayment
    expect(() => addAmounts(havnen, central)).toThrow("addAmounts requires like amounts: budget kommune_decentral ≠ kommune_central");
    // @ts-expect-error a per-person cost is not a contract's capital
    expect(() => addAmounts(amount(14_400_000, { kind: "capital", budget: "investor", scope: "whole_programme", period: to2030, sources: [] }), perPerson)).toThrow("addAmounts requires like amounts: kind capital ≠ cost");
  });

  it("throws on unlike amounts whose types were widened (what the portfolio reads from CSV)", () => {
    const widened: Amount[] = [cohortSaving, personSaving];
    expect(() => addAmounts(widened[0]!, widened[1]!)).toThrow("scope per_cohort_year ≠ per_person");
    const other2034 = amount(1, { kind: "repayment", budget: "kommune_decentral", scope: "whole_programme", period: { kind: "calendar", from: 2022, to: 2034 }, sources: [] });
    expect(() => addAmounts(havnen, other2034)).toThrow("period to 2030 ≠ to 2034");
    const fiveYears = amount(1, { kind: "gross_saving", budget: "kommune", scope: "per_cohort_year", period: { kind: "relative", years: 10 }, sources: [] });
    expect(() => addAmounts(cohortSaving, fiveYears)).toThrow("period 5 ≠ 10 years");
  });

  it("amount() refuses a kroner figure that is not a number", () => {
    expect(() => amount(Number.NaN, { kind: "net", budget: "kommune", scope: "per_person", period: { kind: "relative", years: 1 }, sources: [] })).toThrow("amount requires a finite number of kroner");
  });
});
