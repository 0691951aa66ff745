import { describe, expect, it } from "vitest";
import { bodyLineStop, CellTable, handOver, LineFields, peekHeader, scanRows } from "../../../src/ingest/bytes/handOver.ts";
import type { RawRow } from "../../../src/ingest/schema.ts";

const SEMICOLON = ";".charCodeAt(0);
const header: RawRow = { line: 1, fields: ["id", "value"] };
/** The file in chunks cut mid-line, as a stream delivers it. */
const chunksOf = (text: string, size: number) => async function* () {
  const bytes = Buffer.from(text, "latin1");
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
};
const text = "id;value\r\nA1;x\n\nB2;y\r\nA3;z";
async function all<T>(rows: AsyncIterable<T | T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(...(Array.isArray(r) ? r : [r]));
  return out;
}

describe("handOver(bytes, header, delimiter, take, onRow, cuts)", () => {
  for (const size of [3, 7, 100]) {
    it(`handOver(chunks of ${size} bytes) offers lines 2, 4, 5 (not the header or the empty line 3) and yields the declined B2 as text`, async () => {
      const taken: [number, string][] = [];
      let rows = 0;
      const take = (data: Buffer, start: number, stop: number, line: number) => {
        if (data[start] !== "A".charCodeAt(0)) return false;
        taken.push([line, data.toString("latin1", start, stop)]);
        return true;
      };
      const yielded = await all(handOver(chunksOf(text, size), header, SEMICOLON, take, () => (rows += 1)));
      expect(yielded).toEqual([header, { line: 4, fields: ["B2", "y"] }]);
      expect(taken).toEqual([[2, "A1;x"], [5, "A3;z"]]);
      expect(rows).toBe(3);
    });
  }
  it("handOver(…, cuts) gives each line's delimiter positions and their count, capped at cuts.length + 1", async () => {
    const seen: [number, number, number[]][] = [];
    const cuts = new Int32Array(1);
    const take = (_data: Buffer, start: number, _stop: number, line: number, cutCount: number) => {
      seen.push([line, cutCount, [cuts[0]! - start]]);
      return true;
    };
    await all(handOver(chunksOf("h\nab;c\nx;y;z;w\n", 100), { line: 1, fields: ["h"] }, SEMICOLON, take, () => {}, cuts));
    expect(seen).toEqual([[2, 1, [2]], [3, 2, [1]]]);
  });
});

describe("scanRows, LineFields, CellTable, bodyLineStop and peekHeader", () => {
  it("scanRows(bytes, header, ;, offer) gives the offered row or the line as text, in file order", async () => {
    const offer = (data: Buffer, start: number) => (data[start] === "A".charCodeAt(0) ? { parsed: data.toString("latin1", start, start + 2) } : null);
    expect(await all(scanRows(chunksOf(text, 5), header, SEMICOLON, offer))).toEqual([header, { parsed: "A1" }, { line: 4, fields: ["B2", "y"] }, { parsed: "A3" }]);
  });
  it("LineFields(3).place(start, stop, cutCount) places fields between the cuts; another field count is refused", () => {
    const fields = new LineFields(3);
    fields.cuts.set([12, 15]);
    expect(fields.place(10, 20, 2)).toBe(true);
    expect([...fields.starts]).toEqual([10, 13, 16]);
    expect([...fields.ends]).toEqual([12, 15, 20]);
    expect(fields.place(10, 20, 1)).toBe(false);
  });
  it("CellTable(parse).get(bytes) parses each distinct text once", () => {
    let calls = 0;
    const table = new CellTable((t) => {
      calls += 1;
      return t.toUpperCase();
    });
    const data = Buffer.from("ab|cd|ab", "latin1");
    expect([table.get(data, 0, 2), table.get(data, 3, 5), table.get(data, 6, 8), table.getNear(data, 6, 8)]).toEqual(["AB", "CD", "AB", "AB"]);
    expect(calls).toBe(2);
  });
  it("bodyLineStop(…) is −1 for a header line and an empty line, and drops one \\r", () => {
    const data = Buffer.from("ab\r\n\r\n", "latin1");
    expect(bodyLineStop(data, 0, 3, 1, 1)).toBe(-1);
    expect(bodyLineStop(data, 0, 3, 2, 1)).toBe(2);
    expect(bodyLineStop(data, 4, 5, 3, 1)).toBe(-1);
  });
  it("peekHeader(rows) gives the first row and the whole stream again", async () => {
    async function* rows() {
      yield header;
      yield [{ line: 2, fields: ["a", "b"] }];
    }
    const { header: first, again } = await peekHeader(rows());
    expect(first).toEqual(header);
    expect(await all(again)).toEqual([header, { line: 2, fields: ["a", "b"] }]);
  });
});
