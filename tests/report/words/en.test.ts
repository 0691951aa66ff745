/** The en words: every id of every union has words of its own, in en, never the id, and never the other language's. */
import { describe, expect, it } from "vitest";
import { IDS_EN } from "../../../src/report/words/en.ts";
import { IDS_DA } from "../../../src/report/words/da.ts";
import { noteFormat } from "../../../src/report/i18n.ts";
import { NOTE_CODES } from "../../../src/shared/note.ts";
import { sampleParams } from "./wordsFixture.ts";

const format = noteFormat("en", (id) => (id === "treatment" ? "the programme group" : id));

describe("IDS_EN.notes", () => {
  it("has words for every note code, none of them the code, with every parameter filled in", () => {
    expect(Object.keys(IDS_EN.notes).sort()).toEqual([...NOTE_CODES].sort());
    for (const code of NOTE_CODES) {
      const text = (IDS_EN.notes[code] as (p: unknown, f: typeof format) => string)(sampleParams(code), format);
      expect(text, code).not.toContain(code);
      expect(text, code).not.toMatch(/(?<!is )undefined|NaN|\[object|\$\{/);
      expect(text.length, code).toBeGreaterThan(3);
    }
  });

  it("differs from the da words for every note code (no code falls back to the other language)", () => {
    for (const code of NOTE_CODES) {
      const mine = (IDS_EN.notes[code] as (p: unknown, f: typeof format) => string)(sampleParams(code), format);
      const theirs = (IDS_DA.notes[code] as (p: unknown, f: typeof format) => string)(sampleParams(code), noteFormat("da", (id) => id));
      expect(mine, code).not.toBe(theirs);
    }
  });
});

describe("IDS_EN names", () => {
  it("names every estimator, check and extract kind in words, not by its id, and differently from da", () => {
    for (const group of ["estimators", "checks", "extractKinds"] as const) {
      const mine = IDS_EN[group] as Record<string, string>;
      const theirs = IDS_DA[group] as Record<string, string>;
      expect(Object.keys(mine).sort(), group).toEqual(Object.keys(theirs).sort());
      for (const [id, words] of Object.entries(mine)) {
        expect(words, id).not.toBe(id);
        expect(words.includes("_"), id).toBe(false);
      }
    }
  });

});
