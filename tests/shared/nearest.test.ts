import { describe, expect, it } from "vitest";
import { editDistance, nearest } from "../../src/shared/nearest.ts";

describe("nearest", () => {
  it("editDistance(a, b) is the Levenshtein distance: kitten → sitting 3, '' → abc 3, equal words 0", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("flaw", "lawn")).toBe(2);
    expect(editDistance("as-of", "as-of")).toBe(0);
  });

  it("nearest(word, candidates) finds the likely typo, ignoring case: --as_of → --as-of", () => {
    expect(nearest("--as_of", ["--out", "--as-of", "--force"])).toBe("--as-of");
    expect(nearest("ESTIMATE", ["ingest", "estimate"])).toBe("estimate");
  });

  it("nearest(word, candidates) is null when no candidate is within max(2, ⌊length/3⌋) edits", () => {
    expect(nearest("portfolio", ["run", "report"])).toBeNull();
    expect(nearest("x", [])).toBeNull();
    // 'reprt' is one edit from 'report'; 'zzzzzz' is six from every six-letter word.
    expect(nearest("reprt", ["report"])).toBe("report");
    expect(nearest("zzzzzz", ["report"])).toBeNull();
  });
});
