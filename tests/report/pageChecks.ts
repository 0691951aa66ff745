/**
 * What the browser test reads from a rendered page, as one expression evaluated in the page: elements wider than
 * the page, table-of-contents links and where they lead, untitled tables, the tick labels of every x axis (left
 * to right) and the DOM as rendered.
 */
export interface PageFacts {
  /** Elements reaching past the page's left or right edge (tag#id.class, with their extent); inside a sideways scroller, only the scroller counts. */
  readonly tooWide: readonly string[];
  /** The widest page the content may fill (printed with a landscape section: the landscape width). */
  readonly pageWidth: number;
  readonly scrollWidth: number;
  /** The contents' link targets, and those that lead to no element. */
  readonly tocTargets: readonly string[];
  readonly brokenLinks: readonly string[];
  /** Section ids on the page. */
  readonly sections: readonly string[];
  /** Tables without a caption (their ids). */
  readonly untitledTables: readonly string[];
  /** Per x axis of every chart, its shown tick labels from left to right. */
  readonly xAxes: readonly (readonly string[])[];
  /** Table cells holding a word or number set over two lines (table id, the token, the lines it takes). */
  readonly brokenTokens: readonly string[];
  /** Table cells whose longest word or number reaches past the cell's content box (table id, the token, its width, the cell's). */
  readonly narrowColumns: readonly string[];
  /** Header cells without a word (the table's id and the column's number). */
  readonly emptyHeaders: readonly string[];
  /** Chart axes without a title (the figure's id or the chart's title, and the axis's first labels). */
  readonly untitledAxes: readonly string[];
  readonly html: string;
}

/** A4 landscape (297 mm) less the print margins (14 mm each side), in CSS pixels: a section with a landscape table is printed so. */
export const A4_LANDSCAPE_WIDTH = Math.floor(((297 - 2 * 14) / 25.4) * 96);

export const PAGE_CHECKS = String.raw`(() => {
  const width = document.documentElement.clientWidth;
  const printed = matchMedia("print").matches;
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).join(".") : "");
  const tooWide = [], wide = new Set();
  for (const e of document.body.querySelectorAll("*")) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    // Inside an element that scrolls (or clips) sideways, it is that element that must fit the page.
    let scroller = e.parentElement;
    while (scroller && scroller !== document.body && getComputedStyle(scroller).overflowX === "visible") scroller = scroller.parentElement;
    if (scroller && scroller !== document.body) continue;
    const limit = printed && e.closest("section:has(table.landscape)") ? ${A4_LANDSCAPE_WIDTH} : width;
    if (r.right <= limit + 1 && r.left >= -1) continue;
    wide.add(e);
    // Only the outermost element that is too wide is named: its contents are too wide because it is.
    if (!wide.has(e.parentElement)) tooWide.push(name(e) + " [" + Math.round(r.left) + ", " + Math.round(r.right) + "] of " + limit);
  }
  const links = [...document.querySelectorAll('nav.contents a[href^="#"]')].map((a) => a.getAttribute("href").slice(1));
  const brokenLinks = links.filter((id) => document.getElementById(decodeURIComponent(id)) === null);
  const untitledTables = [...document.querySelectorAll("table")].filter((t) => !t.querySelector(":scope > caption") || t.querySelector(":scope > caption").textContent.trim() === "").map((t) => t.id);
  const xAxes = [];
  for (const axis of document.querySelectorAll("svg g.role-axis")) {
    const labels = [...axis.querySelectorAll("g.role-axis-label text")].filter((t) => t.getAttribute("opacity") !== "0" && t.textContent.trim() !== "");
    if (labels.length < 2) continue;
    const boxes = labels.map((t) => ({ text: t.textContent.trim(), r: t.getBoundingClientRect() }));
    const xs = boxes.map((b) => b.r.left + b.r.width / 2), ys = boxes.map((b) => b.r.top + b.r.height / 2);
    const spread = (v) => Math.max(...v) - Math.min(...v);
    if (spread(xs) <= spread(ys)) continue;
    xAxes.push(boxes.sort((a, b) => a.r.left - b.r.left).map((b) => b.text));
  }
  // Every word or number of a table cell (a run without white space) measured where it is laid out: one line, inside the cell's content box.
  const brokenTokens = [], narrowColumns = [];
  for (const cell of document.querySelectorAll("table th, table td")) {
    const box = cell.getBoundingClientRect();
    if (box.width === 0) continue;
    const style = getComputedStyle(cell);
    const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    const where = cell.closest("table").id || "table";
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const lines = new Set(rects.map((r) => Math.round(r.top))).size;
        if (lines > 1) brokenTokens.push(where + ": " + JSON.stringify(m[0]) + " over " + lines + " lines");
        const extent = range.getBoundingClientRect();
        if (extent.right > right + 1 || extent.left < left - 1) narrowColumns.push(where + ": " + JSON.stringify(m[0]) + " " + Math.round(extent.width) + " px in " + Math.round(right - left) + " px");
      }
    }
  }
  const emptyHeaders = [...document.querySelectorAll("thead th")].filter((th) => th.textContent.trim() === "").map((th) => (th.closest("table").id || "table") + " column " + (th.cellIndex + 1));
  const untitledAxes = [];
  for (const axis of document.querySelectorAll("svg g.role-axis")) {
    const title = [...axis.querySelectorAll("g.role-axis-title text")].map((t) => t.textContent.trim()).join(" ");
    const labels = [...axis.querySelectorAll("g.role-axis-label text")].map((t) => t.textContent.trim()).filter((l) => l !== "");
    // An axis without labels is a grid (vega-lite draws the grid lines as an axis of their own).
    if (title !== "" || labels.length === 0) continue;
    const figure = axis.closest("figure");
    untitledAxes.push((figure ? figure.className : "chart") + " [" + labels.slice(0, 3).join(", ") + "]");
  }
  return {
    brokenTokens: brokenTokens.slice(0, 40),
    narrowColumns: narrowColumns.slice(0, 40),
    untitledAxes,
    emptyHeaders,
    tooWide: tooWide.slice(0, 20),
    // Printed, a landscape section may reach past the portrait width it is emulated at (each element is checked against its own page above).
    pageWidth: printed && document.querySelector("section:has(table.landscape)") ? ${A4_LANDSCAPE_WIDTH} : width,
    scrollWidth: document.documentElement.scrollWidth,
    tocTargets: links,
    brokenLinks,
    sections: [...document.querySelectorAll("section[id]")].map((s) => s.id),
    untitledTables,
    xAxes,
    html: document.documentElement.outerHTML,
  };
})()`;
