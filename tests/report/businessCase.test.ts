/** The business case: payer, CI band on the net, tornado order, break-even and ROI in words — on a two-year case worked by hand. */
import { describe, expect, it } from "vitest";
import { netBand, payerOf, tornadoRows } from "../../src/report/businessCase.ts";
import { breakEvenWords, caseScenariosTable, caseYearsTable } from "../../src/report/businessTables.ts";
import { texts } from "../../src/report/i18n.ts";
import { caseSentences, memoKr } from "../../src/report/sections/savings.ts";
import type { CaseProjection, ScenarioResult } from "../../src/project/schema.ts";

const da = texts("da");
const en = texts("en");

/**
 * One line, two years: society saves 100 then 50 (kommune 60 %, state 40 %); its CI puts the total at −150 (× −1) to
 * 300 (× 2). The kommune pays 120 in year 1.
 */
const scenario: ScenarioResult = {
  scenario: "base",
  label: "Base case: the assumptions as stated",
  years: [1, 2],
  yearWeights: [1, 1],
  lines: [
    {
      id: "a",
      label: { da: "Færre dage", en: "Fewer days" },
      effectPerPerson: 1,
      unitPriceKr: 1,
      decayFactors: [1, 0.5],
      decayConvention: "",
      savingsByYear: { kommune: [60, 30], region: [0, 0], stat: [40, 20], society: [100, 50] },
      total: { kommune: 90, region: 0, stat: 60, society: 150 },
      interval: { low: -150, high: 300, from: "the 95 % CI of difference_in_means on days (treatment vs control) × -0.5" },
    },
  ],
  savingsByYear: { kommune: [60, 30], region: [0, 0], stat: [40, 20], society: [100, 50] },
  totals: { kommune: 90, region: 0, stat: 60, society: 150 },
  sectorShares: { kommune: 0.6, region: 0, stat: 0.4 },
  interventionCostByYear: [120, 0],
  interventionCostTotal: 120,
  netByYear: { kommune: [-60, 30], region: [0, 0], stat: [40, 20], society: [-20, 50] },
  cumulativeNet: { kommune: [-60, -30], region: [0, 0], stat: [40, 60], society: [-20, 30] },
  breakEven: { year: { kommune: null, region: 1, stat: 1, society: 2 }, month: { kommune: null, region: 1, stat: 1, society: 17 }, discounted: false },
  roi: { gross: { kommune: 0.75, region: 0, stat: 0.5, society: 1.25 }, net: { kommune: -0.25, region: -1, stat: -0.5, society: 0.25 } },
  npv: { kommune: -30, region: 0, stat: 60, society: 30 },
  discountRate: 0,
  discountConvention: "",
  steadyState: null,
  investmentCeiling: { perPerson: 9, perCohort: 90, description: "" },
};

const sensitivity = (label: string, low: number, high: number) => ({ label, path: "x", source: "s", low: 1, high: 2, societyNet: { low, base: 30, high }, kommuneNet: { low: 0, base: 0, high: 0 } });
const projected: CaseProjection = {
  name: "small-case",
  title: { da: "Lille sag", en: "Small case" },
  source: "",
  notProjected: null,
  basis: null,
  scenarios: [scenario],
  // Swings 400, 1000 and 400: the widest first, ties in the case's order.
  sensitivity: [sensitivity("price", -170, 230), sensitivity("effect", -470, 530), sensitivity("cost", 230, -170)],
  published: [],
};

describe("payerOf(scenario)", () => {
  it("is the sector whose net is its savings less the cost", () => {
    expect(payerOf(scenario)).toBe("kommune");
    expect(payerOf({ ...scenario, interventionCostTotal: 0 })).toBeNull();
  });
});

describe("netBand(scenario)", () => {
  it("moves every trial line to the ends of its CI at once, year by year, cumulatively", () => {
    // Society, year 1: −20 + (−1 − 1) × 100 = −220 and −20 + (2 − 1) × 100 = 80; year 2 adds 50 − 2 × 50 = −50 and 50 + 50 = 100.
    // Kommune, year 1: −60 − 2 × 60 = −180 and −60 + 60 = 0; year 2 adds 30 − 2 × 30 = −30 and 30 + 30 = 60.
    expect(netBand(scenario)).toEqual([
      { year: 1, series: "society", net: -20, low: -220, high: 80 },
      { year: 2, series: "society", net: 30, low: -270, high: 180 },
      { year: 1, series: "kommune", net: -60, low: -180, high: 0 },
      { year: 2, series: "kommune", net: -30, low: -210, high: 60 },
    ]);
  });

  it("discounts each year's band as the net is discounted: at 10 % year 2 counts 1/1,1", () => {
    const band = netBand({ ...scenario, discountRate: 0.1 })!;
    expect(band[1]!.low).toBeCloseTo(-220 - 50 / 1.1, 10);
    expect(band[1]!.high).toBeCloseTo(80 + 100 / 1.1, 10);
  });

  it("is null when no line comes from the trial", () => {
    expect(netBand({ ...scenario, lines: [{ ...scenario.lines[0]!, interval: null }] })).toBeNull();
  });
});

describe("tornadoRows(case)", () => {
  it("puts the widest swing of society's net first; ties keep the case's order", () => {
    expect(tornadoRows(projected).map((r) => [r.label, r.swing])).toEqual([["effect", 1000], ["price", 400], ["cost", 400]]);
  });

  it("the sensitivity table lists them in the same order", async () => {
    const { caseSensitivityTable } = await import("../../src/report/businessTables.ts");
    expect(caseSensitivityTable(projected, "da", da)!.rows.map((r) => r.assumption)).toEqual(["effect", "price", "cost"]);
  });
});

describe("break-even and ROI in words", () => {
  it("no break-even is said in words, never 'kommune –'", () => {
    expect(breakEvenWords(scenario, "kommune", "da", da)).toBe("ingen break-even inden for 2 år");
    expect(breakEvenWords(scenario, "kommune", "en", en)).toBe("no break-even within 2 years");
    expect(breakEvenWords(scenario, "society", "da", da)).toBe("i år 2 (måned 17)");
  });

  it("names each ROI (gross or net, society or the paying kommune) and gives the sectors that bear no cost none", () => {
    const text = caseSentences(projected, "da", da).join(" ");
    expect(text).toContain("Brutto-ROI for samfundet (besparelse ÷ omkostning): 1,25; netto-ROI for samfundet ((besparelse − omkostning) ÷ omkostning): 0,25.");
    expect(text).toContain("For kommunen, der bærer omkostningen: brutto-ROI 0,75, netto-ROI -0,25.");
    expect(text).toContain("Regionen og staten bærer ingen omkostning og har derfor ingen ROI");
    expect(text).not.toMatch(/netto-ROI for (regionen|staten)|-1,00|kommune –/);
    expect(text).toContain("Break-even for kommunen: ingen break-even inden for 2 år; for samfundet: i år 2 (måned 17).");
    // The net 150 − 120 = 30 with its band −270 … 180 (society, year 2).
    expect(text).toContain("netto 30 kr. for samfundet (forsøgets 95 %-KI: -270 kr. til 180 kr.");
    expect(text).not.toContain("kr..");
  });

  it("writes a memo's amounts as mio. kr. with one decimal from a million up, else in kr.", () => {
    expect(memoKr("da", 1_298_380.57, da)).toBe("1,3 mio. kr.");
    expect(memoKr("da", -598_695.27, da)).toBe("-598.695 kr.");
    expect(memoKr("en", 4_178_305, en)).toBe("4.2 million kr");
  });
});

describe("the tables", () => {
  it("the years ascend as numbers, with a total row; amounts are kr. columns", () => {
    const table = caseYearsTable(projected, "da", da);
    expect(table.rows.map((r) => r.year)).toEqual([1, 2, "I alt"]);
    expect(table.rows[2]).toMatchObject({ line_a: 150, savings: 150, cost: 120, net: 30 });
    expect(table.columns.filter((c) => c.kind === "kr").length).toBe(table.columns.length - 1);
  });

  it("the scenarios show the named ROIs and the payer's break-even in words", () => {
    const row = caseScenariosTable(projected, "da", da).rows[0]!;
    expect(row).toMatchObject({ scenario: "Grundscenarie: antagelserne som angivet", gross_roi_society: 1.25, net_roi_payer: -0.25, break_even_payer: "ingen break-even inden for 2 år", npv_payer: -30 });
  });
});
