/**
 * Charts as SVG, drawn by vega-lite + vega in Node (no browser, no canvas), with the
 * report language's number format. Each function returns a vega-lite spec; `renderSvg`
 * turns it into an SVG string to inline.
 */
import type * as Vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "./i18n.ts";
import { wrapText } from "./consortDiagram.ts";

/** A title wrapped into lines (vega draws an array as lines): never wider than the plot, never cut. */
function titleLines(title: string, width = 460): string[] {
  return wrapText(title, width, 13);
}

const LOCALES = {
  da: { decimal: ",", thousands: ".", grouping: [3], currency: ["", " kr."] },
  en: { decimal: ".", thousands: ",", grouping: [3], currency: ["", " kr"] },
} as const;

const CONFIG = {
  font: "Helvetica, Arial, sans-serif",
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 340 },
  axisX: { labelAngle: 0 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  view: { stroke: null },
  // Vega's own aria descriptions name the data fields in English; each figure is described in the report's language instead.
  aria: false,
  mark: { aria: false },
};

export async function renderSvg(spec: TopLevelSpec, lang: Lang): Promise<string> {
  // Loaded when a chart is drawn (about 0.4 s), so the stages that draw none start without it.
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const compiled = compile({ ...spec, config: { ...CONFIG, ...(spec as { config?: object }).config } } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", locale: { number: LOCALES[lang] } } as unknown as Vega.ViewOptions);
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

export function lovePlot(rows: readonly { label: string; smd: number }[], threshold: number, title: string, labelTitle: string): TopLevelSpec {
  // Labels wrapped into lines (never cut), each row as tall as the longest label needs.
  const wrapped = rows.map((r) => ({ ...r, label: wrapText(r.label, 180, 11).join("\n") }));
  const lines = Math.max(1, ...wrapped.map((r) => r.label.split("\n").length));
  return {
    width: 360,
    height: Math.max(60, (13 * lines + 9) * rows.length),
    title: { text: titleLines(title, 360) },
    layer: [
      { data: { values: [{ x: -threshold }, { x: threshold }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#999" }, encoding: { x: { field: "x", type: "quantitative" } } },
      { data: { values: [{ x: 0 }] }, mark: { type: "rule", color: "#444" }, encoding: { x: { field: "x", type: "quantitative" } } },
      {
        data: { values: wrapped },
        mark: { type: "point", filled: true, size: 60, color: "#1f5f8b" },
        encoding: {
          x: { field: "smd", type: "quantitative", title: "SMD", scale: { domain: [-Math.max(0.3, ...rows.map((r) => Math.abs(r.smd))), Math.max(0.3, ...rows.map((r) => Math.abs(r.smd)))] } },
          y: { field: "label", type: "nominal", title: labelTitle, sort: null, axis: { labelExpr: "split(datum.label, '\\n')", labelLimit: 0 } },
        },
      },
    ],
  } as TopLevelSpec;
}

export function stackedBars(rows: readonly { year: number; sector: string; kr: number }[], title: string, axisTitle: string, yearTitle: string): TopLevelSpec {
  return {
    width: 460,
    height: 220,
    title: { text: titleLines(title) },
    data: { values: rows.map((r) => ({ ...r })) },
    mark: "bar",
    encoding: {
      x: { field: "year", type: "ordinal", title: yearTitle, sort: "ascending" },
      y: { field: "kr", type: "quantitative", title: axisTitle, axis: { format: ",.0f" } },
      color: { field: "sector", type: "nominal", title: null, scale: { range: ["#1f5f8b", "#7fb3d5", "#c0392b"] } },
    },
  } as TopLevelSpec;
}

export function cumulativeLines(rows: readonly { year: number; series: string; kr: number }[], title: string, axisTitle: string, yearTitle: string): TopLevelSpec {
  return {
    width: 460,
    height: 220,
    title: { text: titleLines(title) },
    layer: [
      { data: { values: [{ y: 0 }] }, mark: { type: "rule", color: "#444" }, encoding: { y: { field: "y", type: "quantitative" } } },
      {
        data: { values: rows.map((r) => ({ ...r })) },
        mark: { type: "line", point: true },
        encoding: {
          x: { field: "year", type: "ordinal", title: yearTitle, sort: "ascending" },
          y: { field: "kr", type: "quantitative", title: axisTitle, axis: { format: ",.0f" } },
          color: { field: "series", type: "nominal", title: null },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Kaplan–Meier curves per arm: a step line with its confidence band. */
export function survivalCurves(rows: readonly { arm: string; time: number; survival: number; low: number; high: number }[], title: string, timeTitle: string, shareTitle: string): TopLevelSpec {
  return {
    width: 460,
    height: 240,
    title: { text: titleLines(title) },
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      { mark: { type: "area", interpolate: "step-after", opacity: 0.15 }, encoding: { x: { field: "time", type: "quantitative", title: timeTitle }, y: { field: "low", type: "quantitative", title: shareTitle, scale: { domain: [0, 1] }, axis: { format: ".0%" } }, y2: { field: "high" }, color: { field: "arm", type: "nominal", title: null } } },
      { mark: { type: "line", interpolate: "step-after" }, encoding: { x: { field: "time", type: "quantitative" }, y: { field: "survival", type: "quantitative" }, color: { field: "arm", type: "nominal", title: null } } },
    ],
  } as TopLevelSpec;
}
