/**
 * The business case's tables, per projected case: savings by line and year, the lines by sector with the trial's 95 %
 * CI, the scenarios side by side and the one-way sensitivity (tornado order). Rows carry `case_id` (the case's name),
 * which the disclosure engine matches (src/report/disclosure/businessFacts.ts).
 */
import { labelIn } from "../shared/label.ts";
import type { CaseProjection, ScenarioResult } from "../project/schema.ts";
import { formatNumber, type Lang } from "./i18n.ts";
import { payerOf, SECTOR_KEYS, tornadoRows, type Sector } from "./businessCase.ts";
import type { Cell } from "./suppression.ts";
import type { Table } from "./table.ts";
import type { Texts } from "./sections/section.ts";

/** The tables' id prefixes (each table is `<prefix>_<case>`). */
export const BUSINESS_TABLE_PREFIXES = ["case_years", "case_sectors", "case_lines", "case_scenarios", "case_sensitivity"] as const;

export function caseTableId(prefix: (typeof BUSINESS_TABLE_PREFIXES)[number], caseName: string): string {
  return `${prefix}_${caseName.replace(/[^a-z0-9_]/g, "_")}`;
}

export function sectorWord(sector: Sector, t: Texts): string {
  return t(sector === "kommune" ? "sectorKommune" : sector === "region" ? "sectorRegion" : "sectorStat");
}

export function payerWord(sector: Sector | null, t: Texts): string {
  return t(sector === "region" ? "payerRegion" : sector === "stat" ? "payerStat" : "payerKommune");
}

/** The horizon in years: 5, or 1,5 for a part-year. */
export function horizonOf(s: ScenarioResult): number {
  return s.yearWeights.reduce((a, b) => a + b, 0);
}

export function breakEvenWords(s: ScenarioResult, key: "society" | Sector, lang: Lang, t: Texts): string {
  const year = s.breakEven.year[key];
  const month = s.breakEven.month[key];
  const h = horizonOf(s);
  if (year === null) return t("noBreakEvenWithin", { years: formatNumber(lang, h, Number.isInteger(h) ? 0 : 1) });
  return month === null ? t("breakEvenInYear", { year: String(year) }) : t("breakEvenInYearMonth", { year: String(year), month: String(month) });
}

/** Savings for society per line and year, the total, the cost, the net and the cumulative nets; a last row with the totals. */
export function caseYearsTable(c: CaseProjection, lang: Lang, t: Texts): Table {
  const s = c.scenarios[0]!;
  const payer = payerOf(s);
  const payerName = payerWord(payer, t);
  const rows: Record<string, Cell>[] = s.years.map((year, i) => ({
    case_id: c.name,
    year,
    ...Object.fromEntries(s.lines.map((l) => [`line_${l.id}`, l.savingsByYear.society[i]!])),
    savings: s.savingsByYear.society[i]!,
    cost: s.interventionCostByYear[i]!,
    net: s.netByYear.society[i]!,
    cumulative_society: s.cumulativeNet.society[i]!,
    cumulative_payer: payer ? s.cumulativeNet[payer][i]! : null,
  }));
  rows.push({ case_id: c.name, year: t("inTotal"), ...Object.fromEntries(s.lines.map((l) => [`line_${l.id}`, l.total.society])), savings: s.totals.society, cost: s.interventionCostTotal, net: s.totals.society - s.interventionCostTotal, cumulative_society: null, cumulative_payer: null });
  return {
    id: caseTableId("case_years", c.name),
    columns: [
      { key: "year", label: t("year"), kind: "year" },
      ...s.lines.map((l) => ({ key: `line_${l.id}`, label: labelIn(lang, l.label), kind: "kr" as const })),
      { key: "savings", label: t("totalSavings"), kind: "kr" },
      { key: "cost", label: t("interventionCost"), kind: "kr" },
      { key: "net", label: t("netSociety"), kind: "kr" },
      { key: "cumulative_society", label: t("cumulativeNetSociety"), kind: "kr" },
      ...(payer ? [{ key: "cumulative_payer", label: t("cumulativeNetPayer", { payer: payerName }), kind: "kr" as const }] : []),
    ],
    rows,
  };
}

/**
 * A sector's savings at the ends of the trial's 95 % CI: each line's society interval split as the line's total is
 * split between the sectors (a line's sector shares do not change with its effect); a line without an interval adds
 * its total to both ends. Not a joint interval: every line at the same end of its own.
 */
export function sectorInterval(s: ScenarioResult, sector: Sector | "society"): { low: number; high: number } | null {
  if (s.lines.every((l) => l.interval === null)) return null;
  let low = 0;
  let high = 0;
  for (const l of s.lines) {
    const part = sector === "society" ? 1 : l.total.society === 0 ? 0 : l.total[sector] / l.total.society;
    low += l.interval ? part * l.interval.low : l.total[sector];
    high += l.interval ? part * l.interval.high : l.total[sector];
  }
  return { low: Math.min(low, high), high: Math.max(low, high) };
}

/**
 * Savings by sector (rows) and year (columns) with the total and the trial's 95 % CI; then the programme's cost and
 * the net per sector (savings less the cost the sector pays), whose interval is the savings' moved by that cost.
 */
export function caseSectorsTable(c: CaseProjection, t: Texts): Table {
  const s = c.scenarios[0]!;
  const yearKey = (i: number) => `year_${i + 1}`;
  const row = (id: string, label: string, byYear: readonly number[], total: number, band: { low: number; high: number } | null): Record<string, Cell> => ({
    case_id: c.name,
    row_id: id,
    row: label,
    ...Object.fromEntries(s.years.map((_, i) => [yearKey(i), byYear[i]!])),
    total,
    ci_low: band?.low ?? null,
    ci_high: band?.high ?? null,
  });
  const moved = (band: { low: number; high: number } | null, by: number) => (band ? { low: band.low + by, high: band.high + by } : null);
  const rows: Record<string, Cell>[] = [
    ...SECTOR_KEYS.map((k) => row(`savings:${k}`, t("sectorSavingsRow", { sector: sectorWord(k, t).toLocaleLowerCase() }), s.savingsByYear[k], s.totals[k], sectorInterval(s, k))),
    row("savings:society", t("sectorSocietyRow"), s.savingsByYear.society, s.totals.society, sectorInterval(s, "society")),
    row("cost", t("sectorCostRow"), s.interventionCostByYear, s.interventionCostTotal, null),
    ...SECTOR_KEYS.map((k) => {
      const net = s.netByYear[k].reduce((a, b) => a + b, 0);
      return row(`net:${k}`, t("sectorNetRow", { sector: sectorWord(k, t).toLocaleLowerCase() }), s.netByYear[k], net, moved(sectorInterval(s, k), net - s.totals[k]));
    }),
    row("net:society", t("sectorNetSocietyRow"), s.netByYear.society, s.totals.society - s.interventionCostTotal, moved(sectorInterval(s, "society"), -s.interventionCostTotal)),
  ];
  return {
    id: caseTableId("case_sectors", c.name),
    columns: [
      { key: "row", label: t("sectorColumn"), kind: "text", id: "row_id" },
      ...s.years.map((year, i) => ({ key: yearKey(i), label: t("yearNumber", { n: year }), kind: "kr" as const })),
      { key: "total", label: t("inTotal"), kind: "kr" },
      { key: "ci_low", label: t("ciLow"), kind: "kr" },
      { key: "ci_high", label: t("ciHigh"), kind: "kr" },
    ],
    rows,
  };
}

/** Per line its total by sector and for society, and the society total at the ends of the trial's 95 % CI. */
export function caseLinesTable(c: CaseProjection, lang: Lang, t: Texts): Table {
  const s = c.scenarios[0]!;
  const rows: Record<string, Cell>[] = s.lines.map((l) => ({
    case_id: c.name,
    line: labelIn(lang, l.label),
    line_id: l.id,
    ...Object.fromEntries(SECTOR_KEYS.map((k) => [k, l.total[k]])),
    society: l.total.society,
    ci_low: l.interval?.low ?? null,
    ci_high: l.interval?.high ?? null,
  }));
  rows.push({ case_id: c.name, line: t("inTotal"), line_id: "total", ...Object.fromEntries(SECTOR_KEYS.map((k) => [k, s.totals[k]])), society: s.totals.society, ci_low: null, ci_high: null });
  return {
    id: caseTableId("case_lines", c.name),
    columns: [
      { key: "line", label: t("line"), kind: "text", id: "line_id" },
      ...SECTOR_KEYS.map((k) => ({ key: k, label: sectorWord(k, t), kind: "kr" as const })),
      { key: "society", label: t("societyTotal"), kind: "kr" },
      { key: "ci_low", label: t("ciLow"), kind: "kr" },
      { key: "ci_high", label: t("ciHigh"), kind: "kr" },
    ],
    rows,
  };
}

/** Every scenario on a row of its own: horizon, discount rate, savings, cost, NPVs, the named ROIs and the payer's break-even. */
export function caseScenariosTable(c: CaseProjection, lang: Lang, t: Texts): Table {
  const payer = payerOf(c.scenarios[0]!) ?? "kommune";
  const payerName = payerWord(payer, t);
  const rows: Record<string, Cell>[] = c.scenarios.map((s) => ({
    case_id: c.name,
    scenario: s.scenario === "base" ? t("baseScenario") : labelIn(lang, s.label),
    scenario_id: s.scenario,
    years: horizonOf(s),
    rate: s.discountRate,
    savings: s.totals.society,
    cost: s.interventionCostTotal,
    npv_society: s.npv.society,
    npv_payer: s.npv[payer],
    gross_roi_society: s.roi.gross.society,
    net_roi_payer: s.roi.net[payer],
    break_even_payer: breakEvenWords(s, payer, lang, t),
    break_even_society: breakEvenWords(s, "society", lang, t),
  }));
  return {
    id: caseTableId("case_scenarios", c.name),
    columns: [
      { key: "scenario", label: t("scenario"), kind: "text", id: "scenario_id" },
      { key: "years", label: t("horizonYears"), kind: "number", digits: c.scenarios.every((s) => Number.isInteger(horizonOf(s))) ? 0 : 1 },
      { key: "rate", label: t("discountRateWord"), kind: "percent", digits: 1 },
      { key: "savings", label: t("totalSavings"), kind: "kr" },
      { key: "cost", label: t("interventionCost"), kind: "kr" },
      { key: "npv_society", label: t("npvSociety"), kind: "kr" },
      { key: "npv_payer", label: t("npvPayer", { payer: payerName }), kind: "kr" },
      { key: "gross_roi_society", label: t("grossRoiSociety"), kind: "number", digits: 2 },
      { key: "net_roi_payer", label: t("netRoiPayer", { payer: payerName }), kind: "number", digits: 2 },
      { key: "break_even_payer", label: t("breakEvenPayer", { payer: payerName }), kind: "text" },
      { key: "break_even_society", label: t("breakEvenPayer", { payer: t("societyDefinite") }), kind: "text" },
    ],
    rows,
  };
}

/** A sensitivity end as shown: a number, or a split by sector ("Kommune 12 %; Stat 88 %"). */
export function sensitivityValue(value: unknown, lang: Lang, t: Texts): string {
  if (typeof value === "number") return formatNumber(lang, value, Number.isInteger(value) ? 0 : Math.abs(value) < 1 ? 2 : 1);
  if (value && typeof value === "object") {
    const parts = SECTOR_KEYS.flatMap((k) => {
      const v = (value as Record<string, { value?: unknown } | undefined>)[k]?.value;
      return typeof v === "number" ? [`${sectorWord(k, t)} ${formatNumber(lang, 100 * v, 0)} %`] : [];
    });
    if (parts.length > 0) return parts.join("; ");
  }
  return "–";
}

/** The one-way sensitivity in tornado order (widest swing of society's net first). */
export function caseSensitivityTable(c: CaseProjection, lang: Lang, t: Texts): Table | null {
  if (c.sensitivity.length === 0) return null;
  const rows: Record<string, Cell>[] = tornadoRows(c).map((r) => ({
    case_id: c.name,
    assumption: labelIn(lang, r.label),
    assumption_id: String(r.index),
    low: sensitivityValue(r.low, lang, t),
    high: sensitivityValue(r.high, lang, t),
    society_low: r.society.low,
    society_base: r.society.base,
    society_high: r.society.high,
    kommune_low: r.kommune.low,
    kommune_high: r.kommune.high,
    swing: r.swing,
  }));
  return {
    id: caseTableId("case_sensitivity", c.name),
    columns: [
      { key: "assumption", label: t("assumptionWord"), kind: "text", id: "assumption_id" },
      { key: "low", label: t("lowValue"), kind: "text" },
      { key: "high", label: t("highValue"), kind: "text" },
      { key: "society_low", label: t("netAtLow"), kind: "kr" },
      { key: "society_base", label: t("netAtBase"), kind: "kr" },
      { key: "society_high", label: t("netAtHigh"), kind: "kr" },
      { key: "kommune_low", label: t("kommuneAtLow"), kind: "kr" },
      { key: "kommune_high", label: t("kommuneAtHigh"), kind: "kr" },
      { key: "swing", label: t("swing"), kind: "kr" },
    ],
    rows,
  };
}
