/**
 * The forest plot of absolute differences as hand-written SVG: one panel per unit (and direction), each outcome's
 * difference with its interval as it is (no clipping: the axis spans every interval and zero), full labels wrapped
 * beside it, and the side of zero that favours the programme shaded and named. Deterministic: no font measuring,
 * text wrapped by an estimated character width that errs wide.
 */
import { formatNumber, type Lang } from "./i18n.ts";
import { wrapText } from "./consortDiagram.ts";
import { escapeHtml } from "./table.ts";

export interface ForestRow {
  readonly label: string;
  /** In the panel's unit (percentage points for shares). */
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

export interface ForestPanel {
  /** The panel's heading: its unit and which way is better, in words. */
  readonly title: string;
  /** The axis title: the unit in words. */
  readonly unit: string;
  readonly favours: "higher" | "lower" | null;
  readonly rows: readonly ForestRow[];
}

export interface ForestWords {
  /** "favours the programme" */
  readonly favours: string;
  /** "favours the control group" */
  readonly against: string;
}

const WIDTH = 680;
const LABEL_WIDTH = 250;
const PLOT_LEFT = LABEL_WIDTH + 24;
const PLOT_RIGHT = WIDTH - 16;
const TEXT = 12;
const TICK = 11;
const LINE = 15;

/** Round tick values over [low, high] (steps of 1, 2 or 5 × 10^k), the domain widened to the outer ticks. */
export function niceTicks(low: number, high: number, count = 6): { ticks: number[]; step: number } {
  if (low === high) [low, high] = [low - 1, high + 1];
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  // Integers times the step, so 0.1 + 0.2 does not print 0.30000000000000004.
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { ticks, step };
}

function panelSvg(panel: ForestPanel, words: ForestWords, lang: Lang, top: number): { svg: string; height: number } {
  const out: string[] = [];
  let y = top;
  out.push(`<text x="4" y="${y + 14}" font-size="13" font-weight="bold">${escapeHtml(panel.title)}</text>`);
  y += 24;
  const low = Math.min(0, ...panel.rows.map((r) => r.low));
  const high = Math.max(0, ...panel.rows.map((r) => r.high));
  const { ticks, step } = niceTicks(low, high);
  const min = ticks[0]!;
  const max = ticks[ticks.length - 1]!;
  const x = (v: number) => PLOT_LEFT + ((v - min) / (max - min)) * (PLOT_RIGHT - PLOT_LEFT);
  const digits = step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step) - 1e-9));
  const laid = panel.rows.map((r) => ({ row: r, lines: wrapText(r.label, LABEL_WIDTH - 8, TEXT) }));
  const plotTop = y;
  const plotHeight = laid.reduce((s, l) => s + Math.max(24, l.lines.length * LINE + 8), 0);
  // The side that favours the programme, shaded.
  if (panel.favours !== null) {
    const [from, to] = panel.favours === "higher" ? [x(0), PLOT_RIGHT] : [PLOT_LEFT, x(0)];
    out.push(`<rect x="${from}" y="${plotTop}" width="${Math.max(0, to - from)}" height="${plotHeight}" fill="#e3f1e3"/>`);
  }
  for (const t of ticks) out.push(`<line x1="${x(t)}" y1="${plotTop}" x2="${x(t)}" y2="${plotTop + plotHeight}" stroke="${t === 0 ? "#444" : "#ddd"}"/>`);
  for (const { row, lines } of laid) {
    const h = Math.max(24, lines.length * LINE + 8);
    const mid = y + h / 2;
    lines.forEach((l, i) => out.push(`<text x="4" y="${mid - ((lines.length - 1) * LINE) / 2 + i * LINE + 4}" font-size="${TEXT}">${escapeHtml(l)}</text>`));
    out.push(`<line x1="${x(row.low)}" y1="${mid}" x2="${x(row.high)}" y2="${mid}" stroke="#1f5f8b" stroke-width="2"/>`);
    out.push(`<line x1="${x(row.low)}" y1="${mid - 4}" x2="${x(row.low)}" y2="${mid + 4}" stroke="#1f5f8b" stroke-width="2"/><line x1="${x(row.high)}" y1="${mid - 4}" x2="${x(row.high)}" y2="${mid + 4}" stroke="#1f5f8b" stroke-width="2"/>`);
    out.push(`<circle cx="${x(row.estimate)}" cy="${mid}" r="4.5" fill="#1f5f8b"/>`);
    y += h;
  }
  // The axis: ticks, their labels (≥ 11 px), the unit, and which side favours whom.
  out.push(`<line x1="${PLOT_LEFT}" y1="${y}" x2="${PLOT_RIGHT}" y2="${y}" stroke="#444"/>`);
  for (const t of ticks) out.push(`<line x1="${x(t)}" y1="${y}" x2="${x(t)}" y2="${y + 4}" stroke="#444"/><text x="${x(t)}" y="${y + 17}" font-size="${TICK}" text-anchor="middle">${escapeHtml(formatNumber(lang, t, digits))}</text>`);
  y += 34;
  out.push(`<text x="${(PLOT_LEFT + PLOT_RIGHT) / 2}" y="${y}" font-size="${TEXT}" text-anchor="middle">${escapeHtml(panel.unit)}</text>`);
  if (panel.favours !== null) {
    const left = panel.favours === "lower" ? words.favours : words.against;
    const right = panel.favours === "lower" ? words.against : words.favours;
    y += 18;
    out.push(`<text x="${PLOT_LEFT}" y="${y}" font-size="${TEXT}"${panel.favours === "lower" ? ' font-weight="bold" fill="#2e7d32"' : ""}>← ${escapeHtml(left)}</text>`);
    out.push(`<text x="${PLOT_RIGHT}" y="${y}" font-size="${TEXT}" text-anchor="end"${panel.favours === "higher" ? ' font-weight="bold" fill="#2e7d32"' : ""}>${escapeHtml(right)} →</text>`);
  }
  return { svg: out.join(""), height: y + 16 - top };
}

/** The panels stacked in one SVG (the same width each, so a reader compares within a panel, never across units). */
export function forestSvg(panels: readonly ForestPanel[], words: ForestWords, lang: Lang): string {
  let y = 4;
  const parts: string[] = [];
  panels.forEach((p) => {
    const { svg, height } = panelSvg(p, words, lang, y);
    parts.push(svg);
    y += height + 12;
  });
  const height = Math.ceil(y);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="forest-plot" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" style="max-width:100%;height:auto" font-family="Helvetica, Arial, sans-serif" aria-hidden="true">${parts.join("")}</svg>`;
}
