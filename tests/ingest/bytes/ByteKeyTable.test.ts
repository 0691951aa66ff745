/**
 * ByteKeyTable against a Map of the same keys as strings: random keys of 0 to 12 bytes (the
 * fingerprint covers up to 8, longer keys are compared byte by byte), looked up by get and by getNear
 * in runs and sequences, and keys that differ only in their middle or their length.
 */
import { describe, expect, it } from "vitest";
import { ByteKeyTable } from "../../../src/ingest/bytes/ByteKeyTable.ts";
import { randomInteger, seededRandom } from "../../../src/shared/random.ts";

describe("ByteKeyTable", () => {
  it("finds exactly the keys a Map of their texts finds, by get and by getNear", () => {
    const random = seededRandom(17);
    const alphabet = "ab0\u0000\u00ff";
    const keyOf = () => Array.from({ length: randomInteger(random, 13) }, () => alphabet[randomInteger(random, alphabet.length)]).join("");
    const table = new ByteKeyTable(4);
    const reference = new Map<string, number>();
    for (let i = 0; i < 400; i += 1) {
      const key = keyOf();
      const bytes = Buffer.from(`xx${key}yy`, "latin1");
      table.set(bytes, 2, 2 + key.length, i);
      if (!reference.has(key)) reference.set(key, i);
    }
    // Probes: the stored keys in runs (each repeated) and in sequences, and fresh random keys.
    const stored = [...reference.keys()];
    const probes = [...stored.flatMap((k) => [k, k]), ...stored, ...Array.from({ length: 2000 }, keyOf)];
    for (const key of probes) {
      const bytes = Buffer.from(`.${key}`, "latin1");
      const expected = reference.get(key) ?? -1;
      expect(table.get(bytes, 1, bytes.length), JSON.stringify(key)).toBe(expected);
      expect(table.getNear(bytes, 1, bytes.length), JSON.stringify(key)).toBe(expected);
    }
  });

  it("tells apart keys that share their first and last four bytes, and keys that differ in length only", () => {
    const table = new ByteKeyTable();
    const put = (text: string, value: number) => table.set(Buffer.from(text, "latin1"), 0, text.length, value);
    const look = (text: string) => table.getNear(Buffer.from(text, "latin1"), 0, text.length);
    put("abcd1234wxyz", 1);
    put("abcd5678wxyz", 2);
    put("ab", 3);
    put("ab\u0000", 4);
    put("", 5);
    expect([look("abcd1234wxyz"), look("abcd5678wxyz"), look("abcd9999wxyz"), look("ab"), look("ab\u0000"), look(""), look("a"), look("abcd1234wxyz")]).toEqual([1, 2, -1, 3, 4, 5, -1, 1]);
  });
});
