/**
 * An .xlsx workbook's parts, checked before read-excel-file sees them, and handed to it as a new ZIP of only those:
 *
 *   central directory → the XML parts read-excel-file reads (names ending .xml or .xml.rels)
 *     → each part's declared size and packing ratio against the limits   (nothing inflated yet)
 *     → each part inflated with its declared size as a hard cap           (a part that lies stops there)
 *     → every sheet's extent (last row × last column, and its <dimension>) against MAX_SHEET_CELLS
 *     → the checked parts, stored uncompressed in a new ZIP
 *
 * read-excel-file unpacks by walking the local headers, which need not match the central directory (a hidden
 * entry, a size that lies); given only the rebuilt ZIP, it reads nothing that was not checked. Each refusal stops
 * the run naming the file and the limit (src/shared/limits.ts); a malformed ZIP is `xlsx_unreadable`, as before.
 */
import { open } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import { zipSync, type Zippable } from "fflate";
import { messages } from "../../src/messages.ts";
import { issue, stopRun } from "../../src/shared/issues.ts";
import { MAX_SHEET_CELLS, MAX_XLSX_PART_BYTES, MAX_XLSX_RATIO, MAX_XLSX_TOTAL_BYTES, XLSX_RATIO_FROM_BYTES } from "../../src/shared/limits.ts";
import { sheetExtent } from "../../src/ingest/sheetExtent.ts";
import { entryDataOffset, zipDirectory, type ZipEntry } from "./zipDirectory.ts";

export interface WorkbookLimits {
  readonly partBytes: number;
  readonly totalBytes: number;
  readonly ratio: number;
  readonly ratioFromBytes: number;
  readonly sheetCells: number;
}

export const WORKBOOK_LIMITS: WorkbookLimits = {
  partBytes: MAX_XLSX_PART_BYTES,
  totalBytes: MAX_XLSX_TOTAL_BYTES,
  ratio: MAX_XLSX_RATIO,
  ratioFromBytes: XLSX_RATIO_FROM_BYTES,
  sheetCells: MAX_SHEET_CELLS,
};

/** The parts read-excel-file reads (its own filter: modules/export/filterZipArchiveEntry.js). */
const isReadPart = (name: string) => name.endsWith(".xml") || name.endsWith(".xml.rels");

export async function checkedWorkbook(path: string, shown: string, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<Buffer> {
  const unreadable = () => stopRun(issue("xlsx_unreadable", messages.xlsxUnreadable(), { file: shown, path: [] }));
  const handle = await open(path, "r");
  try {
    const fileSize = (await handle.stat()).size;
    const directory = await zipDirectory(handle, fileSize);
    if (directory === null) unreadable();
    const parts = directory!.filter((entry) => isReadPart(entry.name));
    if (new Set(parts.map((p) => p.name)).size !== parts.length) unreadable();
    let total = 0;
    for (const part of parts) {
      if (part.size > limits.partBytes) stopRun(issue("xlsx_part_too_large", messages.xlsxPartTooLarge(part.size, limits.partBytes), { file: shown, path: [] }));
      const ratio = part.size / Math.max(part.compressedSize, 1);
      if (part.size > limits.ratioFromBytes && ratio > limits.ratio) stopRun(issue("xlsx_ratio_too_high", messages.xlsxRatioTooHigh(ratio, limits.ratio), { file: shown, path: [] }));
      total += part.size;
    }
    if (total > limits.totalBytes) stopRun(issue("xlsx_too_large", messages.xlsxTotalTooLarge(total, limits.totalBytes), { file: shown, path: [] }));
    const files: Zippable = {};
    for (const part of parts) {
      const bytes = await inflatePart(handle, fileSize, part);
      if (bytes === "larger") stopRun(issue("xlsx_part_larger", messages.xlsxPartLarger(), { file: shown, path: [] }));
      if (bytes === null) unreadable();
      files[part.name] = bytes as Buffer;
    }
    for (const part of parts) {
      const bytes = files[part.name] as Buffer;
      // Only a worksheet has <sheetData>; the check runs before read-excel-file builds a single row.
      if (bytes.indexOf("sheetData") < 0) continue;
      const extent = sheetExtent(bytes.toString("latin1"));
      if (area(extent.rows, extent.columns) > limits.sheetCells) stopRun(issue("sheet_too_large", messages.sheetTooLarge(extent.rows, extent.columns, limits.sheetCells, false), { file: shown, path: [] }));
      const declared = extent.declared;
      if (declared !== null && area(declared.rows, declared.columns) > limits.sheetCells) {
        stopRun(issue("sheet_too_large", messages.sheetTooLarge(declared.rows, declared.columns, limits.sheetCells, true), { file: shown, path: [] }));
      }
    }
    const rebuilt = zipSync(files, { level: 0 });
    return Buffer.from(rebuilt.buffer, rebuilt.byteOffset, rebuilt.byteLength);
  } finally {
    await handle.close();
  }
}

/** Cells from A1 to (rows, columns): a row with no cell still spans one column (read-excel-file builds every row up to it). */
const area = (rows: number, columns: number) => Math.max(rows, 1) * Math.max(columns, 1);

/** A part's bytes, never more than its declared size ("larger" when it holds more), or null when it cannot be read. */
async function inflatePart(handle: Awaited<ReturnType<typeof open>>, fileSize: number, part: ZipEntry): Promise<Buffer | "larger" | null> {
  if ((part.flags & 1) !== 0 || (part.method !== 0 && part.method !== 8)) return null; // encrypted, or a method Office does not write
  const start = await entryDataOffset(handle, part);
  if (start === null || start + part.compressedSize > fileSize) return null;
  const packed = Buffer.alloc(part.compressedSize);
  const { bytesRead } = await handle.read(packed, 0, packed.length, start);
  if (bytesRead !== packed.length) return null;
  if (part.method === 0) return packed.length === part.size ? packed : null;
  try {
    const bytes = inflateRawSync(packed, { maxOutputLength: Math.max(part.size, 1) });
    return bytes.length === part.size ? bytes : null;
  } catch (error) {
    return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "larger" : null;
  }
}
