/** Savings: per business case the savings by sector and year and the cumulative net, as charts (the tables as CSV). */
import { cumulativeLines, renderSvg, stackedBars } from "../charts.ts";
import { formatNumber } from "../i18n.ts";
import type { Cell } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import type { SectionBuilder } from "./section.ts";

export const savingsSection: SectionBuilder = async (input, t) => {
  const { lang, run } = input;
  if (!run.projection) return null;
  const parts: string[] = [];
  const savingsRows: Record<string, Cell>[] = [];
  const netRows: Record<string, Cell>[] = [];
  for (const c of run.projection.cases) {
    if (c.notProjected !== null) {
      parts.push(`<p>${escapeHtml(`${c.title}: ${c.notProjected}`)}</p>`);
      continue;
    }
    const base = c.scenarios[0]!;
    const bars: { year: string; sector: string; kr: number }[] = [];
    const lines: { year: string; series: string; kr: number }[] = [];
    base.years.forEach((year, i) => {
      for (const sector of ["kommune", "region", "stat"] as const) {
        savingsRows.push({ case: c.name, year, sector, kr: base.savingsByYear[sector][i]! });
        bars.push({ year: String(year), sector, kr: base.savingsByYear[sector][i]! });
      }
      for (const series of ["kommune", "society"] as const) {
        const name = series === "society" ? t("society") : series;
        netRows.push({ case: c.name, year, series: name, kr: base.cumulativeNet[series][i]! });
        lines.push({ year: String(year), series: name, kr: base.cumulativeNet[series][i]! });
      }
    });
    parts.push(
      `<h3>${escapeHtml(c.title)}</h3><p>${escapeHtml(`${t("breakEven")}: kommune ${base.breakEven.year.kommune ?? "–"}, ${t("society")} ${base.breakEven.year.society ?? "–"}; ROI ${formatNumber(lang, base.roi.gross.society, 2)}`)}</p>` +
        `<figure>${await renderSvg(stackedBars(bars, c.name, t("savingsKr")), lang)}</figure><figure>${await renderSvg(cumulativeLines(lines, c.name, t("cumulativeNet")), lang)}</figure>`,
    );
  }
  const savings: Table = { id: "savings", columns: [{ key: "case", label: t("case"), kind: "text" }, { key: "year", label: t("year"), kind: "count" }, { key: "sector", label: t("sector"), kind: "text" }, { key: "kr", label: t("savingsKr"), kind: "kr" }], rows: savingsRows };
  const net: Table = { id: "cumulative_net", columns: [{ key: "case", label: t("case"), kind: "text" }, { key: "year", label: t("year"), kind: "count" }, { key: "series", label: t("sector"), kind: "text" }, { key: "kr", label: t("cumulativeNet"), kind: "kr" }], rows: netRows };
  return { html: parts.join("\n"), tables: [savings, net] };
};
