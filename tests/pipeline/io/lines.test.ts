/**
 * The one line splitter: lines cut across arbitrary chunk boundaries are the lines of the whole
 * text, checked against a different method — JavaScript's own String.split on "\n" with the rule
 * written out here (a trailing "\r" dropped, empty lines skipped, physical numbers from 1).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHUNK_BYTES, eachLine, fileChunks, lineStop, splitFields, wholeLines } from "../../../pipeline/io/lines.ts";
import { randomInteger, seededRandom } from "../../../src/shared/random.ts";

/** The reference: split the whole text, numbered as the lines stand, the rule applied by hand. */
function referenceLines(text: string): { line: number; text: string }[] {
  const parts = text.split("\n");
  if (parts.at(-1) === "") parts.pop(); // a final "\n" ends the last line, it does not start one
  return parts.flatMap((part, i) => {
    const body = part.endsWith("\r") ? part.slice(0, -1) : part;
    return body === "" ? [] : [{ line: i + 1, text: body }];
  });
}

async function* chunksOf(bytes: Buffer, sizes: readonly number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (let k = 0; at < bytes.length; k += 1) {
    const size = sizes[k % sizes.length]!;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function split(text: string, sizes: readonly number[]): Promise<{ line: number; text: string }[]> {
  const out: { line: number; text: string }[] = [];
  let line = 0;
  for await (const piece of wholeLines(chunksOf(Buffer.from(text, "latin1"), sizes))) {
    expect(piece[piece.length - 1]).toBe(0x0a);
    line = eachLine(piece, line, (start, stop, at) => out.push({ line: at, text: piece.toString("latin1", start, stop) }));
  }
  return out;
}

describe("wholeLines and eachLine", () => {
  it("eachLine(wholeLines(chunks)) numbers the lines of 'a\\r\\n\\nb\\nc' as 1, 3 and 4", async () => {
    expect(await split("a\r\n\nb\nc", [1])).toEqual([
      { line: 1, text: "a" },
      { line: 3, text: "b" },
      { line: 4, text: "c" },
    ]);
  });

  it("a line longer than every chunk comes whole, and an empty file gives no line", async () => {
    expect(await split("x".repeat(50) + "\ny\n", [7])).toEqual([
      { line: 1, text: "x".repeat(50) },
      { line: 2, text: "y" },
    ]);
    expect(await split("", [3])).toEqual([]);
  });

  it("gives String.split's lines on 300 generated texts cut into random chunks", async () => {
    const random = seededRandom(27);
    const alphabet = ["a", "b", ";", ",", "\r", "\n", "\n", "\r\n", "7"];
    for (let k = 0; k < 300; k += 1) {
      const length = randomInteger(random, 80);
      const text = Array.from({ length }, () => alphabet[randomInteger(random, alphabet.length)]!).join("");
      // A lone "\r" at the very end is never handed to the splitter (pipeline/io/scanCsv.ts leaves such a file to csv-parse).
      if (text.endsWith("\r")) continue;
      const sizes = [1 + randomInteger(random, 9), 1 + randomInteger(random, 9)];
      expect(await split(text, sizes)).toEqual(referenceLines(text));
    }
  });

  it("wholeLines(chunks, carried) reports the bytes held back after each chunk", async () => {
    const held: number[] = [];
    for await (const _ of wholeLines(chunksOf(Buffer.from("abc\ndefgh"), [5, 5]), (bytes) => held.push(bytes))) void _;
    // After "abc\nd": "d" is held; after "efgh": "defgh" (no line end yet).
    expect(held).toEqual([1, 5]);
  });
});

describe("lineStop and splitFields", () => {
  it("lineStop drops one \\r before the \\n, and only one", () => {
    const data = Buffer.from("ab\r\r\n");
    expect(lineStop(data, 0, 4)).toBe(3);
    expect(lineStop(Buffer.from("ab\n"), 0, 2)).toBe(2);
    expect(lineStop(Buffer.from("\n"), 0, 0)).toBe(0);
  });

  it("splitFields(';a;;b;') keeps every empty field", () => {
    const data = Buffer.from("x;a;;b;\n");
    expect(splitFields(data, 1, 7, 0x3b)).toEqual(["", "a", "", "b", ""]);
    expect(splitFields(data, 2, 3, 0x3b)).toEqual(["a"]);
  });
});

describe("fileChunks", () => {
  it("reads a file larger than one chunk back byte for byte", async () => {
    const dir = mkdtempSync(join(tmpdir(), "effekt-lines-"));
    const path = join(dir, "big.csv");
    const bytes = Buffer.alloc(CHUNK_BYTES + 12_345);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = i % 251;
    writeFileSync(path, bytes);
    const chunks: Buffer[] = [];
    for await (const chunk of fileChunks(path)) chunks.push(chunk);
    expect(chunks.length).toBe(2);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });
});
