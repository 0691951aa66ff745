/**
 * A figure as the report shows it: `<figure role="img">` with a description in the report's language as its
 * accessible name (the SVG inside is hidden from assistive technology: its marks say nothing alone), and a
 * caption beneath. The SVG scales down to the page's width and never overflows it.
 */
import { escapeHtml } from "./table.ts";

export interface FigureText {
  /** The visible caption ("Figur: …" is prefixed by the caller's words). */
  readonly caption: string;
  /** What the figure shows, in words, for a reader who cannot see it. */
  readonly description: string;
}

export function figureHtml(svg: string, text: FigureText, className = ""): string {
  const scaled = svg.replace(/^<svg(?![^>]*style=)/, '<svg style="max-width:100%;height:auto"').replace(/^<svg(?![^>]*aria-hidden)/, '<svg aria-hidden="true"');
  return `<figure class="chart${className ? ` ${className}` : ""}" role="img" aria-label="${escapeHtml(text.description)}">${scaled}<figcaption>${escapeHtml(text.caption)}</figcaption></figure>`;
}
