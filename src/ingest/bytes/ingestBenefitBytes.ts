/**
 * Long benefit weeks (`person, week, code`) read straight from the file's bytes into the
 * person × week panel: the person through a hash of the id bytes, the week and the code
 * through small tables of the distinct texts seen (each parsed once, by the same `parseCell`
 * the checked path uses), the cell written by index. No JavaScript string is made for a row
 * that is stored.
 *
 * Every other row — a person not in the population, a cell that does not parse, a repeat of
 * a person-week, a wrong field count, anything that needs trimming to match — is handed, in
 * file order, to `ingestExtract` as the checked path would have handed it, so issues,
 * quarantine entries, flagged rows and stops are the checked path's own. Only the counts of
 * the rows stored here are added to its result. A file this reader cannot take whole
 * (another header shape) goes through `ingestExtract` unchanged: both paths accept and
 * reject exactly the same rows (tests/ingest/bytes/ingestBenefitBytes.test.ts).
 *
 * Memory: the tables hold persons, distinct weeks and codes; the file streams in chunks.
 */
import { containsCpr } from "../containsCpr.ts";
import type { BenefitPanel } from "../benefitPanel.ts";
import { ingestExtract, mapFields, type ExtractContext, type ExtractResult, type MappedField } from "../ingestExtract.ts";
import { parseCell } from "../rowSchema.ts";
import type { BenefitCodes, RawRow } from "../schema.ts";
import { ByteKeyTable } from "./ByteKeyTable.ts";
import { NEWLINE, splitFields } from "../../../pipeline/io/lines.ts";
import { bodyLineStop, CellTable, handOverLines, peekHeader, type Scan } from "./handOver.ts";

const PROGRESS_EVERY_ROWS = 100_000;

interface WeekEntry {
  readonly ok: boolean;
  readonly value: number;
}
interface CodeEntry {
  readonly ok: boolean;
  readonly value: number;
  readonly codeNumber: number;
}

/** What the line loop reads with and writes to (one object, so the loop keeps its work in locals). */
interface LongReader {
  readonly delimiter: number;
  readonly personAt: number;
  readonly weekAt: number;
  readonly codeAt: number;
  readonly persons: ByteKeyTable;
  readonly weeks: CellTable<WeekEntry>;
  readonly codes: CellTable<CodeEntry>;
  readonly panel: BenefitPanel;
  readonly tally: { stored: number; outside: number; from: number; to: number };
  readonly progress: () => void;
}

/**
 * @param rows the extract's rows as the fast reader yields them (only the header is taken)
 * @param bytes the whole file, in chunks (offered when the fast reader applies: one-byte text, no quotes, one line ending)
 */
export async function ingestBenefitBytes(
  rows: AsyncIterable<RawRow | RawRow[]>,
  bytes: () => AsyncIterable<Buffer>,
  context: ExtractContext,
  panel: BenefitPanel,
  codes: BenefitCodes,
): Promise<ExtractResult<"benefit_weeks_long">> {
  const { header: headerRow, again, done } = await peekHeader(rows);
  const fields = headerRow && "fields" in headerRow ? columnsOf(headerRow.fields, context) : null;
  if (!fields || context.population === null) return ingestExtract("benefit_weeks_long", again, context);
  await done();

  const personField = fields.find((f) => f.field === "personId")!;
  const weekField = fields.find((f) => f.field === "week")!;
  const codeField = fields.find((f) => f.field === "code")!;
  const persons = new ByteKeyTable(panel.personIds.length);
  panel.personIds.forEach((id, index) => {
    // The body is ASCII (the fast reader's condition): an id with other characters never matches a row.
    if (/^[\x00-\x7f]*$/.test(id)) {
      const key = Buffer.from(id, "latin1");
      persons.set(key, 0, key.length, index);
    }
  });
  const weeks = new CellTable((text) => {
    const parsed = parseCell(weekField.definition, weekField.formats, text);
    return { ok: parsed.ok && typeof parsed.value === "number" && !containsCpr(text), value: parsed.ok ? (parsed.value as number) : 0, codeNumber: 0 };
  });
  const codeCells = new CellTable((text) => {
    const parsed = parseCell(codeField.definition, codeField.formats, text);
    const group = parsed.ok && typeof parsed.value === "string" ? codes.groupOfCode.get(parsed.value) : undefined;
    if (!parsed.ok || group === undefined || containsCpr(text)) return { ok: false, value: 0, codeNumber: 0 };
    return { ok: true, value: panel.groupValueOf(group), codeNumber: panel.codeNumberOf(parsed.value as string) };
  });

  const tally = { stored: 0, outside: 0, from: Infinity, to: -Infinity };
  let rowsRead = 0;
  const reader: LongReader = {
    delimiter: context.delimiter.charCodeAt(0),
    personAt: personField.index,
    weekAt: weekField.index,
    codeAt: codeField.index,
    persons,
    weeks,
    codes: codeCells,
    panel,
    tally,
    progress: () => {
      rowsRead += 1;
      if (rowsRead % PROGRESS_EVERY_ROWS === 0) context.onProgress?.(rowsRead);
    },
  };

  // The rows handed over write to the same panel (and name their repeats from it), as in the checked path.
  const { onProgress: _progress, ...quiet } = context;
  const sink = (personId: string, week: number, code: string, line: number) => panel.set(personId, week, codes.groupOfCode.get(code)!, line, code);
  const checked = await ingestExtract("benefit_weeks_long", handOverLines(bytes, headerRow!, (data, scan, headerLines) => offerLongLines(data, scan, headerLines, reader)), { ...quiet, benefitSink: sink });
  const coverage =
    tally.stored === 0
      ? checked.coverage
      : { from: Math.min(tally.from, checked.coverage?.from ?? Infinity), to: Math.max(tally.to, checked.coverage?.to ?? -Infinity) };
  return {
    ...checked,
    rowsRead: checked.rowsRead + tally.stored,
    rowsAccepted: checked.rowsAccepted + tally.stored,
    recordCount: checked.recordCount + tally.stored,
    recordsOutsidePeriod: checked.recordsOutsidePeriod + tally.outside,
    coverage,
  };
}

/** True when this reader takes the file with this header whole (so another thread can read it from the bytes alone: benefitThread.ts). */
export function benefitBytesTakeWhole(header: RawRow | undefined, context: ExtractContext): boolean {
  return header !== undefined && "fields" in header && context.population !== null && columnsOf(header.fields, context) !== null;
}

/** The mapped columns when the header is one this reader takes whole (exactly person, week and code, each once); else null. */
function columnsOf(rawHeader: readonly string[], context: ExtractContext): MappedField[] | null {
  const header = rawHeader.map((name) => name.trim());
  if (header.length !== 3 || header.some((name) => containsCpr(name)) || context.delimiter.length !== 1 || context.delimiter.charCodeAt(0) > 0x7f) return null;
  try {
    const fields = mapFields("benefit_weeks_long", header, context);
    return fields.length === 3 ? fields : null;
  } catch {
    return null; // the checked path stops the run with its own message
  }
}


/**
 * The line loop of this reader (handOver.ts' LineKernel): a line's end and its two delimiters found in one
 * pass, and the row stored into the panel when its person, week and code are known and its person-week is
 * free; any other line is declined, as text, for ingestExtract. A person or code with the same bytes as the
 * line before's is that one again (a register sorted by person repeats its id on every line), with no lookup.
 * numerical kernel: one pass a line finds its end and both delimiters (the shared splitter, pipeline/io/lines.ts, would scan each of 26 M lines twice).
 */
function offerLongLines(data: Buffer, scan: Scan, headerLines: number, reader: LongReader): void {
  const { delimiter, personAt, weekAt, codeAt, persons, weeks, codes, panel, tally } = reader;
  const length = data.length;
  let start = scan.start;
  let line = scan.line;
  let lastPersonStart = -1;
  let lastPersonLength = -1;
  let lastPerson = -1;
  let lastCodeStart = -1;
  let lastCodeLength = -1;
  let lastCode: CodeEntry | null = null;
  for (;;) {
    let end = start;
    let cut0 = -1;
    let cut1 = -1;
    let cutCount = 0;
    for (; end < length; end += 1) {
      const b = data[end]!;
      if (b === NEWLINE) break;
      if (b === delimiter) {
        if (cutCount === 0) cut0 = end;
        else if (cutCount === 1) cut1 = end;
        cutCount += 1;
      }
    }
    if (end === length) break;
    line += 1;
    const lineStart = start;
    start = end + 1;
    const stop = bodyLineStop(data, lineStart, end, line, headerLines);
    if (stop < 0) continue;
    reader.progress();
    if (cutCount !== 2) {
      scan.declined = { line, fields: splitFields(data, lineStart, stop, delimiter) };
      break;
    }
    const personStart = personAt === 0 ? lineStart : personAt === 1 ? cut0 + 1 : cut1 + 1;
    const personEnd = personAt === 0 ? cut0 : personAt === 1 ? cut1 : stop;
    let person = lastPerson;
    if (!sameBytes(data, personStart, personEnd - personStart, lastPersonStart, lastPersonLength)) {
      person = persons.getNear(data, personStart, personEnd);
      lastPersonStart = personStart;
      lastPersonLength = personEnd - personStart;
      lastPerson = person;
    }
    if (person < 0) {
      scan.declined = { line, fields: splitFields(data, lineStart, stop, delimiter) };
      break;
    }
    const week = weekAt === 0 ? weeks.getNear(data, lineStart, cut0) : weekAt === 1 ? weeks.getNear(data, cut0 + 1, cut1) : weeks.getNear(data, cut1 + 1, stop);
    if (!week.ok) {
      scan.declined = { line, fields: splitFields(data, lineStart, stop, delimiter) };
      break;
    }
    const codeStart = codeAt === 0 ? lineStart : codeAt === 1 ? cut0 + 1 : cut1 + 1;
    const codeEnd = codeAt === 0 ? cut0 : codeAt === 1 ? cut1 : stop;
    let code: CodeEntry | null = lastCode;
    if (code === null || !sameBytes(data, codeStart, codeEnd - codeStart, lastCodeStart, lastCodeLength)) {
      code = codes.getNear(data, codeStart, codeEnd);
      lastCodeStart = codeStart;
      lastCodeLength = codeEnd - codeStart;
      lastCode = code;
    }
    if (!code.ok) {
      scan.declined = { line, fields: splitFields(data, lineStart, stop, delimiter) };
      break;
    }
    const offset = (week.value - panel.firstWeek) / 7;
    if (offset >= 0 && offset < panel.weekCount) {
      // A repeat: the checked path names it.
      if (panel.storeAt(person, offset, code.value, code.codeNumber, line) !== 0) {
        scan.declined = { line, fields: splitFields(data, lineStart, stop, delimiter) };
        break;
      }
    } else tally.outside += 1;
    tally.stored += 1;
    if (week.value < tally.from) tally.from = week.value;
    if (week.value + 6 > tally.to) tally.to = week.value + 6;
  }
  scan.start = start;
  scan.line = line;
}

/** bytes [start, start + length) equal to [other, other + otherLength) of the same buffer. */
function sameBytes(data: Buffer, start: number, length: number, other: number, otherLength: number): boolean {
  if (length !== otherLength || other < 0) return false;
  for (let i = 0; i < length; i += 1) if (data[start + i] !== data[other + i]) return false;
  return true;
}
