/** Every word of the report in its language: the visible text of the Danish report holds no English word, and the reverse. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dirname, resolve } from "node:path";
import { CHECK_IDS } from "../../src/assign/schema.ts";
import { ESTIMATOR_IDS } from "../../src/estimate/estimators.ts";
import { EXTRACT_KIND_NAMES } from "../../src/ingest/extractKinds.ts";
import { messages } from "../../src/messages.ts";
import { LEDGER_ITEM_CODES, RISK_METHODS, TERM_KINDS } from "../../src/repay/schema.ts";
import { NOTE_CODES } from "../../src/shared/note.ts";
import { sharedRun } from "../runs/sharedRun.ts";
import { DANISH_WORDS, ENGLISH_WORDS, visibleText, wordsFrom } from "./visibleText.ts";

/** Each spec's run (tests/runs/recipes.ts). */
const RUNS = { "fixtures/ungifokus/spec.json": "ungifokus", "fixtures/release/spec.json": "release", "fixtures/release/spec-matched.json": "matched" } as const;
const INVESTMENT_NAMES = ["Hjem, Job og Helhed", "Hjem, job og helhed", "Dialog mod Vold"];
const SPECS = ["fixtures/ungifokus/spec.json", "fixtures/release/spec.json", "fixtures/release/spec-matched.json"];

/** Names a report shows as they are in the spec: extract names and file names (ids, not words). */
function namesIn(specPath: string): string[] {
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  return Object.entries<{ file: string }>(spec.extracts).flatMap(([name, e]) => [e.file, name]).sort((a, b) => b.length - a.length);
}

/** Every id of the id unions the stages write: none of them is a word a reader should meet. */
const UNION_IDS: readonly string[] = [...ESTIMATOR_IDS, ...NOTE_CODES, ...CHECK_IDS, ...Object.keys(messages.rule), ...EXTRACT_KIND_NAMES, ...LEDGER_ITEM_CODES, ...TERM_KINDS, ...RISK_METHODS, "wald_f_interactions_hc2"];

/** The ids a spec gives its extracts, contracts and business cases (the files it names, read for their `name`). */
function specIds(specPath: string): string[] {
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  const here = dirname(specPath);
  const named = (files: unknown) => (Array.isArray(files) ? files : files === undefined ? [] : [files]).flatMap((file: string) => {
    const name = (JSON.parse(readFileSync(resolve(here, file), "utf8")) as { name?: unknown }).name;
    return typeof name === "string" ? [name] : [];
  });
  return [...Object.keys(spec.extracts), ...named(spec.contract), ...named(spec.assumptions)];
}

/**
 * The ids in a page's visible text, each with a little context. Tokens that are paths or file names (the manifest's
 * inputs, the data-quality table's files) are left out: a file is named by its name. Matching is case-sensitive and
 * on whole tokens, so "OLS" is words and "ols" an id; in English, an id that is an English word ("population") is
 * checked only where it is id-shaped (with "_" or "-").
 */
function idsIn(text: string, ids: readonly string[], lang: "da" | "en"): string[] {
  const tokens = text.split(" ").filter((t) => !t.includes("/") && !/\.(csv|json|xlsx|html)\b/.test(t)).join(" ");
  const shaped = (id: string) => /[_-]/.test(id) || lang === "da" || ["cace", "logrank", "rmst", "ols", "lin", "cox"].includes(id);
  return [...new Set(ids)].filter(shaped).flatMap((id) => {
    const at = new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`).exec(tokens);
    return at ? [`${id} … ${tokens.slice(Math.max(0, at.index - 40), at.index + id.length + 20)}`] : [];
  });
}

describe("visibleText(html) and wordsFrom(text, words)", () => {
  it("idsIn(text, ids, lang) finds an id as a whole token, not inside a word or a file name", () => {
    const text = "Kontrakt laer-for-livet; Forskel i gennemsnit (OLS); fil population.csv; populationen; difference_in_means";
    expect(idsIn(text, ["laer-for-livet", "ols", "population", "difference_in_means"], "da").map((f) => f.split(" ")[0])).toEqual(["laer-for-livet", "difference_in_means"]);
  });

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
        expect(idsIn(visibleText(html), [...UNION_IDS, ...specIds(spec)], "da"), page).toEqual([]);
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
      expect(idsIn(visibleText(html), [...UNION_IDS, ...specIds(SPECS[0]!)], "en"), page).toEqual([]);
    }
  });
});
