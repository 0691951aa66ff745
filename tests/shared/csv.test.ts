/**
 * toCsv and csvLine against hand-written RFC 4180 lines: empty for null, quotes only where a
 * cell holds a comma, a quote or a line break (quotes doubled), numbers as JavaScript writes them;
 * a text cell a spreadsheet would run as a formula gets a leading apostrophe (issue 25).
 */
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvCell, csvLine, fromCsvCell, toCsv } from "../../src/shared/csv.ts";

describe("csvLine(cells)", () => {
  it("writes null as empty, numbers as String does, and quotes only the cells that need it", () => {
    expect(csvLine(["a", null, 0, -0.5, 1e21, 0.1 + 0.2, NaN])).toBe("a,,0,-0.5,1e+21,0.30000000000000004,NaN");
    expect(csvLine(['say "hi"', "a,b", "two\nlines", "cr\r", "plain"])).toBe('"say ""hi""","a,b","two\nlines","cr\r",plain');
    expect(csvLine([null, null])).toBe(",");
    expect(csvLine([])).toBe("");
  });
});

describe("toCsv(header, rows)", () => {
  it("joins the header and each row with LF and ends with one", () => {
    expect(toCsv(["id", "value"], [["P1", 2], ["P2", null]])).toBe("id,value\nP1,2\nP2,\n");
    expect(toCsv(["id"], [])).toBe("id\n");
  });
});

/** What a spreadsheet takes as a formula: OWASP's list (=, +, -, @, tab, CR), unless a plain number or a lone dash. */
const formulaLike = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?((\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?|\d{1,3}([.,\u00a0 ]\d{3})+([.,]\d+)?)$/.test(cell) && !/^[-–—]$/.test(cell);

describe("csvCell and fromCsvCell (no formulas leave)", () => {
  const attacks = ['=HYPERLINK("http://x","click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1", "-x", "+", "'=1", "''@x"];
  it.each(attacks)("csvLine writes %j with a leading apostrophe, and csv-parse reads back no formula", (attack) => {
    const line = csvLine([attack, "ok"]);
    const [cells] = parse(line + "\n") as string[][];
    expect(cells![0]!.startsWith("'")).toBe(true);
    expect(cells!.some(formulaLike)).toBe(false);
    expect(fromCsvCell(cells![0]!)).toBe(attack);
  });

  it("leaves numbers, signed plain numbers, placeholders and ordinary text as they are", () => {
    expect(csvLine([-3.5, "-3.5", "-0,125", "+4", "-1e-5", "-1.234.567,89", "-", "–", "—", "abc", "'abc", "", "a=b"])).toBe("-3.5,-3.5,\"-0,125\",+4,-1e-5,\"-1.234.567,89\",-,–,—,abc,'abc,,a=b");
  });

  it("fromCsvCell inverts csvCell on every text, apostrophes in front included", () => {
    for (const text of [...attacks, "'", "''", "'abc", "''abc", "-3", "", "x'"]) expect(fromCsvCell(csvCell(text))).toBe(text);
  });

  it("toCsv neutralises the header and every row", () => {
    const text = toCsv(["=a", "b"], [["@c", 1], ["-2+3", -2]]);
    expect(text).toBe("'=a,b\n'@c,1\n'-2+3,-2\n");
    expect((parse(text) as string[][]).flat().some(formulaLike)).toBe(false);
  });
});
