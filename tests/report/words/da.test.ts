/** The da words: every id of every union has words of its own, in da, never the id, and never the other language's. */
import { describe, expect, it } from "vitest";
import { IDS_DA } from "../../../src/report/words/da.ts";
import { IDS_EN } from "../../../src/report/words/en.ts";
import { noteFormat } from "../../../src/report/i18n.ts";
import { NOTE_CODES } from "../../../src/shared/note.ts";
import { sampleParams } from "./wordsFixture.ts";

const format = noteFormat("da", (id) => (id === "treatment" ? "indsatsgruppen" : id));

describe("IDS_DA.notes", () => {
  it("has words for every note code, none of them the code, with every parameter filled in", () => {
    expect(Object.keys(IDS_DA.notes).sort()).toEqual([...NOTE_CODES].sort());
    for (const code of NOTE_CODES) {
      const text = (IDS_DA.notes[code] as (p: unknown, f: typeof format) => string)(sampleParams(code), format);
      expect(text, code).not.toContain(code);
      expect(text, code).not.toMatch(/(?<!is )undefined|NaN|\[object|\$\{/);
      expect(text.length, code).toBeGreaterThan(3);
    }
  });

  it("differs from the en words for every note code (no code falls back to the other language)", () => {
    for (const code of NOTE_CODES) {
      const mine = (IDS_DA.notes[code] as (p: unknown, f: typeof format) => string)(sampleParams(code), format);
      const theirs = (IDS_EN.notes[code] as (p: unknown, f: typeof format) => string)(sampleParams(code), noteFormat("en", (id) => id));
      expect(mine, code).not.toBe(theirs);
    }
  });
});

describe("IDS_DA names", () => {
  it("names every estimator, check and extract kind in words, not by its id, and differently from en", () => {
    for (const group of ["estimators", "checks", "extractKinds"] as const) {
      const mine = IDS_DA[group] as Record<string, string>;
      const theirs = IDS_EN[group] as Record<string, string>;
      expect(Object.keys(mine).sort(), group).toEqual(Object.keys(theirs).sort());
      for (const [id, words] of Object.entries(mine)) {
        expect(words, id).not.toBe(id);
        expect(words.includes("_"), id).toBe(false);
      }
    }
  });

});
