/**
 * The business case, per projected case: in words the net for society with the trial's CI band, NPV, the named ROIs,
 * break-even and the investment ceiling; the savings by line and year, the lines by sector with their CI, the
 * scenarios side by side and the one-way sensitivity as tables; stacked savings, the net with its band and a tornado
 * as charts. A case resting on an estimate the disclosure engine hides draws no chart (its cells are blanked there).
 */
import { labelIn } from "../../shared/label.ts";
import { renderSvg, stackedBars } from "../charts.ts";
import { figureHtml } from "../figure.ts";
import { netBandChart, tornadoChart } from "../businessCharts.ts";
import { caseEstimates, netBand, payerOf, SECTOR_KEYS, tornadoRows } from "../businessCase.ts";
import { breakEvenWords, caseLinesTable, caseSectorsTable, caseScenariosTable, caseSensitivityTable, caseYearsTable, horizonOf, payerWord, sectorWord } from "../businessTables.ts";
import { formatKr, formatNumber, type Lang } from "../i18n.ts";
import type { Cell } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import { tableCollector, type SectionBuilder, type Texts } from "./section.ts";
import type { CaseProjection, ScenarioResult } from "../../project/schema.ts";

/** An amount as a memo writes it: "1,4 mio. kr." from a million up, else "139.500 kr.". */
export function memoKr(lang: Lang, value: number, t: Texts): string {
  return Math.abs(value) >= 1e6 ? t("mioKr", { value: formatNumber(lang, value / 1e6, 1) }) : formatKr(lang, value);
}

/** The case in words: net with its band, NPV, the named ROIs, break-even and the investment ceiling. */
export function caseSentences(c: CaseProjection, lang: Lang, t: Texts): string[] {
  const s = c.scenarios[0]!;
  const payer = payerOf(s);
  const payerName = payerWord(payer, t);
  const h = horizonOf(s);
  const years = formatNumber(lang, h, Number.isInteger(h) ? 0 : 1);
  const net = s.totals.society - s.interventionCostTotal;
  const band = netBand(s)?.filter((b) => b.series === "society").at(-1);
  const out = [
    t("caseNetSentence", {
      years,
      savings: memoKr(lang, s.totals.society, t),
      cost: memoKr(lang, s.interventionCostTotal, t),
      payer: payerName,
      net: memoKr(lang, net, t),
      band: band ? t("caseBand", { low: memoKr(lang, net + band.low - band.net, t), high: memoKr(lang, net + band.high - band.net, t) }) : "",
    }),
    t("caseNpvSentence", { years, rate: `${formatNumber(lang, 100 * s.discountRate, 1)} %`, society: memoKr(lang, s.npv.society, t), payer: payerName, payerNpv: memoKr(lang, payer ? s.npv[payer] : s.npv.kommune, t) }),
  ];
  if (payer) {
    const others = SECTOR_KEYS.filter((k) => k !== payer).map((k) => payerWord(k, t)).join(lang === "da" ? " og " : " and ");
    out.push(
      t("caseRoiSentence", {
        grossSociety: formatNumber(lang, s.roi.gross.society, 2),
        netSociety: formatNumber(lang, s.roi.net.society, 2),
        payer: payerName,
        grossPayer: formatNumber(lang, s.roi.gross[payer], 2),
        netPayer: formatNumber(lang, s.roi.net[payer], 2),
        others: others.charAt(0).toLocaleUpperCase(lang === "da" ? "da-DK" : "en-GB") + others.slice(1),
      }),
      t("caseBreakEvenSentence", { payer: payerName, payerWhen: breakEvenWords(s, payer, lang, t), societyWhen: breakEvenWords(s, "society", lang, t) }),
      t("caseCeilingSentence", { payer: payerName, perPerson: formatKr(lang, s.investmentCeiling.perPerson), perCohort: memoKr(lang, s.investmentCeiling.perCohort, t), years }),
    );
  }
  // "… -598.695 kr.." — an amount in Danish ends with its own full stop.
  return out.map((sentence) => sentence.replace(/kr\.\./g, "kr."));
}

async function charts(c: CaseProjection, s: ScenarioResult, lang: Lang, t: Texts): Promise<string> {
  const bars = s.years.flatMap((year, i) => SECTOR_KEYS.map((sector) => ({ year, sector: sectorWord(sector, t), kr: s.savingsByYear[sector][i]! })));
  const payer = payerOf(s);
  const seriesName = (key: string) => (key === "society" ? t("societyDefinite") : payerWord(payer, t));
  const band = netBand(s);
  // Without a line from the trial there is no band: the cumulative nets alone (low = high = the net).
  const plain = (["society", ...(payer ? [payer] : [])] as const).flatMap((k) => s.years.map((year, i) => ({ year, series: seriesName(k), net: s.cumulativeNet[k][i]!, low: s.cumulativeNet[k][i]!, high: s.cumulativeNet[k][i]! })));
  const net = band ? netBandChart(band.map((b) => ({ ...b, series: seriesName(b.series) })), t("bandTitle"), t("cumulativeNet"), t("year")) : netBandChart(plain, t("cumulativeNet"), t("cumulativeNet"), t("year"));
  const tornado = tornadoRows(c);
  const name = labelIn(lang, c.title);
  const parts = [
    figureHtml(await renderSvg(stackedBars(bars, name, t("savingsKr"), t("year")), lang), { caption: `${t("figureWord")}: ${t("savingsBarsCaption")}`, description: t("savingsBarsDescription", { case: name }) }, "savings-bars"),
    figureHtml(await renderSvg(net, lang), { caption: `${t("figureWord")}: ${t("cumulativeCaption")}`, description: t("cumulativeDescription", { case: name }) }, "cumulative-net"),
  ];
  if (tornado.length > 0) {
    const chart = tornadoChart(tornado.map((r) => ({ label: labelIn(lang, r.label), low: r.society.low, high: r.society.high, base: r.society.base })), t("tornadoTitle"), t("tornadoLow"), t("tornadoHigh"), t("netSocietyKr"), t("assumptionWord"));
    parts.push(figureHtml(await renderSvg(chart, lang), { caption: `${t("figureWord")}: ${t("tornadoTitle")}`, description: `${t("tornadoTitle")}: ${name}` }, "tornado"));
  }
  return parts.join("");
}

export const savingsSection: SectionBuilder = async (input, t) => {
  const { lang, run } = input;
  if (!run.projection) return null;
  const { add, tables } = tableCollector(input);
  const parts: string[] = [];
  const savingsRows: Record<string, Cell>[] = [];
  const netRows: Record<string, Cell>[] = [];
  for (const c of run.projection.cases) {
    if (c.notProjected !== null) {
      parts.push(`<p>${escapeHtml(`${labelIn(lang, c.title)}: ${c.notProjected}`)}</p>`);
      continue;
    }
    const base = c.scenarios[0]!;
    base.years.forEach((year, i) => {
      for (const sector of SECTOR_KEYS) savingsRows.push({ case: labelIn(lang, c.title), case_id: c.name, year, sector, kr: base.savingsByYear[sector][i]! });
      for (const series of ["kommune", "society"] as const) netRows.push({ case: labelIn(lang, c.title), case_id: c.name, year, series: series === "society" ? t("society") : series, kr: base.cumulativeNet[series][i]! });
    });
    const estimates = caseEstimates(c, run.effects);
    const figure = input.later.figure(`case:${c.name}`, async (disclosure) =>
      estimates.every((e) => disclosure.estimateShown(e.outcome, e.contrast)) ? charts(c, base, lang, t) : `<p class="note">${escapeHtml(t("notDrawnHidden"))}</p>`,
    );
    const sensitivity = caseSensitivityTable(c, lang, t);
    const years = horizonOf(base);
    parts.push(
      `<h3>${escapeHtml(labelIn(lang, c.title))}</h3>` +
        caseSentences(c, lang, t).map((p) => `<p>${escapeHtml(p)}</p>`).join("") +
        figure +
        `${add({ ...caseSectorsTable(c, t), title: t("caseSectorsTitle") })}` +
        `${add({ ...caseYearsTable(c, lang, t), title: t("caseYearsTitle") })}` +
        `${add({ ...caseLinesTable(c, lang, t), title: t("caseLinesTitle", { years: formatNumber(lang, years, Number.isInteger(years) ? 0 : 1) }) })}<p class="note">${escapeHtml(t("caseLinesNote"))}</p>` +
        `${add({ ...caseScenariosTable(c, lang, t), title: t("caseScenariosTitle") })}` +
        (sensitivity ? `${add({ ...sensitivity, title: t("caseSensitivityTitle") })}` : ""),
    );
  }
  const savings: Table = { id: "savings", columns: [{ key: "case", label: t("case"), kind: "text", id: "case_id" }, { key: "year", label: t("year"), kind: "year" }, { key: "sector", label: t("sector"), kind: "text" }, { key: "kr", label: t("savingsKr"), kind: "kr" }], rows: savingsRows };
  const net: Table = { id: "cumulative_net", columns: [{ key: "case", label: t("case"), kind: "text", id: "case_id" }, { key: "year", label: t("year"), kind: "year" }, { key: "series", label: t("sector"), kind: "text" }, { key: "kr", label: t("cumulativeNet"), kind: "kr" }], rows: netRows };
  return { html: parts.join("\n"), tables: [...tables, savings, net] };
};
