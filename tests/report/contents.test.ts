/** The table of contents: every section and its own sub-headings linked, none of the headings inside a figure or a diagram. */
import { describe, expect, it } from "vitest";
import { withContents } from "../../src/report/contents.ts";

describe("withContents(body, heading)", () => {
  it("links each section and the sub-headings directly in it, numbering them per section", () => {
    const body =
      '<section id="summary"><h2>Sammenfatning</h2><p>x</p></section>\n' +
      '<section id="consort"><h2>Forløb</h2><div class="consort"><div class="arm"><h3>Kontrolgruppe</h3></div></div></section>\n' +
      '<section id="savings"><h2>Besparelser</h2><h3>Case A</h3><figure><h3>inde i figuren</h3></figure><h3>Case B &amp; C</h3></section>';
    const { body: out, contents } = withContents(body, "Indhold");
    expect(contents).toBe(
      '<nav class="contents" aria-label="Indhold"><h2>Indhold</h2><ol>' +
        '<li><a href="#summary">Sammenfatning</a></li>' +
        '<li><a href="#consort">Forløb</a></li>' +
        '<li><a href="#savings">Besparelser</a><ol><li><a href="#savings-1">Case A</a></li><li><a href="#savings-2">Case B &amp; C</a></li></ol></li>' +
        "</ol></nav>",
    );
    expect(out).toContain('<h3 id="savings-1">Case A</h3><figure><h3>inde i figuren</h3></figure><h3 id="savings-2">Case B &amp; C</h3>');
    expect(out).toContain("<h3>Kontrolgruppe</h3>");
  });
});
