/**
 * Streams a CSV extract as raw rows (header first), in whatever dialect Danish
 * exports come in: `,` `;` or tab delimiters, CRLF, UTF-8 with or without BOM, or
 * Windows-1252. What the spec leaves out is detected from the first 64 KiB and
 * reported; the file is never read into one string.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
import { messages } from "../../src/messages.ts";
import { issue, StopRun } from "../../src/shared/issues.ts";
import type { RawRow } from "../../src/ingest/schema.ts";

export interface Dialect {
  readonly delimiter: "," | ";" | "\t";
  readonly encoding: "utf-8" | "windows-1252";
  readonly decimal: "," | ".";
  /** Which of the three were detected rather than given by the spec. */
  readonly detected: readonly ("delimiter" | "encoding" | "decimal")[];
}

const SNIFF_BYTES = 65_536;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Fills in the dialect the spec leaves out, from the file's first 64 KiB. */
export async function detectDialect(path: string, given: Partial<Omit<Dialect, "detected">>): Promise<Dialect> {
  const handle = await open(path, "r");
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const detected: ("delimiter" | "encoding" | "decimal")[] = [];
  const encoding = given.encoding ?? (detected.push("encoding"), sniffEncoding(head, head.length < SNIFF_BYTES));
  const text = new TextDecoder(encoding).decode(hasBom(head) ? head.subarray(3) : head);
  const delimiter = given.delimiter ?? (detected.push("delimiter"), sniffDelimiter(text.split(/\r?\n/, 1)[0] ?? ""));
  const decimal = given.decimal ?? (detected.push("decimal"), delimiter === ";" ? "," : ".");
  return { delimiter, encoding, decimal, detected };
}

function hasBom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, i) => bytes[i] === byte);
}

/** A BOM or bytes that decode as UTF-8 mean UTF-8; anything else is taken as Windows-1252. */
export function sniffEncoding(head: Uint8Array, wholeFile: boolean): "utf-8" | "windows-1252" {
  if (hasBom(head)) return "utf-8";
  // A multi-byte character may be cut at the end of the sample: drop up to three trailing bytes.
  let end = head.length;
  if (!wholeFile) while (end > 0 && head.length - end < 3 && ((head[end - 1] as number) & 0xc0) === 0x80) end -= 1;
  if (!wholeFile && end > 0 && (head[end - 1] as number) >= 0xc0) end -= 1;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, end));
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** The delimiter that occurs most often (outside quotes) in the header line. */
export function sniffDelimiter(headerLine: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as keyof typeof counts] += 1;
  }
  const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? "," : best[0];
}

/** Decodes a byte stream to text; UTF-8 is decoded strictly, so a stray Windows-1252 byte is an error, not a '�'. */
class DecodeStream extends Transform {
  private readonly decoder: TextDecoder;
  constructor(encoding: "utf-8" | "windows-1252", private readonly file: string) {
    super({ decodeStrings: true, readableObjectMode: false });
    this.decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8", ignoreBOM: false });
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      callback(null, text);
    } catch {
      callback(new StopRun([issue("not_utf8", messages.notUtf8(), { file: this.file, path: [] })]));
    }
  }
  override _flush(callback: TransformCallback): void {
    try {
      callback(null, this.decoder.decode());
    } catch {
      callback(new StopRun([issue("not_utf8", messages.notUtf8(), { file: this.file, path: [] })]));
    }
  }
}

/**
 * Yields the header and then every data line. A line that is not valid CSV is
 * yielded as `malformed` (the ingest stage quarantines it) rather than thrown.
 */
export async function* readCsvRows(path: string, displayName: string, dialect: Dialect): AsyncGenerator<RawRow> {
  const skipped: RawRow[] = [];
  const parser = createReadStream(path)
    .pipe(new DecodeStream(dialect.encoding, displayName))
    .on("error", (error) => parser.destroy(error))
    .pipe(
      parse({
        delimiter: dialect.delimiter,
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        info: true,
        raw: true,
        on_skip: (error, raw) => {
          const line = (error as { lines?: number } | undefined)?.lines ?? 0;
          skipped.push({ line, malformed: error?.message ?? "unreadable line", raw: (raw ?? "").replace(/\r?\n$/, "") });
          return undefined;
        },
      }),
    );
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    while (skipped.length > 0) yield skipped.shift()!;
    yield { line: item.info.lines, fields: item.record };
  }
  while (skipped.length > 0) yield skipped.shift()!;
}
