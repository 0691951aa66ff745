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
import { CellTable, handOver, LineFields, peekHeader } from "./handOver.ts";

const PROGRESS_EVERY_ROWS = 100_000;

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

  const delimiter = context.delimiter.charCodeAt(0);
  const columns = fields.length;
  const personAt = personField.index;
  const weekAt = weekField.index;
  const codeAt = codeField.index;
  // The line's fields, from the delimiters handOver finds in its pass for the line end.
  const lineFields = new LineFields(columns);
  const { starts, ends } = lineFields;
  const tally = { stored: 0, outside: 0, from: Infinity, to: -Infinity };
  let rowsRead = 0;
  const progress = () => {
    rowsRead += 1;
    if (rowsRead % PROGRESS_EVERY_ROWS === 0) context.onProgress?.(rowsRead);
  };

  /** True when the row was taken here; false: the checked path reads it. */
  const take = (data: Buffer, start: number, stop: number, line: number, cutCount: number): boolean => {
    if (!lineFields.place(start, stop, cutCount)) return false;
    const person = persons.getNear(data, starts[personAt]!, ends[personAt]!);
    if (person < 0) return false;
    const week = weeks.getNear(data, starts[weekAt]!, ends[weekAt]!);
    if (!week.ok) return false;
    const code = codeCells.getNear(data, starts[codeAt]!, ends[codeAt]!);
    if (!code.ok) return false;
    const offset = (week.value - panel.firstWeek) / 7;
    if (offset >= 0 && offset < panel.weekCount) {
      if (panel.storeAt(person, offset, code.value, code.codeNumber, line) !== 0) return false; // a repeat: the checked path names it
    } else tally.outside += 1;
    tally.stored += 1;
    if (week.value < tally.from) tally.from = week.value;
    if (week.value + 6 > tally.to) tally.to = week.value + 6;
    return true;
  };

  // The rows handed over write to the same panel (and name their repeats from it), as in the checked path.
  const { onProgress: _progress, ...quiet } = context;
  const sink = (personId: string, week: number, code: string, line: number) => panel.set(personId, week, codes.groupOfCode.get(code)!, line, code);
  const checked = await ingestExtract("benefit_weeks_long", handOver(bytes, headerRow!, delimiter, take, progress, lineFields.cuts), { ...quiet, benefitSink: sink });
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

