/** classifyBytes: what a file is from its first and last bytes (signatures from the formats' specifications). */
import { describe, expect, it } from "vitest";
import { classifyBytes } from "../../../pipeline/io/sniffFile.ts";

const bytes = (text: string) => Buffer.from(text, "latin1");
const none = Buffer.alloc(0);

describe("classifyBytes", () => {
  it("an .xlsx workbook is a ZIP naming xl/workbook.xml (at the start or in the central directory at the end)", () => {
    expect(classifyBytes(bytes("PK\x03\x04....xl/workbook.xml"), none)).toEqual({ kind: "xlsx" });
    expect(classifyBytes(bytes("PK\x03\x04....[Content_Types].xml"), bytes("PK\x01\x02 xl/workbook.xml"))).toEqual({ kind: "xlsx" });
  });
  it.each([
    ["PK\x03\x04data.csv", "a ZIP archive"],
    ["PK\x03\x04word/document.xml", "a Word document"],
    ["%PDF-1.7", "a PDF document"],
    ["\x1f\x8b\x08\x00", "a gzip-compressed file"],
    ["\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-format Excel (.xls)"],
    ["a;b\n1;\x002\n", "a binary file (it holds NUL bytes)"],
    ["a\x00;\x00b\x00\n\x00", "UTF-16 text without a byte-order mark"],
  ])("%j is named as %s", (head, what) => {
    const kind = classifyBytes(bytes(head), none);
    expect(kind.kind).toBe("binary");
    expect("what" in kind && kind.what).toContain(what);
  });
  it("text, and UTF-16 with a BOM, are text", () => {
    expect(classifyBytes(bytes("PersonNøgle;Uge\n"), none)).toEqual({ kind: "text" });
    expect(classifyBytes(Buffer.from("\ufeffa\tb", "utf16le"), none)).toEqual({ kind: "text" });
    expect(classifyBytes(Buffer.from("a\tb\r\n", "utf16le"), none, true)).toEqual({ kind: "text" }); // declared utf-16le
  });
});
