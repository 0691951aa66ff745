/** The vega charts: years ascend as numbers (1, 2, 10 — not 1, 10, 2), labels of 11 px or more, titles wrapped not cut. */
import { describe, expect, it } from "vitest";
import { cumulativeLines, lovePlot, renderSvg, stackedBars } from "../../src/report/charts.ts";
import { figureHtml } from "../../src/report/figure.ts";

/** Every text of an SVG, its lines (tspans) joined by spaces. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
const fontSizes = (svg: string) => [...svg.matchAll(/font-size(?:="|:\s*)([\d.]+)/g)].map((m) => Number(m[1]));

describe("the savings charts", () => {
  const rows = [10, 2, 1].flatMap((year) => [{ year, sector: "kommune", kr: 100 * year }, { year, sector: "stat", kr: 50 }]);
  it("put years 10, 2, 1 given in that order on the x axis as 1, 2, 10", async () => {
    for (const spec of [stackedBars(rows, "Case", "kr.", "År"), cumulativeLines(rows.map((r) => ({ year: r.year, series: r.sector, kr: r.kr })), "Case", "kr.", "År")]) {
      const svg = await renderSvg(spec, "da");
      const years = texts(svg).filter((s) => ["1", "2", "10"].includes(s));
      expect(years).toEqual(["1", "2", "10"]);
    }
  });
  it("use no font below 11 px", async () => {
    const svg = await renderSvg(stackedBars(rows, "Case", "kr.", "År"), "da");
    expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(11);
  });
});

describe("lovePlot", () => {
  it("keeps every word of a long covariate label (wrapped into lines)", async () => {
    const label = "Psykiatrisk indlæggelse året før start i kommunens egne registre";
    const svg = await renderSvg(lovePlot([{ label, smd: 0.05 }, { label: "Kvinde", smd: -0.02 }], 0.1, "SMD", "Baggrundsvariabel"), "da");
    expect(texts(svg).join(" ").replace(/\s+/g, " ")).toContain(label);
    expect(svg).not.toContain("…");
  });
});

describe("figureHtml(svg, text)", () => {
  it("a figure with role img, its description as the accessible name, a caption, and an SVG that scales to the page", () => {
    const html = figureHtml('<svg width="900" height="10"></svg>', { caption: "Figur: Besparelse pr. år", description: "Søjlediagram: «besparelse» pr. år" }, "savings-bars");
    expect(html).toBe('<figure class="chart savings-bars" role="img" aria-label="Søjlediagram: «besparelse» pr. år"><svg aria-hidden="true" style="max-width:100%;height:auto" width="900" height="10"></svg><figcaption>Figur: Besparelse pr. år</figcaption></figure>');
  });
});
