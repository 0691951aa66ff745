/**
 * The report's table of contents: every section (`<section id><h2>`) and its sub-headings (`<h3>` directly in the
 * section, not inside a figure or a diagram's boxes), each linked. Sub-headings get ids `<section>-<n>`.
 * Pure: the sections' HTML in, the HTML with ids and the contents' HTML out.
 */
import { escapeHtml } from "./table.ts";

interface Entry {
  readonly id: string;
  readonly html: string;
  readonly sub: { id: string; html: string }[];
}

export function withContents(body: string, heading: string): { body: string; contents: string } {
  const entries: Entry[] = [];
  let depth = 0; // open <div>/<figure> elements inside the current section
  const out = body.replace(/<section id="([^"]+)"><h2>([\s\S]*?)<\/h2>|<(div|figure)\b[^>]*>|<\/(div|figure)>|<h3>([\s\S]*?)<\/h3>/g, (match, section?: string, h2?: string, open?: string, close?: string, h3?: string) => {
    if (section !== undefined) {
      depth = 0;
      entries.push({ id: section, html: h2!, sub: [] });
      return match;
    }
    if (open !== undefined) depth += 1;
    else if (close !== undefined) depth = Math.max(0, depth - 1);
    else if (h3 !== undefined) {
      const entry = entries[entries.length - 1];
      if (entry === undefined || depth > 0) return match;
      const id = `${entry.id}-${entry.sub.length + 1}`;
      entry.sub.push({ id, html: h3 });
      return `<h3 id="${id}">${h3}</h3>`;
    }
    return match;
  });
  const item = (id: string, html: string, sub: string): string => `<li><a href="#${id}">${html}</a>${sub}</li>`;
  const list = entries.map((e) => item(e.id, e.html, e.sub.length === 0 ? "" : `<ol>${e.sub.map((s) => item(s.id, s.html, "")).join("")}</ol>`)).join("");
  return { body: out, contents: `<nav class="contents" aria-label="${escapeHtml(heading)}"><h2>${escapeHtml(heading)}</h2><ol>${list}</ol></nav>` };
}
