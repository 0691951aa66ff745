/** The business case's charts as vega-lite specs (drawn by charts.ts renderSvg): the tornado and the net with its CI band. */
import type { TopLevelSpec } from "vega-lite";

/**
 * A tornado: per assumption (in the given order, widest first) a bar from the base net to the net at its low value and
 * one to the net at its high value, and a rule at the base.
 */
export function tornadoChart(rows: readonly { label: string; low: number; high: number; base: number }[], title: string, lowWord: string, highWord: string, axisTitle: string, labelTitle: string): TopLevelSpec {
  const order = rows.map((r) => r.label);
  const bars = rows.flatMap((r) => [
    { label: r.label, end: lowWord, from: r.base, to: r.low },
    { label: r.label, end: highWord, from: r.base, to: r.high },
  ]);
  return {
    width: 380,
    height: Math.max(60, 28 * rows.length),
    title,
    layer: [
      {
        data: { values: bars },
        mark: { type: "bar", height: 16 },
        encoding: {
          y: { field: "label", type: "nominal", title: labelTitle, sort: order, axis: { labelLimit: 420 } },
          x: { field: "from", type: "quantitative", title: axisTitle, scale: { zero: false }, axis: { format: ",.0f" } },
          x2: { field: "to" },
          color: { field: "end", type: "nominal", title: null, sort: [lowWord, highWord], scale: { range: ["#c0392b", "#1f5f8b"] } },
        },
      },
      { data: { values: [{ x: rows[0]?.base ?? 0 }] }, mark: { type: "rule", color: "#444" }, encoding: { x: { field: "x", type: "quantitative" } } },
    ],
  } as TopLevelSpec;
}

/** The cumulative net per year (a line per series) with the band between its low and high ends, and a rule at 0. */
export function netBandChart(rows: readonly { year: number; series: string; net: number; low: number; high: number }[], title: string, axisTitle: string, yearTitle: string): TopLevelSpec {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const series = [...new Set(rows.map((r) => r.series))];
  const color = () => ({ field: "series", type: "nominal", title: null, scale: { domain: series, range: ["#1f5f8b", "#c0392b", "#7fb3d5"].slice(0, series.length) }, legend: { symbolOpacity: 1 } });
  const x = { field: "year", type: "quantitative", title: yearTitle, scale: { domain: [years[0] ?? 1, years[years.length - 1] ?? 1], nice: false }, axis: { values: years, format: "d" } } as const;
  return {
    width: 460,
    height: 240,
    title,
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      { mark: { type: "area", opacity: 0.18 }, encoding: { x, y: { field: "low", type: "quantitative", title: axisTitle, axis: { format: ",.0f" } }, y2: { field: "high" }, color: color() } },
      { mark: { type: "line", point: true }, encoding: { x, y: { field: "net", type: "quantitative" }, color: color() } },
      { data: { values: [{ y: 0 }] }, mark: { type: "rule", color: "#444" }, encoding: { y: { field: "y", type: "quantitative" } } },
    ],
  } as TopLevelSpec;
}
