import { describe, expect, it } from "vitest";
import { amount } from "../../src/money/amount.ts";
import { parseMoneyCell, sourcesText, unitText } from "../../src/money/amountText.ts";

const capital = amount(4_500_000, { kind: "capital", budget: "investor", scope: "whole_programme", period: { kind: "calendar", from: 2022, to: 2030 }, sources: ["computed", "illustrative"] });
const perPerson = amount(139_500.5, { kind: "cost", budget: "kommune", scope: "per_person", period: { kind: "relative", years: 2.5 }, sources: ["typed_in"] });

describe("amountText", () => {
  it("unitText(a) and sourcesText(a) write kind/budget/scope/period and the sources joined by ';'", () => {
    expect(unitText(capital)).toBe("capital/investor/whole_programme/2022-2030");
    expect(sourcesText(capital)).toBe("computed;illustrative");
    expect(unitText(perPerson)).toBe("cost/kommune/per_person/2.5y");
  });

  it("parseMoneyCell(kr, unitText(a), sourcesText(a)) gives the amount back", () => {
    expect(parseMoneyCell("4500000", unitText(capital), sourcesText(capital))).toEqual(capital);
    expect(parseMoneyCell("139500.5", unitText(perPerson), sourcesText(perPerson))).toEqual(perPerson);
  });

  it("parseMoneyCell reads '' as no cell (null) and 'x' as suppressed", () => {
    expect(parseMoneyCell("", "capital/investor/whole_programme/2022-2030", "")).toBeNull();
    expect(parseMoneyCell(undefined, undefined, undefined)).toBeNull();
    expect(parseMoneyCell("x", undefined, undefined)).toBe("x");
  });

  it("parseMoneyCell returns an Error naming the cell for an unknown kind, a bad period or a non-number", () => {
    expect(parseMoneyCell("10", "profit/investor/whole_programme/2022-2030", "")).toEqual(new Error("'10' with unit 'profit/investor/whole_programme/2022-2030'"));
    expect(parseMoneyCell("10", "capital/investor/whole_programme/2030", "")).toBeInstanceOf(Error);
    expect(parseMoneyCell("ti", "capital/investor/whole_programme/5y", "")).toBeInstanceOf(Error);
  });

  it("parseMoneyCell drops unknown sources rather than inventing them", () => {
    const cell = parseMoneyCell("1", "net/kommune_decentral/whole_programme/5y", "computed;guessed");
    expect(cell).not.toBeInstanceOf(Error);
    expect(cell).toMatchObject({ sources: ["computed"] });
  });
});
