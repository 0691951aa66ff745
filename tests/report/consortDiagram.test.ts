/** The CONSORT drawing's text: wrapped to its box, never cut (every word kept, in order). */
import { describe, expect, it } from "vitest";
import { consortSvg, wrapText } from "../../src/report/consortDiagram.ts";

describe("wrapText(text, width, size)", () => {
  it("wraps «Ufuldstændige data (afvist eller modstridende række)» into lines of at most 20 characters at 100 px and 8 px (0,6 × 8 = 4,8 px a character)", () => {
    const lines = wrapText("Ufuldstændige data (afvist eller modstridende række)", 100, 8);
    expect(lines).toEqual(["Ufuldstændige data", "(afvist eller", "modstridende række)"]);
  });
  it("breaks a word longer than a line with a hyphen and keeps every letter", () => {
    expect(wrapText("abcdefghij", 24, 10)).toEqual(["abc-", "def-", "ghij"]);
  });
});

describe("consortSvg(diagram)", () => {
  it("is the same text for the same diagram, and a box per stage", () => {
    const box = (label: string, value: string) => ({ title: { label, value }, lines: [] });
    const arm = { pool: null, allocation: box("Allocated", "50"), followUp: box("Follow-up", "8"), analysis: box("Analysed", "40") };
    const diagram = { bands: { enrolment: "E", allocation: "A", followUp: "F", analysis: "N" }, assessed: box("Assessed", "100"), side: [box("Excluded", "&lt;5")], split: box("Randomised", "100"), arms: [arm, arm] };
    const svg = consortSvg(diagram);
    expect(consortSvg(diagram)).toBe(svg);
    expect(svg.match(/stroke="#1f5f8b"/g)).toHaveLength(3 + 2 * 3);
    expect(svg).toContain(">&lt;5</text>");
  });
});
