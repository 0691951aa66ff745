/**
 * The report as its readers see it, in headless Chromium: report.html and status.html of the shipped examples in
 * Danish and English, the matched spec and a quarterly pair (--compare), and the portfolio's status.html over both
 * shipped runs, each on screen and in A4 print emulation. No console errors; no element wider than the page; no word
 * or number of a table cell set over two lines, and none wider than its cell (the column narrower than its longest
 * word), both measured in the laid-out page; every chart axis titled; every contents link leads to an element and every section is in the contents; every
 * table titled; the Danish visible-text check passes; years (numeric tick labels) ascend on every x axis; a matched
 * run never says "Randomiseret"; and the English report (--lang en) holds no Danish word. Skipped, and says so, when no Chromium is installed (.ci/run installs it).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../pipeline/cli.ts";
import { sharedRun } from "../runs/sharedRun.ts";
import type { SharedRunName } from "../runs/recipes.ts";
import { A4_CONTENT_WIDTH, Browser, CHROMIUM } from "./browser.ts";
import { PAGE_CHECKS, type PageFacts } from "./pageChecks.ts";
import { DANISH_WORDS, ENGLISH_WORDS, visibleText, wordsFrom } from "./visibleText.ts";

const root = mkdtempSync(join(tmpdir(), "effekt-chromium-runs-"));

interface Case {
  readonly name: string;
  readonly spec: string;
  /** The shared run (tests/runs/recipes.ts). */
  readonly run: SharedRunName;
  readonly matched: boolean;
  /** Its report draws charts with a year axis (savings by year). */
  readonly years: boolean;
  readonly lang?: "en";
  /** Checked for words of the other language (false: its spec's labels have no English yet — the language test's part of #28). */
  readonly words?: false;
}

const CASES: Case[] = [
  { name: "UngiFokus (shipped)", spec: "fixtures/ungifokus/spec.json", run: "ungifokus", matched: false, years: true },
  { name: "release (shipped)", spec: "fixtures/release/spec.json", run: "release", matched: false, years: true },
  { name: "release, matched", spec: "fixtures/release/spec-matched.json", run: "matched", matched: true, years: true },
  { name: "release, a quarter later with --compare", spec: "fixtures/release/spec.json", run: "release-compare", matched: false, years: true },
  { name: "release in English (--lang en)", spec: "fixtures/release/spec.json", run: "release-en", matched: false, years: true, lang: "en" },
  { name: "UngiFokus in English (--lang en)", spec: "fixtures/ungifokus/spec.json", run: "ungifokus-en", matched: false, years: true, lang: "en", words: false },
];

/** The portfolio's council status over the two shipped runs (`effekt portfolio`), in Danish and in English. */
const PORTFOLIOS = [
  { name: "portfolio", out: join(root, "portfolio") },
  { name: "portfolio in English (--lang en)", out: join(root, "portfolio-en"), lang: "en", words: false },
] as const;

/** How each page is looked at: on a wide and a narrower screen, and printed on A4. */
const VIEWS = [["screen", 1024], ["screen", 800], ["print", A4_CONTENT_WIDTH]] as const;

/** Names a report shows as they are in the spec: extract names and file names (ids, not words). */
function namesIn(specPath: string): string[] {
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  return Object.entries<{ file: string }>(spec.extracts).flatMap(([name, e]) => [e.file, name]).sort((a, b) => b.length - a.length);
}

/** Every way a page can fail the reader, as messages (empty: none). */
function problems(facts: PageFacts, errors: readonly string[], options: { report: boolean; matched: boolean; allowed: readonly string[]; lang?: "en"; words?: false }): string[] {
  const found: string[] = [];
  found.push(...errors.map((e) => `console: ${e}`));
  if (facts.scrollWidth > facts.pageWidth + 1) found.push(`page scrolls sideways: ${facts.scrollWidth} px content in ${facts.pageWidth} px`);
  found.push(...facts.tooWide.map((e) => `wider than the page: ${e}`));
  found.push(...facts.brokenLinks.map((id) => `contents link to nothing: #${id}`));
  if (options.report) for (const id of facts.sections) if (!facts.tocTargets.includes(id)) found.push(`section not in the contents: ${id}`);
  found.push(...facts.untitledTables.map((id) => `table without a title: ${id}`));
  found.push(...facts.brokenTokens.map((e) => `broken across lines: ${e}`));
  found.push(...facts.narrowColumns.map((e) => `column narrower than its word: ${e}`));
  found.push(...facts.untitledAxes.map((e) => `axis without a title: ${e}`));
  found.push(...facts.emptyHeaders.map((e) => `column without a header: ${e}`));
  for (const labels of facts.xAxes) {
    if (labels.some((l) => /^\d{1,2}\.\d{3}$/.test(l))) found.push(`x axis prints a year with a thousands point: ${labels.join(" ")}`);
    if (!labels.every((l) => /^\d+$/.test(l))) continue;
    const values = labels.map(Number);
    if (values.some((v, i) => i > 0 && v <= values[i - 1]!)) found.push(`x axis out of order: ${labels.join(" ")}`);
  }
  const text = visibleText(facts.html);
  if (options.words === false) {
    // Layout only.
  } else if (options.lang === "en") {
    // Quotations printed in the Danish sources ("'Break-even: År 3' (000 slide 11)") stay Danish, as in language.test.ts.
    found.push(...wordsFrom(text.replace(/ — '.*?' \((?=\d{3} )/g, " ("), DANISH_WORDS, options.allowed).map((w) => `Danish word: ${w}`));
  } else found.push(...wordsFrom(text, ENGLISH_WORDS, options.allowed).map((w) => `English word: ${w}`));
  if (options.matched && /(?<!ikke )randomiseret/i.test(text)) found.push("a matched run says Randomiseret");
  return found;
}

describe.skipIf(CHROMIUM === null)(`report.html and status.html in headless Chromium${CHROMIUM === null ? " — SKIPPED: no chromium binary found (apt-get install chromium; .ci/run installs it)" : ""}`, () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await Browser.launch();
    const [ungifokus, release] = CASES as [Case, Case];
    for (const p of PORTFOLIOS) expect(await main(["portfolio", await sharedRun(ungifokus.run), await sharedRun(release.run), "--out", p.out, ...("lang" in p ? ["--lang", p.lang] : [])])).toBe(0);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("finds what it looks for: a too-wide element, a broken contents link, an untitled table, years out of order, a console error", async () => {
    const file = join(root, "faulty.html");
    const axis = (years: number[]) => `<svg width="300" height="40"><g class="mark-group role-axis"><g class="role-axis-label">${years.map((y, i) => `<text transform="translate(${20 + 40 * i},20)">${y}</text>`).join("")}</g></g></svg>`;
    writeFileSync(file, `<!DOCTYPE html><html lang="da"><body><nav class="contents"><a href="#findes-ikke">x</a></nav><section id="a"><div style="width:3000px">bred</div><table id="table-x"><tr><td>1</td></tr></table>${axis([1, 10, 2])}</section><script>console.error("fejl")</script></body></html>`);
    await browser.open(file, "screen");
    const found = problems(await browser.evaluate<PageFacts>(PAGE_CHECKS), browser.errors, { report: true, matched: false, allowed: [] });
    expect(found.some((p) => p.startsWith("console: console.error: fejl")), found.join("\n")).toBe(true);
    expect(found.some((p) => p.startsWith("wider than the page: div")), found.join("\n")).toBe(true);
    expect(found).toContain("contents link to nothing: #findes-ikke");
    expect(found).toContain("section not in the contents: a");
    expect(found).toContain("table without a title: table-x");
    expect(found).toContain("x axis out of order: 1 10 2");
    expect(found).toContain("axis without a title: chart [1, 10, 2]");
  });

  it("finds a word or number broken across lines and a column narrower than its longest word, printed on A4", async () => {
    const file = join(root, "squeezed.html");
    const cells = "<tr><td>Indskrevet</td><td>1.763.973 kr.</td><td>2024-12-31</td></tr>";
    writeFileSync(file, `<!DOCTYPE html><html lang="da"><body>
<table id="table-anywhere" style="width:60px"><caption>a</caption><tr><th style="overflow-wrap:anywhere">Planlagt</th></tr><tr><td style="overflow-wrap:anywhere">23987654</td></tr></table>
<table id="table-fixed" style="table-layout:fixed;width:90px"><caption>b</caption>${cells}</table>
<table id="table-fits"><caption>c</caption>${cells}</table>
<table id="table-unheaded"><caption>d</caption><thead><tr><th>n</th><th></th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>
</body></html>`);
    await browser.open(file, "print");
    const found = problems(await browser.evaluate<PageFacts>(PAGE_CHECKS), browser.errors, { report: false, matched: false, allowed: [] });
    expect(found, found.join("\n")).toEqual(expect.arrayContaining([
      expect.stringMatching(/^broken across lines: table-anywhere: "Planlagt" over \d lines$/),
      expect.stringMatching(/^broken across lines: table-anywhere: "23987654" over \d lines$/),
      expect.stringMatching(/^broken across lines: table-fixed: "2024-12-31" over \d lines$/),
      expect.stringMatching(/^column narrower than its word: table-fixed: "Indskrevet" \d+ px in \d+ px$/),
      "column without a header: table-unheaded column 2",
    ]));
    expect(found.filter((p) => p.includes("table-fits")), found.join("\n")).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.name}: report.html and status.html on screen and on A4`, async () => {
      const allowed = namesIn(c.spec);
      for (const pageName of ["report.html", "status.html"]) {
        for (const [media, width] of VIEWS) {
          await browser.open(join(await sharedRun(c.run), "report", pageName), media, width);
          const facts = await browser.evaluate<PageFacts>(PAGE_CHECKS);
          const where = `${pageName} (${media === "print" ? `A4, ${A4_CONTENT_WIDTH} px` : `screen, ${width} px`})`;
          expect(problems(facts, browser.errors, { report: pageName === "report.html", matched: c.matched, allowed, ...(c.lang ? { lang: c.lang } : {}), ...(c.words === false ? { words: false as const } : {}) }), where).toEqual([]);
          if (pageName === "report.html") {
            expect(facts.tocTargets.length, `${where}: the contents`).toBeGreaterThanOrEqual(facts.sections.length);
            if (c.years) expect(facts.xAxes.filter((labels) => labels.every((l) => /^\d+$/.test(l))).length, `${where}: charts with a year axis`).toBeGreaterThan(0);
          }
        }
      }
    });
  }

  for (const p of PORTFOLIOS) {
    it(`${p.name}: status.html on screen and on A4`, async () => {
      for (const [media, width] of VIEWS) {
        await browser.open(join(p.out, "status.html"), media, width);
        const facts = await browser.evaluate<PageFacts>(PAGE_CHECKS);
        const where = `${p.name} status.html (${media === "print" ? `A4, ${A4_CONTENT_WIDTH} px` : `screen, ${width} px`})`;
        expect(problems(facts, browser.errors, { report: false, matched: false, allowed: namesIn(CASES[0]!.spec).concat(namesIn(CASES[1]!.spec)), ...("lang" in p ? { lang: p.lang, words: false as const } : {}) }), where).toEqual([]);
      }
    });
  }
});
