import { describe, expect, it } from "vitest";
import { figureHtml } from "../../src/report/figure.ts";

describe("figureHtml(svg, text, className)", () => {
  it("figureHtml(svg, …) wraps the SVG in a figure named by its description, scales it and hides it from assistive technology", () => {
    expect(figureHtml('<svg viewBox="0 0 10 10"><rect/></svg>', { caption: "Figur: A & B", description: 'Effekt "stor" <1' }, "forest")).toBe(
      '<figure class="chart forest" role="img" aria-label="Effekt &quot;stor&quot; &lt;1"><svg aria-hidden="true" style="max-width:100%;height:auto" viewBox="0 0 10 10"><rect/></svg><figcaption>Figur: A &amp; B</figcaption></figure>',
    );
  });
  it("figureHtml(svg with its own style and aria-hidden) leaves them as they are, and no class adds nothing", () => {
    const svg = '<svg aria-hidden="true" style="width:50%"></svg>';
    expect(figureHtml(svg, { caption: "c", description: "d" })).toBe(`<figure class="chart" role="img" aria-label="d">${svg}<figcaption>c</figcaption></figure>`);
  });
});
