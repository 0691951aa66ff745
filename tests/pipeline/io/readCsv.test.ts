import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectDialect, readCsvRows, sniffDelimiter, sniffEncoding } from "../../../pipeline/io/readCsv.ts";
import { messages } from "../../../src/messages.ts";
import type { RawRow } from "../../../src/ingest/schema.ts";

const dir = mkdtempSync(join(tmpdir(), "effekt-csv-"));
function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
async function readAll(path: string, given = {}): Promise<{ dialect: Awaited<ReturnType<typeof detectDialect>>; rows: RawRow[] }> {
  const dialect = await detectDialect(path, given);
  const rows: RawRow[] = [];
  for await (const row of readCsvRows(path, "test.csv", dialect)) rows.push(row);
  return { dialect, rows };
}

describe("readCsvRows", () => {
  it("reads ';' + CRLF + Windows-1252 and detects all three (decimal ',' follows from ';')", async () => {
    const path = file("cp1252.csv", Buffer.from("PersonNøgle;Beløb\r\nA;1.234,50\r\nÆ;2\r\n", "latin1"));
    const { dialect, rows } = await readAll(path);
    expect(dialect).toEqual({ delimiter: ";", encoding: "windows-1252", decimal: ",", detected: ["encoding", "delimiter", "decimal"] });
    expect(rows).toEqual([
      { line: 1, fields: ["PersonNøgle", "Beløb"] },
      { line: 2, fields: ["A", "1.234,50"] },
      { line: 3, fields: ["Æ", "2"] },
    ]);
  });

  it("reads ',' + UTF-8 with BOM, and strips the BOM from the first column name", async () => {
    const path = file("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("PNR,Måned\nA,2022-01\n", "utf8")]));
    const { dialect, rows } = await readAll(path);
    expect(dialect.encoding).toBe("utf-8");
    expect(dialect.delimiter).toBe(",");
    expect(rows[0]).toEqual({ line: 1, fields: ["PNR", "Måned"] });
  });

  it("reads tab-separated UTF-8 without BOM, with quoted delimiters and empty lines", async () => {
    const path = file("tab.csv", 'id\tnote\n\nA\t"x\ty"\nB\tø\n');
    const { dialect, rows } = await readAll(path);
    expect(dialect.delimiter).toBe("\t");
    expect(rows).toEqual([
      { line: 1, fields: ["id", "note"] },
      { line: 3, fields: ["A", "x\ty"] },
      { line: 4, fields: ["B", "ø"] },
    ]);
  });

  it("uses the spec's dialect over detection", async () => {
    const path = file("given.csv", Buffer.from("a;b\nø;1,5\n", "latin1"));
    const { dialect } = await readAll(path, { delimiter: ";", encoding: "windows-1252", decimal: "." });
    expect(dialect).toEqual({ delimiter: ";", encoding: "windows-1252", decimal: ".", detected: [] });
  });

  it("yields an unterminated quote as a malformed row with its line and text", async () => {
    const path = file("quote.csv", 'a,b\n1,2\n3,"4\n');
    const { rows } = await readAll(path);
    expect(rows[2]).toMatchObject({ line: 3, raw: '3,"4' });
    expect(rows[2]).toHaveProperty("malformed");
  });

  it("stops with a clear message when a UTF-8 file holds a Windows-1252 byte after the sniffed part", async () => {
    const path = file("late.csv", Buffer.concat([Buffer.from("a,b\n" + "x,1\n".repeat(20_000), "utf8"), Buffer.from("ø,2\n", "latin1")]));
    await expect(readAll(path)).rejects.toThrow(`test.csv: ${messages.notUtf8()}`);
  });
});

describe("sniffing", () => {
  it("sniffDelimiter counts delimiters outside quotes", () => {
    expect(sniffDelimiter('"a;b",c,d')).toBe(",");
    expect(sniffDelimiter("a;b;c")).toBe(";");
    expect(sniffDelimiter("single")).toBe(",");
  });

  it("sniffEncoding keeps a UTF-8 character cut at the end of the sample as UTF-8", () => {
    const bytes = Buffer.from("abcø", "utf8");
    expect(sniffEncoding(bytes.subarray(0, bytes.length - 1), false)).toBe("utf-8");
    expect(sniffEncoding(Buffer.from("abcø", "latin1"), true)).toBe("windows-1252");
  });
});

describe("physical line numbers (a record is numbered by the line it starts on; CRLF, LF and a lone CR each end a line)", () => {
  it.each([
    ["a;b\n1;2\r\n3;4\n5;6", [1, 2, 3, 4]],
    ["a;b\r\n1;2\r", [1, 2]],
    ['a;b\n1;"x\r\ny"\r\n3;4\n', [1, 2, 4]],
    ['a;b\n1;"x\ry"\n3;4\n', [1, 2, 4]],
    ["a;b\r\n\r\n\r\n1;2\r\n", [1, 4]],
    ['a;b\r\n1;"\r\n"\r\n2;"\n\n"\r\n3;4', [1, 2, 4, 7]],
    ["a;b\r\n1;2\r\r\n3;4\r\n", [1, 2, 4]],
    ["a;b\r1;2\r3;4", [1, 2, 3]],
  ] as const)("%j", async (text, lines) => {
    const { rows } = await readAll(file("lines.csv", text));
    expect(rows.map((r) => r.line)).toEqual(lines);
    expect(rows.every((r) => !("fields" in r) || r.fields.every((f) => !f.endsWith("\r")))).toBe(true);
  });
});

describe("UTF-16 and Excel's sep= line", () => {
  it.each(["utf-16le", "utf-16be"] as const)("%s with BOM: detected, read, BOM not in the first column name", async (encoding) => {
    const le = Buffer.from("\ufeffPersonNøgle\tBeløb\r\nÆ1\t1,5\r\n", "utf16le");
    const { dialect, rows } = await readAll(file(`${encoding}.txt`, encoding === "utf-16le" ? le : Buffer.from(le).swap16()));
    expect(dialect).toEqual({ delimiter: "\t", encoding, decimal: ".", detected: ["encoding", "delimiter", "decimal"] });
    expect(rows).toEqual([
      { line: 1, fields: ["PersonNøgle", "Beløb"] },
      { line: 2, fields: ["Æ1", "1,5"] },
    ]);
  });

  it("sep=; names the delimiter (and so the decimal comma), is skipped, and the header is line 2", async () => {
    const { dialect, rows } = await readAll(file("sep.csv", "sep=;\r\na,x;b\r\n1,5;2\r\n"));
    expect(dialect).toEqual({ delimiter: ";", encoding: "utf-8", decimal: ",", detected: ["encoding", "delimiter", "decimal"], sepLine: true });
    expect(rows).toEqual([
      { line: 2, fields: ["a,x", "b"] },
      { line: 3, fields: ["1,5", "2"] },
    ]);
  });

  it("a sep= line naming a delimiter effekt does not read stops the run", async () => {
    await expect(readAll(file("pipe.csv", "sep=|\na|b\n"))).rejects.toThrow(messages.sepLineUnsupported());
  });
});

describe("UTF-16 without a byte-order mark", () => {
  it("reads when the encoding is declared", async () => {
    const { rows } = await readAll(file("nobom.txt", Buffer.from("a\tb\r\n1\t2\r\n", "utf16le")), { encoding: "utf-16le" });
    expect(rows).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
    ]);
  });
});
