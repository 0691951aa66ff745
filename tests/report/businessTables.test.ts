/** The business case's tables on the hand-computed case of tests/project/handCase.ts (2,000 kr a year for 3 years; one cohort of 5,000 kr). */
import { describe, expect, it } from "vitest";
import { breakEvenWords, caseTableId, caseYearsTable, horizonOf, sectorInterval, sensitivityValue } from "../../src/report/businessTables.ts";
import { projectCase } from "../../src/project/projectCase.ts";
import { texts } from "../../src/report/i18n.ts";
import { raw, s } from "../project/handCase.ts";

const t = ((key: string, values: Record<string, string | number> = {}) => `${key}${Object.keys(values).length ? JSON.stringify(values) : ""}`) as unknown as ReturnType<typeof texts>;
const hand = projectCase(raw(), "case.json", null);
const base = hand.scenarios[0]!;

describe("caseYearsTable(case, lang, t)", () => {
  const table = caseYearsTable(hand, "da", t);
  it("caseYearsTable(hand case) has a row a year: 2,000 kr saved, 5,000 kr paid in year 1, the cumulative nets", () => {
    expect(table.id).toBe("case_years_hand");
    expect(table.rows.slice(0, 3).map((r) => [r.year, r.line_line, r.savings, r.cost, r.net, r.cumulative_society, r.cumulative_payer])).toEqual([
      [1, 2000, 2000, 5000, -3000, -3000, -4000],
      [2, 2000, 2000, 0, 2000, -1000, -3000],
      [3, 2000, 2000, 0, 2000, 1000, -2000],
    ]);
  });
  it("caseYearsTable(hand case) ends with the totals: 6,000 saved, 5,000 paid, net 1,000; the payer's column is the kommune's", () => {
    expect(table.rows[3]).toMatchObject({ year: "inTotal", line_line: 6000, savings: 6000, cost: 5000, net: 1000, cumulative_society: null });
    expect(table.columns.at(-1)).toMatchObject({ key: "cumulative_payer", label: 'cumulativeNetPayer{"payer":"payerKommune"}' });
  });
});

describe("horizonOf, breakEvenWords, sectorInterval, sensitivityValue and caseTableId", () => {
  it("horizonOf(scenario) sums the year weights: 3, and 2.5 for a part-year", () => {
    expect(horizonOf(base)).toBe(3);
    expect(horizonOf(projectCase(raw({ horizonYears: s(2.5) }), "case.json", null).scenarios[0]!)).toBe(2.5);
  });
  it("breakEvenWords(scenario, society) is year 3, month 30; the kommune does not break even within 3 years", () => {
    expect(breakEvenWords(base, "society", "da", t)).toBe('breakEvenInYearMonth{"year":"3","month":"30"}');
    expect(breakEvenWords(base, "kommune", "da", t)).toBe('noBreakEvenWithin{"years":"3"}');
  });
  it("sectorInterval(scenario without intervals) is null", () => {
    expect(sectorInterval(base, "society")).toBeNull();
  });
  it("sensitivityValue(number, shares object, other) formats in Danish, lists sector shares, else a dash", () => {
    expect(sensitivityValue(1500, "da", t)).toBe("1.500");
    expect(sensitivityValue(0.35, "da", t)).toBe("0,35");
    expect(sensitivityValue({ kommune: s(0.5), region: s(0.25) }, "da", t)).toBe("sectorKommune 50 %; sectorRegion 25 %");
    expect(sensitivityValue("x", "da", t)).toBe("–");
  });
  it("caseTableId(prefix, name) keeps [a-z0-9_] and turns the rest into _", () => {
    expect(caseTableId("case_lines", "laer-for-livet")).toBe("case_lines_laer_for_livet");
  });
});
