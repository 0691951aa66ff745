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
  readonly html: string;
}

/** A4 landscape (297 mm) less the print margins (14 mm each side), in CSS pixels: a section with a landscape table is printed so. */
export const A4_LANDSCAPE_WIDTH = Math.floor(((297 - 2 * 14) / 25.4) * 96);

export const PAGE_CHECKS = String.raw`(() => {
  const width = document.documentElement.clientWidth;
  const printed = matchMedia("print").matches;
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).join(".") : "");
  const tooWide = [];
  for (const e of document.body.querySelectorAll("*")) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    // Inside an element that scrolls (or clips) sideways, it is that element that must fit the page.
    let scroller = e.parentElement;
    while (scroller && scroller !== document.body && getComputedStyle(scroller).overflowX === "visible") scroller = scroller.parentElement;
    if (scroller && scroller !== document.body) continue;
    const limit = printed && e.closest("section:has(table.landscape)") ? ${A4_LANDSCAPE_WIDTH} : width;
    if (r.right > limit + 1 || r.left < -1) tooWide.push(name(e) + " [" + Math.round(r.left) + ", " + Math.round(r.right) + "] of " + limit);
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
  return {
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
