/**
 * Every other register extract (paid hours, social services, psychiatric contacts,
 * convictions, …) read from the file's bytes: the person through a hash of the id bytes
 * (the population's own id string, so no string is made for it), every other mapped cell
 * through a table of its column's distinct texts, each parsed once by the checked path's
 * `parseCell`, and the record built by the checked path's `recordBuilder`. The parsed rows
 * then go through `ingestExtract` like any row — population, repeats, conflicts, coverage and
 * counts are judged there — so only the splitting and parsing of cells is done here.
 *
 * A row this reader cannot decide from its bytes — a person outside the population, a cell
 * that does not parse, a wrong field count, a CPR-like cell, a rule across fields — is handed
 * over as text, in its place in the file, and `ingestExtract` reads it as the checked path
 * would. A header it does not take whole goes through `ingestExtract` unchanged: both paths
 * accept and reject exactly the same rows (tests/ingest/bytes/ingestRecordBytes.test.ts).
 *
 * Memory: the tables hold persons and distinct cell texts (bounded); the file streams in chunks.
 */
import { containsCpr } from "../containsCpr.ts";
import type { ExtractKind } from "../extractKinds.ts";
import { ingestExtract, mapFields, recordBuilder, type ExtractContext, type ExtractResult, type MappedField, type ParsedRow } from "../ingestExtract.ts";
import { memoisedParseCell, type CellResult } from "../rowSchema.ts";
import type { RawRow } from "../schema.ts";
import { ByteKeyTable } from "./ByteKeyTable.ts";
import { splitFields } from "../../../pipeline/io/lines.ts";
import { CellTable, peekHeader, scanRows } from "./handOver.ts";

/** A CPR number has at least ten characters: a shorter cell cannot hold one (containsCpr's own first test). */
const CPR_MINIMUM_LENGTH = 10;

/** The kinds this reader takes: every extract read against the population, except the benefit weeks (their own readers) and the allocation (assign's). */
export function readsRecordBytes(kind: ExtractKind): boolean {
  return kind !== "population" && kind !== "allocation" && kind !== "benefit_weeks_long" && kind !== "benefit_weeks_wide";
}

export async function ingestRecordBytes<K extends ExtractKind>(kind: K, rows: AsyncIterable<RawRow | RawRow[]>, bytes: () => AsyncIterable<Buffer>, context: ExtractContext): Promise<ExtractResult<K>> {
  const { header: headerRow, again, done } = await peekHeader(rows);
  const layout = headerRow && "fields" in headerRow && context.population !== null && readsRecordBytes(kind) ? layoutOf(kind, headerRow.fields, context) : null;
  if (!layout) return ingestExtract(kind, again, context);
  await done();

  const { fields, columns } = layout;
  const delimiter = context.delimiter.charCodeAt(0);
  const personField = fields.find((f) => f.field === "personId")!;
  // The population's ids, looked up from bytes; the body is ASCII (the fast reader's condition), so another id never matches.
  const ids = [...context.population!].filter((id) => /^[\x00-\x7f]*$/.test(id));
  const persons = new ByteKeyTable(ids.length);
  ids.forEach((id, index) => {
    const key = Buffer.from(id, "latin1");
    persons.set(key, 0, key.length, index);
  });
  // Per column: is it mapped (its field's parse, memoised), and may its text hold a CPR-like value.
  const cellOf = fields.map((f) => cellTableOf(f));
  const fieldAt = new Int32Array(columns).fill(-1);
  fields.forEach((f, i) => (fieldAt[f.index] = i));
  const unmapped = new CellTable<boolean>((text) => containsCpr(text));
  const build = recordBuilder(kind, fields, context);
  const starts = new Int32Array(columns);
  const ends = new Int32Array(columns);
  const values: unknown[] = new Array(fields.length);
  const personAt = personField.index;
  const personSlot = fields.indexOf(personField);

  /** The row parsed from its bytes, or null: the checked path reads it. */
  const offer = (data: Buffer, start: number, stop: number, line: number): ParsedRow | null => {
    let column = 0;
    let fieldStart = start;
    for (let i = start; i <= stop; i += 1) {
      if (i < stop && data[i] !== delimiter) continue;
      if (column >= columns) return null;
      starts[column] = fieldStart;
      ends[column] = i;
      column += 1;
      fieldStart = i + 1;
    }
    if (column !== columns) return null;
    const person = persons.get(data, starts[personAt]!, ends[personAt]!);
    if (person < 0) return null;
    for (let c = 0; c < columns; c += 1) {
      const slot = fieldAt[c]!;
      if (slot === personSlot) continue;
      if (slot < 0) {
        if (ends[c]! - starts[c]! >= CPR_MINIMUM_LENGTH && unmapped.get(data, starts[c]!, ends[c]!)) return null;
        continue;
      }
      const cell = cellOf[slot]!.get(data, starts[c]!, ends[c]!);
      if (!cell.ok) return null;
      values[slot] = cell.value;
    }
    const personId = ids[person]!;
    values[personSlot] = personId;
    const record = build(values);
    if (!record) return null;
    return new BytesRow(line, record, personId, data, start, stop, delimiter);
  };

  return ingestExtract(kind, scanRows(bytes, headerRow!, delimiter, offer), context);
}

/** A parsed row that can still give its cells as text (a class, so no function is made per row). */
class BytesRow implements ParsedRow {
  constructor(
    readonly line: number,
    readonly record: Record<string, unknown>,
    readonly personId: string,
    private readonly data: Buffer,
    private readonly start: number,
    private readonly stop: number,
    private readonly delimiter: number,
  ) {}

  cells(): readonly string[] {
    return splitFields(this.data, this.start, this.stop, this.delimiter);
  }
}

/** A column's distinct texts → its field's parse (ok and the value), with CPR-like texts refused. */
function cellTableOf(field: MappedField): CellTable<CellResult> {
  const parse = memoisedParseCell(field.definition, field.formats);
  const refused: CellResult = { ok: false, rule: "missing_value", message: "" };
  return new CellTable((text) => (containsCpr(text) ? refused : parse(text)));
}

/** The mapped fields when the header is one this reader takes whole (no CPR-like name, a one-byte delimiter, each column read by at most one field); else null. */
function layoutOf(kind: ExtractKind, rawHeader: readonly string[], context: ExtractContext): { fields: MappedField[]; columns: number } | null {
  const header = rawHeader.map((name) => name.trim());
  if (header.some((name) => containsCpr(name)) || context.delimiter.length !== 1 || context.delimiter.charCodeAt(0) > 0x7f) return null;
  try {
    const fields = mapFields(kind, header, context);
    // Two fields read from one column (a spec may map them so) are left to the checked path.
    const oneColumnEach = new Set(fields.map((f) => f.index)).size === fields.length;
    return oneColumnEach && fields.some((f) => f.field === "personId") ? { fields, columns: header.length } : null;
  } catch {
    return null; // the checked path stops the run with its own message
  }
}
