/** Every word of the report in its language: the visible text of the Danish report holds no English word, and the reverse. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sharedRun } from "../runs/sharedRun.ts";
import { DANISH_WORDS, ENGLISH_WORDS, visibleText, wordsFrom } from "./visibleText.ts";

const INVESTMENT_NAMES = ["Hjem, Job og Helhed", "Hjem, job og helhed", "Dialog mod Vold"];
const SPECS = ["fixtures/ungifokus/spec.json", "fixtures/release/spec.json", "fixtures/release/spec-matched.json"];
/** Each spec's run (tests/runs/recipes.ts). */
const RUNS = { "fixtures/ungifokus/spec.json": "ungifokus", "fixtures/release/spec.json": "release", "fixtures/release/spec-matched.json": "matched" } as const;

/** Names a report shows as they are in the spec: extract names and file names (ids, not words). */
function namesIn(specPath: string): string[] {
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  return Object.entries<{ file: string }>(spec.extracts).flatMap(([name, e]) => [e.file, name]).sort((a, b) => b.length - a.length);
}

describe("visibleText(html) and wordsFrom(text, words)", () => {
  it("finds an English word in a cell, an SVG text and an aria label, and not in the style", () => {
    const html = '<html><head><style>.the{}</style><title>Rapport</title></head><body><td>treatment</td><svg><text>years</text></svg><div aria-label="the flow"></div></body></html>';
    expect(wordsFrom(visibleText(html), ENGLISH_WORDS).map((w) => w.split(" ")[0])).toEqual(["treatment", "years", "the"]);
  });
});

describe("the report speaks one language", () => {
  for (const spec of SPECS) {
    it(`${spec}: the Danish report and status page hold no English word`, async () => {
      const out = await sharedRun(RUNS[spec as keyof typeof RUNS]);
      for (const page of ["report.html", "status.html"]) {
        const html = readFileSync(join(out, "report", page), "utf8");
        expect(wordsFrom(visibleText(html), ENGLISH_WORDS, namesIn(spec)), page).toEqual([]);
        if (spec.includes("matched")) expect(visibleText(html), page).not.toMatch(/(?<!ikke )randomiseret/i);
      }
    });
  }

  it("the English report (--lang en) holds no Danish word", async () => {
    const out = await sharedRun("ungifokus-en");
    for (const page of ["report.html", "status.html"]) {
      const html = readFileSync(join(out, "report", page), "utf8");
      // Quotations printed in the Danish sources ('en besparelse på 4,2 mio. kr. over 5 år') and the investments' names stay Danish.
      const text = visibleText(html).replace(/ — '.*?' \((?=\d{3} )/g, " (");
      expect(wordsFrom(text, DANISH_WORDS, [...namesIn(SPECS[0]!), ...INVESTMENT_NAMES]), page).toEqual([]);
    }
  });
});
