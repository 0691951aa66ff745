/**
 * The central directory of a ZIP file (an .xlsx workbook is one): every entry's name, method, flags, sizes and the
 * offset of its local header, read from the end of the file without reading, let alone inflating, any entry —
 * so sizes can be checked before a byte is unpacked. ZIP64 sizes and offsets are read from their extra field and
 * the ZIP64 end record. Anything that is not a well-formed directory is null (the caller names the file damaged).
 * Layout: PKWARE APPNOTE.TXT 6.3.10, sections 4.3.12 (central directory header), 4.3.14–16 (end records), 4.5.3.
 */
import type { FileHandle } from "node:fs/promises";

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  /** 0 stored, 8 deflated; anything else is not read. */
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const END_SIGNATURE = 0x06054b50;
const END_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ENTRY_SIGNATURE = 0x02014b50;
const ENTRY_SIZE = 46;
const MAX_COMMENT = 65_535;
/** A directory larger than this is not an Office file's (a workbook has tens of parts). */
const MAX_DIRECTORY_BYTES = 16 * 1_048_576;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

export async function zipDirectory(handle: FileHandle, fileSize: number): Promise<ZipEntry[] | null> {
  const tailStart = Math.max(0, fileSize - END_SIZE - MAX_COMMENT);
  const tail = await readAt(handle, tailStart, fileSize - tailStart);
  let end = -1;
  for (let i = tail.length - END_SIZE; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === END_SIGNATURE && i + END_SIZE + tail.readUInt16LE(i + 20) === tail.length) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) return null;
    const record = await readAt(handle, Number(tail.readBigUInt64LE(locator + 8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END_SIGNATURE) return null;
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > fileSize) return null;
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + ENTRY_SIZE > directory.length || directory.readUInt32LE(at) !== ENTRY_SIGNATURE) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const next = at + ENTRY_SIZE + nameLength + extraLength + commentLength;
    if (next > directory.length) return null;
    let compressedSize = directory.readUInt32LE(at + 20);
    let size = directory.readUInt32LE(at + 24);
    let localHeaderOffset = directory.readUInt32LE(at + 42);
    // ZIP64: the extra field 0x0001 holds, in this order, each of the three that is 0xffffffff above.
    for (let e = at + ENTRY_SIZE + nameLength; e + 4 <= at + ENTRY_SIZE + nameLength + extraLength; ) {
      const id = directory.readUInt16LE(e);
      const length = directory.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let field = e + 4;
        const wide = () => {
          if (field + 8 > e + 4 + length) return -1;
          const value = Number(directory.readBigUInt64LE(field));
          field += 8;
          return value;
        };
        if (size === 0xffffffff) size = wide();
        if (compressedSize === 0xffffffff) compressedSize = wide();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = wide();
        if (size < 0 || compressedSize < 0 || localHeaderOffset < 0) return null;
      }
      e += 4 + length;
    }
    entries.push({
      name: directory.toString("utf8", at + ENTRY_SIZE, at + ENTRY_SIZE + nameLength),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize,
      size,
      localHeaderOffset,
    });
    at = next;
  }
  return entries;
}

/** Where an entry's packed bytes start: after its local header, whose name and extra field may differ in length from the directory's. */
export async function entryDataOffset(handle: FileHandle, entry: ZipEntry): Promise<number | null> {
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) return null;
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}
