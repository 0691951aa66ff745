/**
 * Streams a CSV extract as raw rows (header first), in whatever dialect Danish
 * exports come in: `,` `;` or tab delimiters, CRLF, UTF-8 with or without BOM,
 * Windows-1252, or UTF-16 with a BOM (Excel's "Unicode text"); Excel's `sep=;` first
 * line names the delimiter and is not the header. What the spec leaves out is detected
 * from the first 64 KiB and reported; the file is never read into one string. Line
 * numbers are physical lines: a row is numbered by the line it starts on, and a CRLF
 * inside a quoted field counts as one line break.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
import { messages } from "../../src/messages.ts";
import { issue, StopRun } from "../../src/shared/issues.ts";
import type { RawRow } from "../../src/ingest/schema.ts";
import { MAX_LINE_BYTES } from "../../src/shared/limits.ts";

export type TextEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export interface Dialect {
  readonly delimiter: "," | ";" | "\t";
  readonly encoding: TextEncoding;
  readonly decimal: "," | ".";
  /** Which of the three were detected rather than given by the spec. */
  readonly detected: readonly ("delimiter" | "encoding" | "decimal")[];
  /** Present (true) when the first line is Excel's `sep=;`: it names the delimiter and is skipped (line numbers stay physical). */
  readonly sepLine?: true;
}

const SNIFF_BYTES = 65_536;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Fills in the dialect the spec leaves out, from the file's first 64 KiB. */
export async function detectDialect(path: string, given: Partial<Omit<Dialect, "detected" | "sepLine">>, displayName?: string): Promise<Dialect> {
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
  // The decoder drops a BOM of its own encoding; a UTF-16 sample cut mid-character just loses that character.
  const text = new TextDecoder(encoding).decode(encoding === "utf-8" && hasBom(head) ? head.subarray(3) : head, { stream: true });
  const [firstLine = "", secondLine = ""] = text.split(/\r\n|\n|\r/, 2);
  const sep = sepLineDelimiter(firstLine);
  if (sep === "unsupported") throw new StopRun([issue("sep_line_unsupported", messages.sepLineUnsupported(), { file: displayName ?? path, path: [], line: 1 })]);
  const headerLine = sep === null ? firstLine : secondLine;
  const delimiter = given.delimiter ?? (detected.push("delimiter"), sep ?? sniffDelimiter(headerLine));
  const decimal = given.decimal ?? (detected.push("decimal"), delimiter === ";" ? "," : ".");
  return { delimiter, encoding, decimal, detected, ...(sep !== null ? { sepLine: true as const } : {}) };
}

/** Excel's `sep=;` (or `sep=,`, `sep=<tab>`) first line: the delimiter it names, "unsupported" for another character, or null. */
export function sepLineDelimiter(firstLine: string): "," | ";" | "\t" | "unsupported" | null {
  const match = /^"?sep=(.)"?$/i.exec(firstLine.replace(/^\uFEFF/, ""));
  if (!match) return null;
  const char = match[1]!;
  return char === "," || char === ";" || char === "\t" ? char : "unsupported";
}

function hasBom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, i) => bytes[i] === byte);
}

/** A UTF-16 byte-order mark: FF FE (little-endian) or FE FF (big-endian). */
export function utf16Bom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** A BOM or bytes that decode as UTF-8 mean UTF-8 (a UTF-16 BOM, UTF-16); anything else is taken as Windows-1252. */
export function sniffEncoding(head: Uint8Array, wholeFile: boolean): TextEncoding {
  const utf16 = utf16Bom(head);
  if (utf16) return utf16;
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
  constructor(encoding: TextEncoding, private readonly file: string) {
    super({ decodeStrings: true, readableObjectMode: false });
    this.decoder = new TextDecoder(encoding, { fatal: encoding !== "windows-1252", ignoreBOM: false });
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      callback(null, text);
    } catch {
      callback(new StopRun([this.notDecodable()]));
    }
  }
  private notDecodable() {
    const utf16 = this.decoder.encoding.startsWith("utf-16");
    return utf16 ? issue("not_utf16", messages.notUtf16(this.decoder.encoding), { file: this.file, path: [] }) : issue("not_utf8", messages.notUtf8(), { file: this.file, path: [] });
  }
  override _flush(callback: TransformCallback): void {
    try {
      callback(null, this.decoder.decode());
    } catch {
      callback(new StopRun([this.notDecodable()]));
    }
  }
}

/**
 * Yields the header and then every data line. A line that is not valid CSV is
 * yielded as `malformed` (the ingest stage quarantines it) rather than thrown.
 */
/** @param chunkBytes bytes read at a time (a reader that wants only the header reads a little) */
export async function* readCsvRows(path: string, displayName: string, dialect: Dialect, chunkBytes = 2 ** 16): AsyncGenerator<RawRow> {
  const skipped: RawRow[] = [];
  const parser = createReadStream(path, { highWaterMark: chunkBytes })
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
        // CRLF, LF and a lone CR each end a line (so a file with mixed endings reads line by line, and no CR is left in a field).
        record_delimiter: ["\r\n", "\n", "\r"],
        from_line: dialect.sepLine ? 2 : 1,
        info: true,
        raw: true,
        // A record longer than this stops the read (below): it is never built, let alone quarantined with its content.
        max_record_size: MAX_LINE_BYTES,
        on_skip: (error, raw) => {
          const line = (error as { lines?: number } | undefined)?.lines ?? 0;
          if ((error as { code?: string } | undefined)?.code === "CSV_MAX_RECORD_SIZE") {
            parser.destroy(new StopRun([issue("line_too_long", messages.lineTooLong(MAX_LINE_BYTES), { file: displayName, path: [], line: line - overcount })]));
            return undefined;
          }
          skipped.push({ line: line - overcount, malformed: messages.malformedReason((error as { code?: string } | undefined)?.code), raw: (raw ?? "").replace(/^[\r\n]+|\r?\n$/g, "") });
          return undefined;
        },
      }),
    );
  // csv-parse counts a CRLF inside a quoted field as two lines (and numbers a record by its last line):
  // `overcount` is how many lines it has counted too many so far; a record is numbered by its first line.
  let overcount = 0;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    while (skipped.length > 0) yield skipped.shift()!;
    let crlf = 0;
    let breaks = 0;
    for (const field of item.record) {
      if (field.includes("\r") || field.includes("\n")) {
        crlf += countMatches(field, /\r\n/g);
        breaks += countMatches(field, /\r\n|\r|\n/g);
      }
    }
    overcount += crlf;
    yield { line: item.info.lines - overcount - breaks, fields: item.record };
  }
  while (skipped.length > 0) yield skipped.shift()!;
}

function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  for (pattern.lastIndex = 0; pattern.exec(text) !== null; ) count += 1;
  return count;
}
