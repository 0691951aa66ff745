/**
 * Wide benefit weeks (`person, y_2201 … y_2652`) read straight from the file's bytes into
 * the person × week panel: the person through a hash of the id bytes, each cell's code
 * through a table of the distinct texts seen (parsed once, by the checked path's rules), the
 * week of each column worked out once from the header. No JavaScript string is made per cell
 * of a row that is stored.
 *
 * A person's row is taken here only when it is the one row in the file with that id (a first
 * pass counts the ids), so every repeat and conflict is judged by ingestExtract with all rows
 * of that person in front of it. Every other row — an id outside the population or padded,
 * an unknown code, a wrong field count, a CPR-like cell — is handed to ingestExtract in file
 * order, so issues, quarantine entries, flagged rows and stops are the checked path's own.
 * A header this reader does not take whole goes through ingestExtract unchanged.
 */
import { containsCpr } from "../containsCpr.ts";
import type { BenefitPanel } from "../benefitPanel.ts";
import { findWeekColumns, ingestExtract, mapFields, type ExtractContext, type ExtractResult, type WeekColumn } from "../ingestExtract.ts";
import type { BenefitCodes, RawRow } from "../schema.ts";
import { eachLine, wholeLines } from "../../../pipeline/io/lines.ts";
import { ByteKeyTable } from "./ByteKeyTable.ts";
import { CellTable, handOver, LineFields, peekHeader } from "./handOver.ts";

const PROGRESS_EVERY_ROWS = 100_000;

interface CodeEntry {
  readonly ok: boolean;
  /** The cell is empty (no code that week). */
  readonly empty: boolean;
  readonly groupValue: number;
  readonly codeNumber: number;
}

export async function ingestBenefitWideBytes(
  rows: AsyncIterable<RawRow | RawRow[]>,
  bytes: () => AsyncIterable<Buffer>,
  context: ExtractContext,
  panel: BenefitPanel,
  codes: BenefitCodes,
): Promise<ExtractResult<"benefit_weeks_wide">> {
  const { header: headerRow, again, done } = await peekHeader(rows);
  const layout = headerRow && "fields" in headerRow && context.population !== null && context.benefitCodes === codes ? layoutOf(headerRow.fields, context) : null;
  if (!layout) return ingestExtract("benefit_weeks_wide", again, context);
  await done();

  const delimiter = context.delimiter.charCodeAt(0);
  const columns = layout.header.length;
  const personAt = layout.personIndex;
  const persons = personTable(panel);
  // Pass 1: how many lines carry each id (trimmed), so a person with two rows is left to the checked path whole.
  const lineCount = await countIds(bytes, headerRow!.line, delimiter, personAt);

  const codeCells = codeCellTable(codes, panel);
  const otherCells = new CellTable<boolean>((text) => !containsCpr(text));
  const offsetOf = weekOffsets(layout, panel, columns);
  // The line's fields, from the delimiters handOver finds in its pass for the line end.
  const lineFields = new LineFields(columns);
  const { starts, ends } = lineFields;
  const entries: (CodeEntry | null)[] = new Array(columns).fill(null);
  const tally = { rows: 0, records: 0, outside: 0 };
  let rowsRead = 0;
  const progress = () => {
    rowsRead += 1;
    if (rowsRead % PROGRESS_EVERY_ROWS === 0) context.onProgress?.(rowsRead);
  };

  const take = (data: Buffer, start: number, stop: number, line: number, cutCount: number): boolean => {
    if (!lineFields.place(start, stop, cutCount)) return false;
    const person = persons.get(data, starts[personAt]!, ends[personAt]!);
    if (person < 0 || lineCount.get(data, starts[personAt]!, ends[personAt]!) !== 1) return false;
    // Every cell checked before any is written: a row is stored whole or handed over whole.
    for (let c = 0; c < columns; c += 1) {
      const offset = offsetOf[c]!;
      if (offset === -3) continue;
      if (offset === -2) {
        if (ends[c]! > starts[c]! && !otherCells.get(data, starts[c]!, ends[c]!)) return false;
        continue;
      }
      const entry = ends[c]! === starts[c]! ? EMPTY : codeCells.get(data, starts[c]!, ends[c]!);
      if (!entry.ok) return false;
      entries[c] = entry;
    }
    for (let c = 0; c < columns; c += 1) {
      const offset = offsetOf[c]!;
      if (offset < -1) continue;
      const entry = entries[c]!;
      if (entry.empty) continue;
      tally.records += 1;
      if (offset === -1) tally.outside += 1;
      else if (panel.storeAt(person, offset, entry.groupValue, entry.codeNumber, line) !== 0) throw new Error("ingestBenefitWideBytes requires one row per person it stores");
    }
    tally.rows += 1;
    return true;
  };

  const { onProgress: _progress, ...quiet } = context;
  const sink = (personId: string, week: number, code: string, line: number) => panel.set(personId, week, codes.groupOfCode.get(code)!, line, code);
  const checked = await ingestExtract("benefit_weeks_wide", handOver(bytes, headerRow!, delimiter, take, progress, lineFields.cuts), { ...quiet, benefitSink: sink });
  return {
    ...checked,
    rowsRead: checked.rowsRead + tally.rows,
    rowsAccepted: checked.rowsAccepted + tally.rows,
    recordCount: checked.recordCount + tally.records,
    recordsOutsidePeriod: checked.recordsOutsidePeriod + tally.outside,
  };
}

/** The population's ids (those in ASCII: the body is ASCII) → their index in the panel, looked up from bytes. */
function personTable(panel: BenefitPanel): ByteKeyTable {
  const persons = new ByteKeyTable(panel.personIds.length);
  panel.personIds.forEach((id, index) => {
    if (/^[\x00-\x7f]*$/.test(id)) {
      const key = Buffer.from(id, "latin1");
      persons.set(key, 0, key.length, index);
    }
  });
  return persons;
}

/** A week cell's text → its code's group and number in the panel, as the checked path reads it (trimmed, a code of the benefit-code file). */
function codeCellTable(codes: BenefitCodes, panel: BenefitPanel): CellTable<CodeEntry> {
  return new CellTable<CodeEntry>((text) => {
    const trimmed = text.trim();
    if (containsCpr(text)) return { ok: false, empty: false, groupValue: 0, codeNumber: 0 };
    if (trimmed === "") return { ok: true, empty: true, groupValue: 0, codeNumber: 0 };
    const group = codes.groupOfCode.get(trimmed);
    if (group === undefined) return { ok: false, empty: false, groupValue: 0, codeNumber: 0 };
    return { ok: true, empty: false, groupValue: panel.groupValueOf(group), codeNumber: panel.codeNumberOf(trimmed) };
  });
}

/** Per column: the week's index in the panel (−1 outside it), −2 for a column that is not a week, −3 for the person's. */
function weekOffsets(layout: { personIndex: number; weeks: readonly WeekColumn[] }, panel: BenefitPanel, columns: number): Int32Array {
  const offsetOf = new Int32Array(columns).fill(-2);
  for (const w of layout.weeks) {
    const offset = (w.week - panel.firstWeek) / 7;
    offsetOf[w.index] = offset >= 0 && offset < panel.weekCount ? offset : -1;
  }
  offsetOf[layout.personIndex] = -3;
  return offsetOf;
}

/** True when this reader takes the file with this header whole (so another thread can read it from the bytes alone: benefitThread.ts). */
export function wideBytesTakeWhole(header: RawRow | undefined, context: ExtractContext, codes: BenefitCodes): boolean {
  return header !== undefined && "fields" in header && context.population !== null && context.benefitCodes === codes && layoutOf(header.fields, context) !== null;
}

const EMPTY: CodeEntry = { ok: true, empty: true, groupValue: 0, codeNumber: 0 };

/** The header's id column and week columns when this reader takes the file whole (each week once, a one-byte delimiter); else null. */
function layoutOf(rawHeader: readonly string[], context: ExtractContext): { header: string[]; personIndex: number; weeks: WeekColumn[] } | null {
  const header = rawHeader.map((name) => name.trim());
  if (header.some((name) => containsCpr(name)) || context.delimiter.length !== 1 || context.delimiter.charCodeAt(0) > 0x7f) return null;
  try {
    const fields = mapFields("benefit_weeks_wide", header, context);
    const weeks = findWeekColumns(header, context);
    const person = fields.find((f) => f.field === "personId");
    if (!person || new Set(weeks.map((w) => w.week)).size !== weeks.length || weeks.some((w) => w.index === person.index)) return null;
    return { header, personIndex: person.index, weeks };
  } catch {
    return null; // the checked path stops the run with its own message
  }
}

/** Lines per id (the id cell trimmed of ASCII white space, as String.trim does on ASCII), from one pass over the bytes. */
async function countIds(bytes: () => AsyncIterable<Buffer>, headerLines: number, delimiter: number, personAt: number): Promise<{ get(data: Buffer, start: number, end: number): number }> {
  const table = new ByteKeyTable(1024);
  const counts: number[] = [];
  const isSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);
  const count = (data: Buffer, start: number, stop: number) => {
    let column = 0;
    let fieldStart = start;
    let i = start;
    for (; i < stop && column < personAt; i += 1) {
      if (data[i] === delimiter) {
        column += 1;
        fieldStart = i + 1;
      }
    }
    if (column < personAt) return;
    let fieldEnd = data.indexOf(delimiter, fieldStart);
    if (fieldEnd < 0 || fieldEnd > stop) fieldEnd = stop;
    let a = fieldStart;
    let b = fieldEnd;
    while (a < b && isSpace(data[a]!)) a += 1;
    while (b > a && isSpace(data[b - 1]!)) b -= 1;
    const known = table.get(data, a, b);
    if (known >= 0) counts[known]! += 1;
    else {
      table.set(data, a, b, counts.length);
      counts.push(1);
    }
  };
  let line = 0;
  for await (const data of wholeLines(bytes())) {
    line = eachLine(data, line, (start, stop, at) => {
      if (at > headerLines) count(data, start, stop);
    });
  }
  return {
    get(data, start, end) {
      const known = table.get(data, start, end);
      return known < 0 ? 0 : counts[known]!;
    },
  };
}
