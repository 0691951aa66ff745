import { describe, expect, it } from "vitest";
import { economyNotes, markers, unitWords } from "../../src/report/moneyNotes.ts";
import { amount } from "../../src/money/amount.ts";
import { texts } from "../../src/report/i18n.ts";

/** The words as keys with their values, so which words are chosen and what they are given show. */
const t = ((key: string, values: Record<string, string | number> = {}) => `${key}${Object.keys(values).length ? JSON.stringify(values) : ""}`) as unknown as ReturnType<typeof texts>;
const savings = (sources: ("illustrative" | "typed_in" | "forecast")[] = [], period = { kind: "relative" as const, years: 5 }) =>
  amount(1000, { kind: "gross_saving", budget: "kommune_decentral", scope: "whole_programme", period, sources });
const repayment = amount(400, { kind: "repayment", budget: "kommune_decentral", scope: "whole_programme", period: { kind: "relative", years: 5 }, sources: [] });

describe("unitWords(t, amount) and markers(t, amount)", () => {
  it("unitWords(a saving per cohort over 5 years) is kind, budget, scope and period, in that order", () => {
    const perCohort = amount(1, { kind: "gross_saving", budget: "kommune", scope: "per_cohort_year", period: { kind: "relative", years: 5 }, sources: [] });
    expect(unitWords(t, perCohort)).toBe('moneyKind_gross_saving, moneyBudget_kommune, moneyPerCohort, moneyYears{"n":5}');
    const calendar = amount(1, { kind: "net", budget: "kommune", scope: "per_person", period: { kind: "calendar", from: 2024, to: 2030 }, sources: [] });
    expect(unitWords(t, calendar)).toBe("moneyKind_net, moneyBudget_kommune, moneyPerPerson, 2024–2030");
  });
  it("markers(amount) lists illustrative, typed in and forecast in that order; none for a plain amount", () => {
    expect(markers(t, savings(["forecast", "illustrative"]))).toEqual(["moneyIllustrative", "moneyForecast"]);
    expect(markers(t, savings())).toEqual([]);
  });
});

describe("economyNotes(t, row, horizon, extra)", () => {
  it("economyNotes(savings and repayment, no net) says no net was formed; extra notes come last", () => {
    expect(economyNotes(t, { investment: null, repayment, savings: savings(), net: null }, 2030)).toBe("moneyNoNet");
    expect(economyNotes(t, { investment: null, repayment: null, savings: savings(), net: null }, 2030, ["see note"])).toBe("see note");
  });
  it("economyNotes(an illustrative saving) names the column and its marker", () => {
    expect(economyNotes(t, { investment: null, repayment: null, savings: savings(["illustrative"]), net: "x" }, 2030)).toBe("decentralSavings: moneyIllustrative");
  });
  it("economyNotes(a saving to another calendar horizon) says it is shown apart, in its unit", () => {
    const notes = economyNotes(t, { investment: null, repayment: null, savings: savings([], { kind: "calendar", from: 2024, to: 2028 } as never), net: null }, 2030);
    expect(notes).toMatch(/^moneyApart\{"what":"decentralSavings","unit":"moneyKind_gross_saving, moneyBudget_kommune_decentral, .*2024–2028"\}$/);
  });
});
