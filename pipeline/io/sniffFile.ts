/**
 * What kind of file an extract path holds, from its first and last bytes: an .xlsx
 * workbook, text (CSV in any dialect readCsv reads), or something else — a ZIP, PDF,
 * gzip, an old .xls — which is named in words and never echoed. A folder is named too.
 */
import { open, stat } from "node:fs/promises";
import { messages } from "../../src/messages.ts";
import { issue, stopRun } from "../../src/shared/issues.ts";
import { utf16Bom } from "./readCsv.ts";

export type FileKind = { readonly kind: "xlsx" } | { readonly kind: "text" };

const SNIFF_BYTES = 65_536;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Magic numbers of files people send by mistake, and how to name them. */
const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly what: string }[] = [
  { bytes: ascii("%PDF"), what: "a PDF document" },
  { bytes: [0x1f, 0x8b], what: "a gzip-compressed file (unpack it first)" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: "an old-format Excel (.xls) or other Office file, or a password-protected workbook" },
  { bytes: ascii("BZh"), what: "a bzip2-compressed file (unpack it first)" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: "a 7-Zip archive (unpack it first)" },
  { bytes: ascii("Rar!"), what: "a RAR archive (unpack it first)" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: ascii("SQLite format 3"), what: "an SQLite database" },
  { bytes: ascii("PAR1"), what: "a Parquet file" },
  { bytes: ascii("$FL2"), what: "an SPSS data file (.sav)" },
  { bytes: ascii("<stata_dta>"), what: "a Stata data file (.dta)" },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: "an xz-compressed file (unpack it first)" },
];

/**
 * Classifies bytes: `head` is the file's start, `tail` its end (for a ZIP's central
 * directory). Returns the kind, or a description of a file effekt does not read.
 */
export function classifyBytes(head: Uint8Array, tail: Uint8Array, declaredUtf16 = false): FileKind | { readonly kind: "binary"; readonly what: string } {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    const names = Buffer.concat([Buffer.from(head), Buffer.from(tail)]).toString("latin1");
    if (names.includes("xl/workbook.xml")) return { kind: "xlsx" };
    if (names.includes("word/document.xml")) return { kind: "binary", what: "a Word document (.docx)" };
    if (names.includes("ppt/presentation.xml")) return { kind: "binary", what: "a PowerPoint presentation (.pptx)" };
    if (names.includes("application/vnd.oasis.opendocument.spreadsheet")) return { kind: "binary", what: "an OpenDocument spreadsheet (.ods; save it as .xlsx or CSV)" };
    return { kind: "binary", what: "a ZIP archive (unpack it first)" };
  }
  for (const signature of SIGNATURES) if (startsWith(head, signature.bytes)) return { kind: "binary", what: signature.what };
  if (utf16Bom(head) || declaredUtf16) return { kind: "text" };
  const nul = head.indexOf(0);
  if (nul >= 0) {
    let oddNuls = 0;
    let evenNuls = 0;
    for (let i = 0; i < head.length; i += 1) if (head[i] === 0) (i % 2 === 0 ? (evenNuls += 1) : (oddNuls += 1));
    const half = head.length / 2;
    if (oddNuls > 0.4 * half || evenNuls > 0.4 * half) {
      return { kind: "binary", what: `UTF-16 text without a byte-order mark (declare "dialect": {"encoding": "utf-16le"} or "utf-16be", or save it as UTF-8)` };
    }
    return { kind: "binary", what: "a binary file (it holds NUL bytes)" };
  }
  return { kind: "text" };
}

/** Reads the start and end of `path` and classifies it; a folder, or a file effekt does not read, stops the run. */
export async function sniffFile(path: string, shown: string, declaredUtf16 = false): Promise<FileKind> {
  const info = await stat(path);
  if (info.isDirectory()) stopRun(issue("not_a_file", messages.notAFile(), { file: shown, path: [] }));
  const handle = await open(path, "r");
  let head: Buffer;
  let tail: Buffer;
  try {
    const first = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
    const { bytesRead } = await handle.read(first, 0, first.length, 0);
    head = first.subarray(0, bytesRead);
    const tailStart = Math.max(bytesRead, info.size - SNIFF_BYTES);
    const last = Buffer.alloc(Math.max(0, info.size - tailStart));
    const read = last.length > 0 ? (await handle.read(last, 0, last.length, tailStart)).bytesRead : 0;
    tail = last.subarray(0, read);
  } finally {
    await handle.close();
  }
  const kind = classifyBytes(head, tail, declaredUtf16);
  if (kind.kind === "binary") stopRun(issue("binary_file", messages.binaryFile(kind.what), { file: shown, path: [] }));
  return kind;
}
