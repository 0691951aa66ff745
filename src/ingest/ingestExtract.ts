/**
 * Reads one extract's rows into canonical records: maps the header onto canonical
 * fields, refuses CPR-like columns, validates every row with zod, and quarantines
 * what fails with file, line, column, value and rule. Rows read = rows accepted +
 * rows quarantined, always.
 */
import { messages, type Rule } from "../messages.ts";
import { issue, stopRun } from "../shared/issues.ts";
import { isoDate, type DayNumber } from "../shared/dates.ts";
import { fieldsOf, type ExtractKind, type FieldDefinition } from "./extractKinds.ts";
import { containsCpr } from "./containsCpr.ts";
import { parseWeek, type DecimalSeparator } from "./parseValue.ts";
import { cellSchema, parseCell, rowSchema, type CellFormats } from "./rowSchema.ts";
import type { BenefitCodes, QuarantineEntry, RawRow, RecordOfKind } from "./schema.ts";
import type { PanelWrite } from "./benefitPanel.ts";
import type { ExtractSpec } from "../spec/schema.ts";
import { z } from "zod";

export interface ExtractContext {
  readonly name: string;
  /** The file name as shown to the person (relative path). */
  readonly file: string;
  readonly spec: ExtractSpec;
  readonly decimal: DecimalSeparator;
  /** The delimiter the file is read with, to show a wrong-length row as it stood. */
  readonly delimiter: string;
  readonly enrolment: { readonly from: DayNumber; readonly to: DayNumber };
  readonly benefitCodes: BenefitCodes | null;
  /** Person ids of the population; null while reading the population itself. */
  readonly population: ReadonlySet<string> | null;
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
}

interface MappedField {
  readonly field: string;
  readonly column: string;
  readonly index: number;
  readonly definition: FieldDefinition;
  readonly formats: CellFormats;
}

interface WeekColumn {
  readonly column: string;
  readonly index: number;
  readonly week: DayNumber;
}

const PROGRESS_EVERY_ROWS = 100_000;

export async function ingestExtract<K extends ExtractKind>(kind: K, rows: AsyncIterable<RawRow | RawRow[]>, context: ExtractContext): Promise<ExtractResult<K>> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  const firstRow = first.done ? undefined : Array.isArray(first.value) ? first.value[0] : first.value;
  if (!firstRow || !("fields" in firstRow)) stopRun(issue("extract_empty", messages.extractEmpty(), { file: context.file, path: [] }));
  if (Array.isArray(first.value) && first.value.length > 1) throw new Error("ingestExtract requires the header on its own");
  const header = firstRow.fields.map((name) => name.trim());
  // A header-less file's first line is data: it is never quoted back when it holds CPR-like values.
  const cprInHeader = header.findIndex((name) => containsCpr(name));
  if (cprInHeader >= 0) stopRun(issue("cpr_refused", messages.headerLooksLikeCpr(), { file: context.file, path: [], line: firstRow.line, column: `#${cprInHeader + 1}` }));

  const fields = mapFields(kind, header, context);
  const weekColumns = kind === "benefit_weeks_wide" ? findWeekColumns(header, context) : [];
  const validate = buildValidator(kind, fields, weekColumns, context);

  const records: RecordOfKind[K][] = [];
  const quarantine: QuarantineEntry[] = [];
  const issuesByRule: Record<string, number> = {};
  const firstLineOfKey = new Map<string, number>();
  const unknownPersons = new Set<string>();
  let rowsRead = 0;
  let rowsQuarantined = 0;
  let rowsForUnknown = 0;
  let recordCount = 0;
  let outsidePeriod = 0;
  const sink = context.benefitSink;

  const reject = (entries: QuarantineEntry[]) => {
    rowsQuarantined += 1;
    for (const entry of entries) {
      quarantine.push(entry);
      issuesByRule[entry.rule] = (issuesByRule[entry.rule] ?? 0) + 1;
    }
  };
  const entry = (line: number, column: string, value: string, rule: Rule, message: string): QuarantineEntry => ({
    file: context.file,
    line,
    column,
    value,
    rule,
    message,
  });

  const pending: RawRow[] = [];
  for (;;) {
    if (pending.length === 0) {
      const next = await iterator.next();
      if (next.done) break;
      // A reader may hand over a batch of rows at once (the fast reader does: one await per chunk, not per row).
      if (Array.isArray(next.value)) {
        for (let i = (next.value as RawRow[]).length - 1; i >= 0; i -= 1) pending.push((next.value as RawRow[])[i]!);
        continue;
      }
      pending.push(next.value as RawRow);
    }
    const row = pending.pop()!;
    rowsRead += 1;
    if (rowsRead % PROGRESS_EVERY_ROWS === 0) context.onProgress?.(rowsRead);
    if ("malformed" in row) {
      if (containsCpr(row.raw)) stopRun(issue("cpr_refused", messages.cprRefused(), { file: context.file, path: [], line: row.line }));
      reject([entry(row.line, "", row.raw, "malformed_csv", messages.rule.malformed_csv(row.malformed))]);
      continue;
    }
    refuseCprColumns(row.fields, header, row.line, context.file);
    if (row.fields.length !== header.length) {
      reject([entry(row.line, "", row.fields.join(context.delimiter), "wrong_column_count", messages.rule.wrong_column_count(header.length, row.fields.length))]);
      continue;
    }
    const outcome = validate(row.fields, row.line);
    if ("problems" in outcome) {
      reject(outcome.problems.map((p) => entry(row.line, p.column, p.value, p.rule, p.message)));
      continue;
    }
    if (sink && (kind === "benefit_weeks_long" || kind === "benefit_weeks_wide")) {
      const weeks = (kind === "benefit_weeks_wide" ? outcome.record : [outcome.record]) as RecordOfKind["benefit_weeks_long"][];
      const weekField = fields.find((f) => f.field === "week");
      let duplicate: { firstLine: number; value: string } | null = null;
      for (const w of weeks) {
        const written = sink(w.personId, w.week, w.code, row.line);
        if (written.status === "duplicate") duplicate = { firstLine: written.firstLine, value: weekField ? (row.fields[weekField.index] ?? "") : "" };
        else if (written.status === "outside") outsidePeriod += 1;
      }
      if (duplicate) {
        reject([entry(row.line, weekField?.column ?? "", duplicate.value, "duplicate_week", messages.rule.duplicate_week(duplicate.firstLine))]);
        continue;
      }
      recordCount += weeks.length;
      if (context.population && !context.population.has(outcome.personId)) {
        rowsForUnknown += 1;
        unknownPersons.add(outcome.personId);
      }
      continue;
    }
    const duplicateKey = keyForDuplicates(kind, outcome.record);
    if (duplicateKey !== null) {
      const firstLine = firstLineOfKey.get(duplicateKey);
      if (firstLine !== undefined) {
        const isPerson = kind === "population" || kind === "allocation";
        const column = isPerson ? fields[0]!.column : fields.find((f) => f.field === "week")!.column;
        const value = isPerson ? (outcome.record as { personId: string }).personId : row.fields[fields.find((f) => f.field === "week")!.index]!;
        reject([
          entry(row.line, column, value, isPerson ? "duplicate_person" : "duplicate_week",
            isPerson ? messages.rule.duplicate_person(firstLine) : messages.rule.duplicate_week(firstLine)),
        ]);
        continue;
      }
      firstLineOfKey.set(duplicateKey, row.line);
    }
    const personId = outcome.personId;
    if (context.population && !context.population.has(personId)) {
      rowsForUnknown += 1;
      unknownPersons.add(personId);
    }
    if (kind === "benefit_weeks_wide") {
      for (const week of outcome.record as unknown as RecordOfKind["benefit_weeks_wide"][]) records.push(week as RecordOfKind[K]);
    } else {
      records.push(outcome.record as RecordOfKind[K]);
    }
    recordCount = records.length;
  }
  return {
    records,
    quarantine,
    rowsRead,
    rowsAccepted: rowsRead - rowsQuarantined,
    rowsQuarantined,
    issuesByRule: sortKeys(issuesByRule),
    rowsForPersonsNotInPopulation: rowsForUnknown,
    personsNotInPopulation: unknownPersons.size,
    recordCount,
    recordsOutsidePeriod: outsidePeriod,
  };
}

/** Canonical field → header position; a mapped or required column that is absent stops the run, naming it. */
function mapFields(kind: ExtractKind, header: readonly string[], context: ExtractContext): MappedField[] {
  const mapped: MappedField[] = [];
  const missing: string[] = [];
  for (const [field, definition] of Object.entries(fieldsOf(kind))) {
    const mapping = context.spec.columns[field];
    const column = mapping === undefined ? field : typeof mapping === "string" ? mapping : mapping.column;
    const index = header.indexOf(column);
    if (index < 0) {
      if (definition.required || mapping !== undefined) missing.push(column);
      continue;
    }
    const values = mapping !== undefined && typeof mapping !== "string" ? mapping.values : undefined;
    mapped.push({ field, column, index, definition, formats: cellFormats(context, values, definition.type === "benefit_code") });
  }
  if (missing.length > 0) stopRun(issue("columns_missing", messages.columnsMissing(missing, header), { file: context.file, path: [], line: 1 }));
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

function findWeekColumns(header: readonly string[], context: ExtractContext): WeekColumn[] {
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
    const complete: Record<string, unknown> = {};
    for (const field of allFields) complete[field] = null;
    for (const f of fields) {
      const parsed = parseCell(f.definition, f.formats, cells[f.index] ?? "");
      if (!parsed.ok) return null;
      complete[f.field] = parsed.value;
    }
    if (checkRow(kind, complete, context)) return null;
    return { record: complete, personId: complete.personId as string };
  };
  const knownCodes = context.benefitCodes ? new Set(context.benefitCodes.groupOfCode.keys()) : null;
  const allFields = Object.keys(fieldsOf(kind));

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

/** Rules that relate two fields of one row. */
function checkRow(kind: ExtractKind, record: Record<string, unknown>, context: ExtractContext): { field: string; rule: Rule; message: string } | null {
  const start = record.startDate as number | null | undefined;
  const end = record.endDate as number | null | undefined;
  if (typeof start === "number" && typeof end === "number" && end < start) {
    return { field: "endDate", rule: "end_before_start", message: messages.rule.end_before_start() };
  }
  if (kind === "prison_releases" && typeof record.admissionDate === "number" && record.admissionDate > (record.releaseDate as number)) {
    return { field: "admissionDate", rule: "admission_after_release", message: messages.rule.admission_after_release() };
  }
  if (kind === "population" && typeof start === "number") {
    const { from, to } = context.enrolment;
    if (start < from || start > to) {
      return { field: "startDate", rule: "start_outside_enrolment", message: messages.rule.start_outside_enrolment(isoDate(from), isoDate(to)) };
    }
    if ((record.birthDate as number) > start) return { field: "birthDate", rule: "birth_after_start", message: messages.rule.birth_after_start() };
    const exit = record.exitDate as number | null;
    if (exit !== null && exit < start) return { field: "exitDate", rule: "exit_before_start", message: messages.rule.exit_before_start() };
    if ((exit === null) !== (record.exitReason === null)) {
      return { field: exit === null ? "exitDate" : "exitReason", rule: "missing_value", message: messages.rule.exit_needs_both() };
    }
  }
  return null;
}

/** The key under which a row may appear only once, or null when repeats are allowed. */
function keyForDuplicates(kind: ExtractKind, record: unknown): string | null {
  if (kind === "population" || kind === "allocation") return (record as { personId: string }).personId;
  if (kind === "benefit_weeks_long") {
    const week = record as { personId: string; week: number };
    return `${week.personId}\u0000${week.week}`;
  }
  return null;
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

