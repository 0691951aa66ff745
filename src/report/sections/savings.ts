/** Savings: per business case the savings by sector and year and the cumulative net, as charts (the tables as CSV). */
import { labelIn } from "../../shared/label.ts";
import { cumulativeLines, renderSvg, stackedBars } from "../charts.ts";
import { figureHtml } from "../figure.ts";
import { formatNumber } from "../i18n.ts";
import type { Cell } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import type { SectionBuilder, Texts } from "./section.ts";
import type { ScenarioResult } from "../../project/schema.ts";
import type { Lang } from "../i18n.ts";

/** "Break-even: kommune in year 3; society in year 1. Gross ROI for society (savings ÷ cost): 1,65." — a missing break-even in words. */
function breakEvenSentence(base: ScenarioResult, lang: Lang, t: Texts): string {
  const horizon = formatNumber(lang, Math.ceil(base.years[base.years.length - 1] ?? 0));
  const when = (year: number | null) => (year === null ? t("noBreakEvenWithin", { years: horizon }) : t("breakEvenInYear", { year: String(year) }));
  return t("breakEvenSentence", {
    kommune: when(base.breakEven.year.kommune),
    society: when(base.breakEven.year.society),
    grossSociety: formatNumber(lang, base.roi.gross.society, 2),
    netSociety: formatNumber(lang, base.roi.net.society, 2),
  });
}

export const savingsSection: SectionBuilder = async (input, t) => {
  const { lang, run } = input;
  if (!run.projection) return null;
  const parts: string[] = [];
  const savingsRows: Record<string, Cell>[] = [];
  const netRows: Record<string, Cell>[] = [];
  for (const c of run.projection.cases) {
    if (c.notProjected !== null) {
      parts.push(`<p>${escapeHtml(`${labelIn(lang, c.title)}: ${c.notProjected}`)}</p>`);
      continue;
    }
    const base = c.scenarios[0]!;
    const bars: { year: number; sector: string; kr: number }[] = [];
    const lines: { year: number; series: string; kr: number }[] = [];
    base.years.forEach((year, i) => {
      for (const sector of ["kommune", "region", "stat"] as const) {
        savingsRows.push({ case: c.name, year, sector, kr: base.savingsByYear[sector][i]! });
        bars.push({ year, sector, kr: base.savingsByYear[sector][i]! });
      }
      for (const series of ["kommune", "society"] as const) {
        const name = series === "society" ? t("society") : series;
        netRows.push({ case: c.name, year, series: name, kr: base.cumulativeNet[series][i]! });
        lines.push({ year, series: name, kr: base.cumulativeNet[series][i]! });
      }
    });
    parts.push(
      `<h3>${escapeHtml(labelIn(lang, c.title))}</h3><p>${escapeHtml(breakEvenSentence(base, lang, t))}</p>` +
        figureHtml(await renderSvg(stackedBars(bars, labelIn(lang, c.title), t("savingsKr")), lang), { caption: `${t("figureWord")}: ${t("savingsBarsCaption")}`, description: t("savingsBarsDescription", { case: labelIn(lang, c.title) }) }, "savings-bars") +
        figureHtml(await renderSvg(cumulativeLines(lines, labelIn(lang, c.title), t("cumulativeNet")), lang), { caption: `${t("figureWord")}: ${t("cumulativeCaption")}`, description: t("cumulativeDescription", { case: labelIn(lang, c.title) }) }, "cumulative-net"),
    );
  }
  const savings: Table = { id: "savings", columns: [{ key: "case", label: t("case"), kind: "text" }, { key: "year", label: t("year"), kind: "year" }, { key: "sector", label: t("sector"), kind: "text" }, { key: "kr", label: t("savingsKr"), kind: "kr" }], rows: savingsRows };
  const net: Table = { id: "cumulative_net", columns: [{ key: "case", label: t("case"), kind: "text" }, { key: "year", label: t("year"), kind: "year" }, { key: "series", label: t("sector"), kind: "text" }, { key: "kr", label: t("cumulativeNet"), kind: "kr" }], rows: netRows };
  return { html: parts.join("\n"), tables: [savings, net] };
};
