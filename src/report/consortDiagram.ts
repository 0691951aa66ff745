/**
 * The CONSORT 2025 flow diagram as hand-written SVG: boxes and arrows, deterministic (no
 * measuring of fonts: text is wrapped by an estimated character width that errs wide, so a
 * label is wrapped, never cut). Pure: the boxes' words and values in, an SVG string out. A
 * value is given as it is to be shown (a placeholder the disclosure engine fills, or text).
 *
 *   [assessed] ──→ [excluded, not yet referred, awaiting, …]      (enrolment)
 *        │
 *   [randomised]                       (absent in a matched comparison)
 *     ┌──┴──┐
 *   [pool] [pool] ──→ [unmatched]      (a matched comparison only)
 *   [arm]  [arm]                       (allocation: received / did not receive)
 *   [follow-up] [follow-up]            (lost by reason, not yet followed long enough)
 *   [analysed]  [analysed]
 */
import { escapeHtml } from "./table.ts";

/** One line of a box: words and the value shown beside them (null: a heading without a value). */
export interface FlowLine {
  readonly label: string;
  readonly value: string | null;
}

export interface FlowBox {
  readonly title: FlowLine;
  readonly lines: readonly FlowLine[];
}

export interface FlowArm {
  /** A matched comparison: the persons the arm was matched from, and those left out (drawn beside it). */
  readonly pool: { readonly box: FlowBox; readonly out: FlowBox } | null;
  readonly allocation: FlowBox;
  readonly followUp: FlowBox;
  readonly analysis: FlowBox;
}

export interface FlowDiagram {
  readonly bands: { readonly enrolment: string; readonly allocation: string; readonly followUp: string; readonly analysis: string };
  readonly assessed: FlowBox;
  /** Boxes leaving the main stem during enrolment (excluded with its reasons, not yet referred, awaiting randomisation, …). */
  readonly side: readonly FlowBox[];
  /** The randomised total; null in a matched comparison, where the arms' pools take its place. */
  readonly split: FlowBox | null;
  readonly arms: readonly FlowArm[];
}

const WIDTH = 680;
const BAND_WIDTH = 84;
const LEFT = BAND_WIDTH + 16;
const RIGHT = WIDTH - 4;
const PAD = 7;
const LINE = 16;
const TITLE_SIZE = 13;
const TEXT_SIZE = 12;
/** Room kept for a value at the right of its line («<5», «x», «1.234»). */
const VALUE_ROOM = 46;
/** Estimated width of a character as a share of the font size: wide, so that a line is never longer than its box. */
const CHAR = 0.6;

/** Words wrapped into lines no wider than `width` at `size` px (a word longer than a line is broken). */
export function wrapText(text: string, width: number, size: number): string[] {
  const max = Math.max(4, Math.floor(width / (size * CHAR)));
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (w.length > max) {
      if (current) lines.push(current);
      current = "";
      lines.push(w.slice(0, max - 1) + "-");
      w = w.slice(max - 1);
    }
    if (!current) current = w;
    else if (current.length + 1 + w.length <= max) current += ` ${w}`;
    else {
      lines.push(current);
      current = w;
    }
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [""];
}

interface Laid {
  readonly rows: { readonly text: string; readonly value: string | null; readonly bold: boolean; readonly size: number }[];
  readonly height: number;
}

function layBox(box: FlowBox, width: number): Laid {
  const rows: { text: string; value: string | null; bold: boolean; size: number }[] = [];
  const add = (line: FlowLine, bold: boolean, size: number) => {
    const wrapped = wrapText(line.label, width - 2 * PAD - (line.value === null ? 0 : VALUE_ROOM), size);
    // The value stands on the last line of its words.
    wrapped.forEach((text, i) => rows.push({ text, value: i === wrapped.length - 1 ? line.value : null, bold, size }));
  };
  add(box.title, true, TITLE_SIZE);
  for (const line of box.lines) add(line, false, TEXT_SIZE);
  return { rows, height: 2 * PAD + rows.length * LINE };
}

function drawBox(laid: Laid, x: number, y: number, width: number, height = laid.height): string {
  const parts = [`<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="4" fill="#f7fafc" stroke="#1f5f8b"/>`];
  laid.rows.forEach((r, i) => {
    const baseline = y + PAD + (i + 1) * LINE - 4;
    const weight = r.bold ? ' font-weight="bold"' : "";
    parts.push(`<text x="${x + PAD}" y="${baseline}" font-size="${r.size}"${weight}>${escapeHtml(r.text)}</text>`);
    if (r.value !== null) parts.push(`<text x="${x + width - PAD}" y="${baseline}" font-size="${r.size}" text-anchor="end"${weight}>${r.value}</text>`);
  });
  return parts.join("");
}

const arrow = (x1: number, y1: number, x2: number, y2: number) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#444" marker-end="url(#consort-arrow)"/>`;
const line = (x1: number, y1: number, x2: number, y2: number) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#444"/>`;

function drawBand(label: string, top: number, bottom: number): string {
  const lines = wrapText(label, BAND_WIDTH - 10, TEXT_SIZE);
  const middle = (top + bottom) / 2 - ((lines.length - 1) * LINE) / 2 + 4;
  return `<rect x="2" y="${top}" width="${BAND_WIDTH}" height="${Math.max(bottom - top, 24)}" rx="6" fill="#dbe8f2"/>${lines.map((l, i) => `<text x="${2 + BAND_WIDTH / 2}" y="${middle + i * LINE}" font-size="${TEXT_SIZE}" font-weight="bold" text-anchor="middle">${escapeHtml(l)}</text>`).join("")}`;
}

/** The SVG drawn so far and the height reached. */
interface Canvas {
  readonly out: string[];
  y: number;
}

/** The arms' columns side by side. */
interface Columns {
  readonly width: number;
  x(i: number): number;
  centre(i: number): number;
}

export function consortSvg(diagram: FlowDiagram): string {
  const canvas: Canvas = { out: [], y: 8 };
  // 1. Enrolment: assessed, the boxes leaving the stem, and (randomised) the total allocated.
  const enrolmentTop = canvas.y;
  drawEnrolment(canvas, diagram);
  const enrolmentBottom = canvas.y;
  // 2. The arms side by side, branching from the stem.
  const columns = drawBranches(canvas, diagram.arms.length);
  // 3. Allocation (a matched comparison's pools first), follow-up and analysis; boxes of a stage share one height so the stages line up.
  const allocationTop = canvas.y;
  const pools = diagram.arms.map((a) => a.pool);
  if (pools.every((p) => p !== null)) drawPools(canvas, columns, pools.map((p) => p!));
  drawRow(canvas, columns, diagram.arms.map((a) => a.allocation), false);
  const allocationBottom = canvas.y - 18;
  const followUpTop = canvas.y;
  drawRow(canvas, columns, diagram.arms.map((a) => a.followUp), true);
  const followUpBottom = canvas.y - 18;
  const analysisTop = canvas.y;
  drawRow(canvas, columns, diagram.arms.map((a) => a.analysis), true);
  const analysisBottom = canvas.y - 18;
  // 4. The bands naming the stages, behind the boxes.
  const bands = [
    drawBand(diagram.bands.enrolment, enrolmentTop, enrolmentBottom),
    drawBand(diagram.bands.allocation, allocationTop, allocationBottom),
    drawBand(diagram.bands.followUp, followUpTop, followUpBottom),
    drawBand(diagram.bands.analysis, analysisTop, analysisBottom),
  ];
  const height = Math.ceil(canvas.y);
  const defs = `<defs><marker id="consort-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="#444"/></marker></defs>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="consort-flow" width="${WIDTH}" height="${height}" style="max-width:100%;height:auto" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" aria-hidden="true">${defs}${bands.join("")}${canvas.out.join("")}</svg>`;
}

const STEM = (LEFT + RIGHT) / 2;
const MAIN_WIDTH = 250;
const COLUMN_GAP = 20;

function drawEnrolment(canvas: Canvas, diagram: FlowDiagram): void {
  const { out } = canvas;
  const assessed = layBox(diagram.assessed, MAIN_WIDTH);
  out.push(drawBox(assessed, STEM - MAIN_WIDTH / 2, canvas.y, MAIN_WIDTH));
  canvas.y += assessed.height;
  const stemTop = canvas.y;
  canvas.y += 16;
  const sideLeft = STEM + 30;
  const sideWidth = RIGHT - sideLeft;
  for (const box of diagram.side) {
    const laid = layBox(box, sideWidth);
    out.push(drawBox(laid, sideLeft, canvas.y, sideWidth), arrow(STEM, canvas.y + laid.height / 2, sideLeft - 1, canvas.y + laid.height / 2));
    canvas.y += laid.height + 12;
  }
  canvas.y += 8;
  if (diagram.split) {
    const split = layBox(diagram.split, MAIN_WIDTH);
    out.push(arrow(STEM, stemTop, STEM, canvas.y - 1), drawBox(split, STEM - MAIN_WIDTH / 2, canvas.y, MAIN_WIDTH));
    canvas.y += split.height;
  } else out.push(line(STEM, stemTop, STEM, canvas.y));
}

/** The bar from the stem to each arm's column, an arrow down into each. */
function drawBranches(canvas: Canvas, n: number): Columns {
  const width = (RIGHT - LEFT - COLUMN_GAP * (n - 1)) / Math.max(n, 1);
  const x = (i: number) => LEFT + i * (width + COLUMN_GAP);
  const centre = (i: number) => x(i) + width / 2;
  const barY = canvas.y + 14;
  canvas.out.push(line(STEM, canvas.y, STEM, barY));
  if (n > 1) canvas.out.push(line(centre(0), barY, centre(n - 1), barY));
  canvas.y = barY + 16;
  for (let i = 0; i < n; i++) canvas.out.push(arrow(centre(i), barY, centre(i), canvas.y - 1));
  return { width, x, centre };
}

/** One stage: a box per arm, all of the tallest one's height (with arrows from the stage above). */
function drawRow(canvas: Canvas, columns: Columns, boxes: readonly FlowBox[], arrowsAbove: boolean): void {
  const laid = boxes.map((b) => layBox(b, columns.width));
  const height = Math.max(...laid.map((l) => l.height));
  laid.forEach((l, i) => {
    if (arrowsAbove) canvas.out.push(arrow(columns.centre(i), canvas.y - 18, columns.centre(i), canvas.y - 1));
    canvas.out.push(drawBox(l, columns.x(i), canvas.y, columns.width, height));
  });
  canvas.y += height + 18;
}

/** Matched: each arm's pool; a trunk at the column's left leads on to the matched, branching to those left out. */
function drawPools(canvas: Canvas, columns: Columns, pools: readonly NonNullable<FlowArm["pool"]>[]): void {
  drawRow(canvas, columns, pools.map((p) => p.box), false);
  const poolBottom = canvas.y - 18;
  const outWidth = columns.width - 40;
  const laid = pools.map((p) => layBox(p.out, outWidth));
  const height = Math.max(...laid.map((l) => l.height));
  const top = poolBottom + 14;
  canvas.y = top + height + 18;
  laid.forEach((l, i) => {
    const trunk = columns.x(i) + 18;
    const x = columns.x(i) + 40;
    canvas.out.push(arrow(trunk, poolBottom, trunk, canvas.y - 1), arrow(trunk, top + height / 2, x - 1, top + height / 2), drawBox(l, x, top, outWidth, height));
  });
}
