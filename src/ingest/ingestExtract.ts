/**
 * Reads one extract's rows into canonical records: maps the header onto canonical
 * fields, refuses CPR-like columns, validates every row with zod, and quarantines
 * what fails with file, line, column, value and rule. Rows read = rows accepted +
 * rows quarantined, always.
 */
import { messages, type Rule } from "../messages.ts";
import { issue, stopRun } from "../shared/issues.ts";
import type { DayNumber } from "../shared/dates.ts";
import { fieldsOf, type ExtractKind, type FieldDefinition } from "./extractKinds.ts";
import { containsCpr } from "./containsCpr.ts";
import { plausibleRange } from "./plausibility.ts";
import { parseWeek, type DecimalSeparator } from "./parseValue.ts";
import { cellSchema, memoisedParseCell, parseCell, rowSchema, type CellFormats } from "./rowSchema.ts";
import type { BenefitCodes, QuarantineEntry, RawRow, RecordOfKind } from "./schema.ts";
import type { PanelWrite } from "./benefitPanel.ts";
import type { ExtractSpec } from "../spec/schema.ts";
import { z } from "zod";
import { EXTRACT_DEFINITIONS } from "./extracts/index.ts";
import type { ExtractDefinition, RowProblem } from "./extracts/types.ts";

export interface ExtractContext {
  readonly name: string;
  /** The file name as shown to the person (relative path). */
  readonly file: string;
  /** The extract's spec; the allocation reader (assign stage) leaves out the ingest-only keys. */
  readonly spec: Omit<ExtractSpec, "allowEmpty" | "onRejectedRow" | "bounds"> & Partial<Pick<ExtractSpec, "bounds">>;
  readonly decimal: DecimalSeparator;
  /** The delimiter the file is read with, to show a wrong-length row as it stood. */
  readonly delimiter: string;
  readonly enrolment: { readonly from: DayNumber; readonly to: DayNumber };
  readonly benefitCodes: BenefitCodes | null;
  /** Person ids of the population; null while reading the population itself. */
  readonly population: ReadonlySet<string> | null;
  /** Persons whose population rows were all rejected: their rows here say so. */
  readonly excludedPersons?: ReadonlySet<string>;
  /** The as-of date: a birth date may not lie after it. */
  readonly asOf?: DayNumber;
  /** Optional fields the spec makes required for this extract (the population's cluster, when assignment.cluster names it). */
  readonly requiredFields?: readonly string[];
  readonly onProgress?: (rowsRead: number) => void;
  /**
   * For benefit weeks: where accepted weeks go instead of the record list (a dense panel),
   * saying whether the person-week was already written.
   */
  readonly benefitSink?: (personId: string, week: number, code: string, line: number) => PanelWrite;
}

export interface ExtractResult<K extends ExtractKind = ExtractKind> {
  readonly records: RecordOfKind[K][];
  readonly quarantine: QuarantineEntry[];
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsQuarantined: number;
  readonly issuesByRule: Record<string, number>;
  readonly rowsForPersonsNotInPopulation: number;
  readonly personsNotInPopulation: number;
  /** Canonical records accepted (a wide benefit row gives one per non-empty week). */
  readonly recordCount: number;
  /** Benefit weeks outside the analysis period, accepted but not kept (no outcome or covariate reads them). */
  readonly recordsOutsidePeriod: number;
  /** Quarantined rows other than those of persons outside the population: these count toward the stop. */
  readonly rowsRejected: number;
  /** Rejected and conflicting rows with what could still be read of them (person, period), to mark the windows they fall in. */
  readonly rejected: readonly RejectedRow[];
  /** The first and last day the accepted rows (or, wide layout, the week columns) reach; null with none. */
  readonly coverage: { readonly from: DayNumber; readonly to: DayNumber } | null;
  /** Population and allocation: distinct persons on the rows (a row whose id cannot be read counts as one), those with an accepted row, and the others by the rule of their first rejected row; null for other extracts. */
  readonly persons: { readonly read: number; readonly accepted: number; readonly excludedByRule: Record<string, number> } | null;
  /** The readable ids of persons with rows but no accepted row. */
  readonly excludedPersonIds: readonly string[];
}

export interface RejectedRow {
  readonly line: number;
  /** null when the person id cannot be read. */
  readonly personId: string | null;
  /** The days [from, to) the row could have counted in; null = unknown. */
  readonly from: DayNumber | null;
  readonly to: DayNumber | null;
  readonly reason: "quarantined_row" | "conflicting_rows";
}

export interface MappedField {
  readonly field: string;
  readonly column: string;
  readonly index: number;
  readonly definition: FieldDefinition;
  readonly formats: CellFormats;
}

export interface WeekColumn {
  readonly column: string;
  readonly index: number;
  readonly week: DayNumber;
}

const PROGRESS_EVERY_ROWS = 100_000;

/**
 * A row a byte-level reader has already parsed (bytes/ingestRecordBytes.ts): its record is what
 * the validator's fast path would have built from its cells, and `cells` gives the cells as text
 * for the rare message that quotes one (a repeat). Everything after parsing — population,
 * repeats, coverage, counts — is done here, as for any row.
 */
export interface ParsedRow {
  readonly line: number;
  readonly record: Record<string, unknown>;
  readonly personId: string;
  readonly cells: () => readonly string[];
}

export async function ingestExtract<K extends ExtractKind>(kind: K, rows: AsyncIterable<RawRow | ParsedRow | (RawRow | ParsedRow)[]>, context: ExtractContext): Promise<ExtractResult<K>> {
  // 1. The header: CPR-like names refused, canonical fields mapped onto its columns.
  const iterator = rows[Symbol.asyncIterator]();
  const header = headerOf(await iterator.next(), context);
  const fields = mapFields(kind, header.fields, context);
  const weekColumns = kind === "benefit_weeks_wide" ? findWeekColumns(header.fields, context) : [];

  // 2. Every row in file order: validated, checked against the population and the rows before it, kept or quarantined.
  const reading = new RowsRead<K>(kind, header.fields, fields, weekColumns, context);
  const pending: (RawRow | ParsedRow)[] = [];
  for (;;) {
    if (pending.length === 0) {
      const next = await iterator.next();
      if (next.done) break;
      // A reader may hand over a batch of rows at once (the fast reader does: one await per chunk, not per row).
      if (Array.isArray(next.value)) {
        for (let i = next.value.length - 1; i >= 0; i -= 1) pending.push(next.value[i]!);
        continue;
      }
      pending.push(next.value);
    }
    reading.take(pending.pop()!);
  }

  // 3. A person listed twice with other values withdrawn; the counts.
  return reading.result();
}

/** The header row, trimmed; an extract with no header, or a CPR-like column name, stops the run. */
function headerOf(first: IteratorResult<RawRow | ParsedRow | (RawRow | ParsedRow)[]>, context: ExtractContext): { line: number; fields: string[] } {
  const firstRow = first.done ? undefined : Array.isArray(first.value) ? first.value[0] : first.value;
  if (!firstRow || !("fields" in firstRow)) stopRun(issue("extract_empty", messages.extractEmpty(), { file: context.file, path: [] }));
  if (Array.isArray(first.value) && first.value.length > 1) throw new Error("ingestExtract requires the header on its own");
  const fields = firstRow.fields.map((name) => name.trim());
  // A header-less file's first line is data: it is never quoted back when it holds CPR-like values.
  const cprInHeader = fields.findIndex((name) => containsCpr(name));
  if (cprInHeader >= 0) stopRun(issue("cpr_refused", messages.headerLooksLikeCpr(), { file: context.file, path: [], line: firstRow.line, column: `#${cprInHeader + 1}` }));
  return { line: firstRow.line, fields };
}

/** A row read as text cells. */
type CellsRow = Extract<RawRow, { fields: readonly string[] }>;

/** A row's cells as text (a parsed row makes them only when asked: a message quotes one). */
function cellsOf(row: CellsRow | ParsedRow): readonly string[] {
  return "record" in row ? row.cells() : row.fields;
}

/**
 * One extract's rows as they are read: the records kept, the quarantine, and every count the
 * result gives. `take` judges one row: malformed, wrong length, invalid, outside the population,
 * a repeat or a conflict, a benefit week for the panel, or a record.
 */
class RowsRead<K extends ExtractKind> {
  private readonly records: RecordOfKind[K][] = [];
  private readonly quarantine: QuarantineEntry[] = [];
  private readonly issuesByRule: Record<string, number> = {};
  private readonly firstOfKey = new RepeatIndex();
  private readonly unknownPersons = new Set<string>();
  private readonly rejected: RejectedRow[] = [];
  private readonly personsSeen = new Set<string>();
  private readonly personsAccepted = new Set<string>();
  private readonly firstRuleOfPerson = new Map<string, string>();
  private readonly conflictingPersons = new Map<string, number>();
  private personsWithoutId = 0;
  private rowsRead = 0;
  private rowsQuarantined = 0;
  private rowsRejected = 0;
  private rowsForUnknown = 0;
  private recordCount = 0;
  private outsidePeriod = 0;
  // The first and last day covered so far (no span yet: +∞ and −∞); the wide layout's week columns give both ends.
  private coverFrom: number;
  private coverTo: number;
  private readonly definition: ExtractDefinition;
  private readonly validate: (cells: readonly string[], line: number) => Validation;
  private readonly personField: MappedField;
  private readonly checksPopulation: boolean;
  // Persons are counted for the population (CONSORT) and the allocation: other extracts are only ever read against them.
  private readonly countsPersons: boolean;

  constructor(
    private readonly kind: K,
    private readonly header: readonly string[],
    private readonly fields: readonly MappedField[],
    private readonly weekColumns: readonly WeekColumn[],
    private readonly context: ExtractContext,
  ) {
    // What the kind does with repeats, coverage and rejected rows: its own file, ./extracts/<kind>.ts.
    this.definition = EXTRACT_DEFINITIONS[kind];
    this.validate = buildValidator(kind, fields, weekColumns, context);
    this.personField = fields.find((f) => f.field === "personId")!;
    this.checksPopulation = context.population !== null && kind !== "population" && kind !== "allocation";
    this.countsPersons = kind === "population" || kind === "allocation";
    this.coverFrom = weekColumns.length > 0 ? Math.min(...weekColumns.map((w) => w.week)) : Infinity;
    this.coverTo = weekColumns.length > 0 ? Math.max(...weekColumns.map((w) => w.week)) + 6 : -Infinity;
  }

  take(row: RawRow | ParsedRow): void {
    const { kind, context } = this;
    this.rowsRead += 1;
    if (this.rowsRead % PROGRESS_EVERY_ROWS === 0) context.onProgress?.(this.rowsRead);
    if ("malformed" in row) {
      if (containsCpr(row.raw)) stopRun(issue("cpr_refused", messages.cprRefused(), { file: context.file, path: [], line: row.line }));
      this.flag(row.line, null, "quarantined_row");
      this.seen(null, "malformed_csv");
      this.reject([this.entry(row.line, "", row.raw, "malformed_csv", messages.rule.malformed_csv(row.malformed))], "rejected");
      return;
    }
    // A parsed row's cells were checked (CPR-like values, column count, every field) by its reader.
    const parsedRow = "record" in row;
    if (!parsedRow) {
      refuseCprColumns(row.fields, this.header, row.line, context.file);
      if (row.fields.length !== this.header.length) {
        // The fields cannot be placed in their columns: neither person nor period is known.
        this.flag(row.line, null, "quarantined_row");
        this.seen(null, "wrong_column_count");
        this.reject([this.entry(row.line, "", row.fields.join(context.delimiter), "wrong_column_count", messages.rule.wrong_column_count(this.header.length, row.fields.length))], "rejected");
        return;
      }
    }
    const outcome: Validation = parsedRow ? { record: row.record, personId: row.personId } : this.validate(row.fields, row.line);
    if ("problems" in outcome) {
      if (parsedRow) throw new Error("ingestExtract: a parsed row has no problems");
      this.takeInvalid(row, outcome.problems);
      return;
    }
    const { personId } = outcome;
    const record = outcome.record as Record<string, unknown>;
    if (this.isOrphan(personId)) {
      if (kind !== "benefit_weeks_wide") this.cover(record);
      this.orphan(row.line, personId);
      return;
    }
    // Long benefit weeks with a panel are checked by the panel itself (memory bounded by persons × weeks).
    if (!(context.benefitSink && kind === "benefit_weeks_long") && this.takenAsRepeat(row, personId, record)) return;
    if (context.benefitSink && (kind === "benefit_weeks_long" || kind === "benefit_weeks_wide")) {
      this.takeWeeks(row, personId, record, outcome.record);
      return;
    }
    this.keep(personId, record, outcome.record);
  }

  /** A row that failed validation: quarantined with every problem, its person and period flagged where they can be read. */
  private takeInvalid(row: CellsRow, problems: readonly Problem[]): void {
    const partial = readWhatParses(this.kind, this.fields, row.fields);
    const personId = typeof partial.personId === "string" ? partial.personId : null;
    if (this.isOrphan(personId)) {
      this.orphan(row.line, personId!);
      return;
    }
    if (this.definition.repeat !== "allocation") this.flag(row.line, row.fields, "quarantined_row", partial);
    this.seen(personId, problems[0]!.rule);
    this.reject(problems.map((p) => this.entry(row.line, p.column, p.value, p.rule, p.message)), "rejected");
  }

  /** Repeats: an exact repeat is counted once; a repeat with other values is a conflict. True when the row was one (and is quarantined). */
  private takenAsRepeat(row: CellsRow | ParsedRow, personId: string, record: Record<string, unknown>): boolean {
    const { kind, definition } = this;
    const { line } = row;
    // Only the wide layout's signature reads the cells, and a parsed row is never wide.
    const signature = definition.signature(record, "record" in row ? [] : row.fields, this.weekColumns);
    const key = definition.repeatKey(record, signature);
    const earlier = this.firstOfKey.get(personId, key);
    if (earlier === undefined) {
      this.firstOfKey.set(personId, key, { line, signature });
      return false;
    }
    const keyField = this.fields.find((f) => f.field === definition.keyField) ?? this.fields[0]!;
    const value = cellsOf(row)[keyField.index] ?? "";
    if (definition.repeat === "allocation") {
      this.seen(personId, "duplicate_person");
      this.reject([this.entry(line, keyField.column, value, "duplicate_person", messages.rule.duplicate_person(earlier.line))], "rejected");
    } else if (earlier.signature === signature) {
      this.seen(personId, "duplicate_row");
      this.reject([this.entry(line, keyField.column, value, "duplicate_row", messages.rule.duplicate_row(earlier.line))], "rejected");
    } else if (definition.repeat === "person") {
      if (!this.conflictingPersons.has(personId)) this.conflictingPersons.set(personId, earlier.line);
      this.seen(personId, "conflicting_rows");
      this.reject([this.entry(line, keyField.column, value, "conflicting_rows", messages.rule.conflicting_person(earlier.line))], "rejected");
    } else {
      // A wide row is the person's every week: a conflicting one leaves all of them unknown.
      this.flag(line, null, "conflicting_rows", kind === "benefit_weeks_wide" ? {} : record, personId);
      this.seen(personId, "conflicting_rows");
      this.reject([this.entry(line, keyField.column, value, "conflicting_rows", messages.rule.conflicting_rows(earlier.line, kind === "benefit_weeks_wide" ? "person" : "person and period"))], "rejected");
    }
    return true;
  }

  /** Benefit weeks (one long row, or a wide row's every week) into the panel; a week the panel already holds makes the row a repeat or a conflict. */
  private takeWeeks(row: CellsRow | ParsedRow, personId: string, record: Record<string, unknown>, validated: unknown): void {
    const { kind, context } = this;
    const { line } = row;
    const weeks = (kind === "benefit_weeks_wide" ? validated : [validated]) as RecordOfKind["benefit_weeks_long"][];
    const weekField = this.fields.find((f) => f.field === "week");
    let repeat: { firstLine: number; sameCode: boolean } | null = null;
    for (const w of weeks) {
      const written = context.benefitSink!(w.personId, w.week, w.code, line);
      if (written.status === "duplicate") repeat = written;
      else if (written.status === "outside") this.outsidePeriod += 1;
    }
    if (repeat) {
      const value = weekField ? (cellsOf(row)[weekField.index] ?? "") : "";
      if (repeat.sameCode) {
        this.seen(personId, "duplicate_row");
        this.reject([this.entry(line, weekField?.column ?? "", value, "duplicate_row", messages.rule.duplicate_row(repeat.firstLine))], "rejected");
      } else {
        this.flag(line, null, "conflicting_rows", kind === "benefit_weeks_wide" ? {} : record, personId);
        this.seen(personId, "conflicting_rows");
        this.reject([this.entry(line, weekField?.column ?? "", value, "conflicting_rows", messages.rule.conflicting_rows(repeat.firstLine, "person and week"))], "rejected");
      }
      return;
    }
    if (kind === "benefit_weeks_long") this.cover(record);
    this.seen(personId, null);
    this.recordCount += weeks.length;
  }

  /** An accepted row's record (a wide row's weeks) kept. */
  private keep(personId: string, record: Record<string, unknown>, validated: unknown): void {
    const { kind, context } = this;
    this.cover(record);
    this.seen(personId, null);
    if (kind === "allocation" && context.population && !context.population.has(personId)) {
      // The assign stage checks these (only_enrolled_assigned): counted here, kept.
      this.rowsForUnknown += 1;
      this.unknownPersons.add(personId);
    }
    if (kind === "benefit_weeks_wide") {
      for (const week of validated as RecordOfKind["benefit_weeks_wide"][]) this.records.push(week as RecordOfKind[K]);
    } else {
      this.records.push(validated as RecordOfKind[K]);
    }
    this.recordCount = this.records.length;
  }

  private reject(entries: QuarantineEntry[], counts: "rejected" | "not_in_population"): void {
    this.rowsQuarantined += 1;
    if (counts === "rejected") this.rowsRejected += 1;
    for (const entry of entries) {
      this.quarantine.push(entry);
      this.issuesByRule[entry.rule] = (this.issuesByRule[entry.rule] ?? 0) + 1;
    }
  }

  private entry(line: number, column: string, value: string, rule: Rule, message: string): QuarantineEntry {
    return { file: this.context.file, line, column, value, rule, message };
  }

  private cover(record: Record<string, unknown>): void {
    if (this.kind === "benefit_weeks_wide") return;
    const span = this.definition.coverage(record);
    if (span) {
      if (span.from < this.coverFrom) this.coverFrom = span.from;
      if (span.to > this.coverTo) this.coverTo = span.to;
    }
  }

  private seen(personId: string | null, rule: string | null): void {
    if (!this.countsPersons) return;
    if (personId === null) {
      this.personsWithoutId += 1;
      return;
    }
    this.personsSeen.add(personId);
    if (rule === null) this.personsAccepted.add(personId);
    else if (!this.firstRuleOfPerson.has(personId)) this.firstRuleOfPerson.set(personId, rule);
  }

  /** A row whose value is rejected: keep what can still be read of it (person, period) so its windows are known. */
  private flag(line: number, cells: readonly string[] | null, reason: RejectedRow["reason"], record?: Record<string, unknown>, knownPerson?: string): void {
    const partial = record ?? (cells ? readWhatParses(this.kind, this.fields, cells) : {});
    const personId = knownPerson ?? (typeof partial.personId === "string" ? partial.personId : null);
    this.rejected.push({ line, personId, ...this.definition.flagSpan(partial), reason });
  }

  private isOrphan(personId: string | null): boolean {
    return this.checksPopulation && personId !== null && !this.context.population!.has(personId);
  }

  private orphan(line: number, personId: string): void {
    this.rowsForUnknown += 1;
    this.unknownPersons.add(personId);
    this.reject([this.entry(line, this.personField.column, personId, "person_not_in_population", messages.rule.person_not_in_population(this.context.excludedPersons?.has(personId) ?? false))], "not_in_population");
  }

  /** The result: a person listed twice with other values is excluded, the first row withdrawn too. */
  result(): ExtractResult<K> {
    let kept = this.records;
    if (this.conflictingPersons.size > 0) {
      kept = this.records.filter((r) => !this.conflictingPersons.has((r as { personId: string }).personId));
      for (const [personId, line] of this.conflictingPersons) {
        this.personsAccepted.delete(personId);
        this.firstRuleOfPerson.set(personId, "conflicting_rows");
        const others = this.quarantine.filter((q) => q.rule === "conflicting_rows" && q.value === personId).map((q) => q.line);
        this.reject([this.entry(line, this.personField.column, personId, "conflicting_rows", messages.rule.conflicting_person(others[0] ?? line))], "rejected");
      }
      this.quarantine.sort((a, b) => a.line - b.line);
      this.recordCount = kept.length;
    }
    const excludedByRule: Record<string, number> = {};
    for (const [personId, rule] of this.firstRuleOfPerson) if (!this.personsAccepted.has(personId)) excludedByRule[rule] = (excludedByRule[rule] ?? 0) + 1;
    if (this.personsWithoutId > 0) excludedByRule.person_id_unreadable = this.personsWithoutId;
    return {
      records: kept,
      quarantine: this.quarantine,
      rowsRead: this.rowsRead,
      rowsAccepted: this.rowsRead - this.rowsQuarantined,
      rowsQuarantined: this.rowsQuarantined,
      rowsRejected: this.rowsRejected,
      issuesByRule: sortKeys(this.issuesByRule),
      rowsForPersonsNotInPopulation: this.rowsForUnknown,
      personsNotInPopulation: this.unknownPersons.size,
      recordCount: this.recordCount,
      recordsOutsidePeriod: this.outsidePeriod,
      rejected: this.rejected,
      coverage: this.coverFrom <= this.coverTo ? { from: this.coverFrom, to: this.coverTo } : null,
      persons: this.countsPersons ? { read: this.personsSeen.size + this.personsWithoutId, accepted: this.personsAccepted.size, excludedByRule: sortKeys(excludedByRule) } : null,
      excludedPersonIds: [...this.personsSeen].filter((id) => !this.personsAccepted.has(id)).sort(),
    };
  }
}

/** What can still be read of a rejected row: each field parsed on its own (bounds aside), unreadable ones left out. */
function readWhatParses(kind: ExtractKind, fields: readonly MappedField[], cells: readonly string[]): Record<string, unknown> {
  const partial: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.field !== "personId" && !SPAN_FIELDS.has(f.field)) continue;
    const { bounds: _ignored, ...formats } = f.formats;
    const parsed = parseCell(f.definition, formats, cells[f.index] ?? "");
    if (parsed.ok) partial[f.field] = parsed.value;
    else if (f.field !== "personId") partial[f.field] = undefined;
  }
  if (kind === "benefit_weeks_wide") delete partial.week;
  return partial;
}

const SPAN_FIELDS = new Set(["month", "week", "date", "startDate", "endDate", "releaseDate"]);

/**
 * The first row of each key, person by person: a map of the person's keys under the person's id, so no
 * string is made per row for a period key (the ids are shared with the records).
 */
class RepeatIndex {
  private readonly byPerson = new Map<string, Map<string | number, { line: number; signature: string | number | null }>>();

  get(personId: string, key: string | number): { line: number; signature: string | number | null } | undefined {
    return this.byPerson.get(personId)?.get(key);
  }

  set(personId: string, key: string | number, first: { line: number; signature: string | number | null }): void {
    let keys = this.byPerson.get(personId);
    if (keys === undefined) this.byPerson.set(personId, (keys = new Map()));
    keys.set(key, first);
  }
}

/** Canonical field → header position; a mapped or required column that is absent stops the run, naming it. */
export function mapFields(kind: ExtractKind, header: readonly string[], context: ExtractContext): MappedField[] {
  const mapped: MappedField[] = [];
  const missing: string[] = [];
  const lookedFor: string[] = [];
  for (const [field, declared] of Object.entries(fieldsOf(kind))) {
    const definition = context.requiredFields?.includes(field) ? { ...declared, required: true } : declared;
    const mapping = context.spec.columns[field];
    const column = mapping === undefined ? field : typeof mapping === "string" ? mapping : mapping.column;
    const index = header.indexOf(column);
    lookedFor.push(column);
    const positions = header.flatMap((name, i) => (name === column ? [i + 1] : []));
    if (positions.length > 1) stopRun(issue("column_twice", messages.columnTwice(column, positions), { file: context.file, path: [], line: 1, column }));
    if (index < 0) {
      if (definition.required || mapping !== undefined) missing.push(column);
      continue;
    }
    const values = mapping !== undefined && typeof mapping !== "string" ? mapping.values : undefined;
    const bounds = plausibleRange(kind, field, definition, context.spec.bounds?.[field], context.asOf);
    const formats = cellFormats(context, values, definition.type === "benefit_code");
    mapped.push({ field, column, index, definition, formats: bounds ? { ...formats, bounds: { ...bounds, setting: `extracts.${context.name}.bounds.${field}` } } : formats });
  }
  if (missing.length > 0) stopRun(issue("columns_missing", messages.columnsMissing(missing, header, lookedFor), { file: context.file, path: [], line: 1 }));
  return mapped;
}

function cellFormats(context: ExtractContext, values: Readonly<Record<string, string>> | undefined, isBenefitCode: boolean): CellFormats {
  const knownCodes = isBenefitCode && context.benefitCodes ? new Set(context.benefitCodes.groupOfCode.keys()) : undefined;
  return {
    dateFormat: context.spec.dateFormat ?? "iso",
    monthFormat: context.spec.monthFormat,
    weekFormat: context.spec.weekFormat,
    decimal: context.decimal,
    ...(values ? { values } : {}),
    ...(knownCodes ? { knownCodes } : {}),
  };
}

export function findWeekColumns(header: readonly string[], context: ExtractContext): WeekColumn[] {
  const pattern = new RegExp(context.spec.weekColumnPattern);
  const columns: WeekColumn[] = [];
  header.forEach((column, index) => {
    const match = pattern.exec(column);
    if (!match) return;
    const week = parseWeek(match[1] ?? "", "yyww");
    if (week === null) stopRun(issue("week_column_invalid", messages.weekColumnInvalid(), { file: context.file, path: [], line: 1, column }));
    columns.push({ column, index, week });
  });
  if (columns.length === 0) stopRun(issue("no_week_columns", messages.noWeekColumns(context.spec.weekColumnPattern), { file: context.file, path: [], line: 1 }));
  return columns;
}

interface Problem {
  readonly column: string;
  readonly value: string;
  readonly rule: Rule;
  readonly message: string;
}
type Validation = { record: unknown; personId: string } | { problems: Problem[] };

function buildValidator(kind: ExtractKind, fields: readonly MappedField[], weekColumns: readonly WeekColumn[], context: ExtractContext) {
  const columnOf = new Map(fields.map((f) => [f.field, f]));
  const schema = rowSchema(fields);
  const weekCell = cellSchema({ type: "benefit_code", required: false }, cellFormats(context, undefined, true));
  const weeksSchema = z.object({ personId: cellSchema(fields[0]!.definition, fields[0]!.formats), weeks: z.array(weekCell) });

  const problemsOf = (error: z.ZodError, cells: readonly string[]): Problem[] =>
    error.issues.map((issue) => {
      const [key, position] = issue.path;
      const mapped = typeof key === "string" ? columnOf.get(key) : undefined;
      const week = key === "weeks" && typeof position === "number" ? weekColumns[position] : undefined;
      const column = week?.column ?? mapped?.column ?? "";
      const index = week?.index ?? mapped?.index;
      const rule = ((issue as { params?: { rule?: Rule } }).params?.rule ?? "missing_value") as Rule;
      return { column, value: index === undefined ? "" : (cells[index] ?? ""), rule, message: issue.message };
    });

  // Fast path: the same cell parser zod wraps; a row it accepts is one zod accepts. Rejected rows go through zod for their issues.
  const fast = (cells: readonly string[]): Validation | null => {
    if (kind === "benefit_weeks_wide") {
      const id = parseCell(fields[0]!.definition, fields[0]!.formats, cells[fields[0]!.index] ?? "");
      if (!id.ok) return null;
      const records: { personId: string; week: number; code: string }[] = [];
      for (const w of weekColumns) {
        const text = (cells[w.index] ?? "").trim();
        if (text === "") continue;
        if (knownCodes && !knownCodes.has(text)) return null;
        records.push({ personId: id.value as string, week: w.week, code: text });
      }
      return { record: records, personId: id.value as string };
    }
    const values: unknown[] = [];
    for (let i = 0; i < fields.length; i += 1) {
      const parsed = parsers[i]!(cells[fields[i]!.index] ?? "");
      if (!parsed.ok) return null;
      values.push(parsed.value);
    }
    const complete = build(values);
    return complete && { record: complete, personId: complete.personId as string };
  };
  const knownCodes = context.benefitCodes ? new Set(context.benefitCodes.groupOfCode.keys()) : null;
  // Ids are looked up once per person, not per row; every other field repeats its texts (months, dates, codes).
  const parsers = fields.map((f) => (f.definition.type === "id" ? (raw: string) => parseCell(f.definition, f.formats, raw) : memoisedParseCell(f.definition, f.formats)));
  const build = recordBuilder(kind, fields, context);

  return (cells: readonly string[], _line: number): Validation => {
    const quick = fast(cells);
    if (quick) return quick;
    if (kind === "benefit_weeks_wide") {
      const parsed = weeksSchema.safeParse({ personId: cells[fields[0]!.index], weeks: weekColumns.map((w) => cells[w.index]) });
      if (!parsed.success) return { problems: problemsOf(parsed.error, cells) };
      const { personId, weeks } = parsed.data;
      const records = weekColumns.flatMap((w, i) => (weeks[i] === null ? [] : [{ personId, week: w.week, code: weeks[i] }]));
      return { record: records, personId: personId as string };
    }
    const input = Object.fromEntries(fields.map((f) => [f.field, cells[f.index]]));
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { problems: problemsOf(parsed.error, cells) };
    const record = Object.fromEntries(Object.keys(fieldsOf(kind)).map((field) => [field, parsed.data[field] ?? null]));
    const crossField = checkRow(kind, record, context);
    if (crossField) {
      const mapped = columnOf.get(crossField.field);
      return { problems: [{ column: mapped?.column ?? "", value: mapped ? (cells[mapped.index] ?? "") : "", rule: crossField.rule, message: crossField.message }] };
    }
    return { record, personId: record.personId as string };
  };
}

/**
 * The canonical record of a row from its mapped fields' parsed values (in `fields` order): every
 * canonical field of the kind, null where not mapped or empty, in the kind's field order (a
 * signature is its JSON); null when a rule across fields fails (the zod path then names it).
 * The validator's fast path and the byte-level reader build their records with this.
 */
export function recordBuilder(kind: ExtractKind, fields: readonly MappedField[], context: ExtractContext): (values: readonly unknown[]) => Record<string, unknown> | null {
  const allFields = Object.keys(fieldsOf(kind));
  return (values) => {
    const complete: Record<string, unknown> = {};
    for (const field of allFields) complete[field] = null;
    for (let i = 0; i < fields.length; i += 1) complete[fields[i]!.field] = values[i];
    return checkRow(kind, complete, context) ? null : complete;
  };
}

/** Rules that relate two fields of one row: an end before its start (every kind), then the kind's own (./extracts/<kind>.ts). */
function checkRow(kind: ExtractKind, record: Record<string, unknown>, context: ExtractContext): RowProblem | null {
  const start = record.startDate as number | null | undefined;
  const end = record.endDate as number | null | undefined;
  if (typeof start === "number" && typeof end === "number" && end < start) {
    return { field: "endDate", rule: "end_before_start", message: messages.rule.end_before_start() };
  }
  return EXTRACT_DEFINITIONS[kind].checkRow?.(record, context) ?? null;
}

/** Stops the run when any cell looks like a CPR number; the value itself is never repeated. */
function refuseCprColumns(cells: readonly string[], header: readonly string[], line: number, file: string): void {
  for (let i = 0; i < cells.length; i += 1) {
    if (containsCpr(cells[i] as string)) stopRun(issue("cpr_refused", messages.cprRefused(), { file, path: [], line, column: header[i] ?? `#${i + 1}` }));
  }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

