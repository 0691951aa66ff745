import { describe, expect, it } from "vitest";
import { sheetExtent } from "../../src/ingest/sheetExtent.ts";

describe("sheetExtent(xml)", () => {
  it("sheetExtent reads the last row and column from <row r> and <c r>, and <dimension ref>'s far corner", () => {
    const xml = `<worksheet><dimension ref="B2:AB30"/><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c s="2" r="C1"/></row><row r="7"><c r="AA7"><v>1</v></c></row></sheetData></worksheet>`;
    // AA = 26 + 1 = 27; AB = 28.
    expect(sheetExtent(xml)).toEqual({ rows: 7, columns: 27, declared: { rows: 30, columns: 28 } });
  });

  it("sheetExtent gives XFD1048576 as 1,048,576 rows × 16,384 columns (XFD = 24·676 + 6·26 + 4)", () => {
    expect(sheetExtent(`<dimension ref="A1:XFD1048576"/><sheetData><row r="1048576"><c r="XFD1048576"/></row></sheetData>`)).toEqual({
      rows: 1_048_576,
      columns: 16_384,
      declared: { rows: 1_048_576, columns: 16_384 },
    });
  });

  it("sheetExtent reads prefixed elements and single quotes, and skips <col>, <cols>, <rowBreaks> and <c:chart>", () => {
    const xml = `<x:worksheet><x:dimension ref='A1'/><x:cols><x:col min="1" max="16384" r="Z99"/></x:cols><x:sheetData><x:row r='3'><x:c r='D3'/></x:row></x:sheetData><x:rowBreaks r="900"/><c:chart r="ZZ999"/></x:worksheet>`;
    expect(sheetExtent(xml)).toEqual({ rows: 3, columns: 4, declared: { rows: 1, columns: 1 } });
  });

  it("sheetExtent counts a reference no Excel writes (more than 3 letters or 7 digits, or not a reference) as Infinity", () => {
    expect(sheetExtent(`<row r="123456789"/>`).rows).toBe(Infinity);
    expect(sheetExtent(`<c r="ABCD1"/>`).columns).toBe(Infinity);
    expect(sheetExtent(`<c r="1A"/>`)).toMatchObject({ rows: Infinity, columns: Infinity });
  });

  it("sheetExtent of a sheet without cells or dimension is empty", () => {
    expect(sheetExtent(`<worksheet><sheetData/></worksheet>`)).toEqual({ rows: 0, columns: 0, declared: null });
  });
});
