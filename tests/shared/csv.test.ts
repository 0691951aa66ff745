/**
 * toCsv and csvLine against hand-written RFC 4180 lines: empty for null, quotes only where a
 * cell holds a comma, a quote or a line break (quotes doubled), numbers as JavaScript writes them.
 */
import { describe, expect, it } from "vitest";
import { csvLine, toCsv } from "../../src/shared/csv.ts";

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
