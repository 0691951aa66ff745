/**
 * Stage 1 — ingest: register extracts → validated canonical records → person-level
 * outcomes and covariates.
 *
 *   reads:  the extracts and benefit-code file named in the spec (as row streams)
 *   writes: ingest.json (aggregate counts), work/persons.csv, work/outcomes.csv,
 *           work/quarantine/<extract>.csv
 *
 * Steps (`run`): 1. check that every outcome has the extracts it needs; 2. read the
 * population; 3. read every other extract against it (readExtracts.ts, which owns the
 * worker thread for the benefit weeks); 4. derive covariates, outcomes and triggers per
 * person; 5. summarise, and block the run when an extract quarantined more than the spec
 * allows; 6. write ingest.json and the person-level tables.
 */
import { isoDate, type DayNumber } from "../shared/dates.ts";
import { toCsv } from "../shared/csv.ts";
import { issue, stopRun, type Issue } from "../shared/issues.ts";
import { messages } from "../messages.ts";
import { coverageDay, type CovariateSpec, type EvaluationSpec, type ExtractSpec } from "../spec/schema.ts";
import { lookBackOf } from "./covariates/index.ts";
import { EXTRACT_DEFINITIONS } from "./extracts/index.ts";
import type { RecordsField } from "./extracts/types.ts";
import { personsWithIncompleteLookBack } from "./covariateEvidence.ts";
import { familyOf, type Evidence, type FlaggedSpan } from "./outcomes/evidence.ts";
import type { ExtractKind } from "./extractKinds.ts";
import type { ExtractResult } from "./ingestExtract.ts";
import { readExtracts, type ExtractsRead } from "./readExtracts.ts";
import { knownGroups } from "./parseBenefitCodes.ts";
import { groupByPerson, type PersonRecords } from "./personRecords.ts";
import { BenefitPanel } from "./benefitPanel.ts";
import { deriveOutcome, extractKindsFor, outcomeType, describeWindow, type OutcomeColumn, type OutcomeValue } from "./deriveOutcomes.ts";
import { covariateExtractKinds, deriveCovariate, type CovariateColumn } from "./deriveCovariates.ts";
import { deriveTriggers, triggerStatusText, type TriggerRow } from "./deriveTriggers.ts";
import { TRIGGER_DEFINITIONS } from "./outcomes/triggers.ts";
import { IngestArtefact, type BenefitCodes, type ExtractSummary, type QuarantineEntry, type RawRow, type RecordOfKind } from "./schema.ts";
import type { DecimalSeparator } from "./parseValue.ts";
import { parseBenefitCodes } from "./parseBenefitCodes.ts";
import { quarantineCsv } from "./quarantineCsv.ts";
import { defineStage, stopped } from "../stage.ts";
import { flattenRows } from "../shared/flattenRows.ts";
import { quarantineStopMessage, type ReadFormats } from "./quarantineStop.ts";
import { valueQuantum } from "./valueQuantum.ts";
import { populationClusterColumn } from "../spec/clusterColumns.ts";


export interface ExtractSource {
  /** The file as shown to the person. */
  readonly file: string;
  readonly dialect: { readonly delimiter: string; readonly encoding: string; readonly decimal: DecimalSeparator; readonly detected: readonly string[] };
  readonly rows: AsyncIterable<RawRow | RawRow[]>;
  /** The whole file in chunks, when the fast reader applies: long benefit weeks are then read from the bytes. */
  readonly bytes?: () => AsyncIterable<Buffer>;
  /** The file those chunks come from, and its size: a worker thread reads large benefit weeks from it itself (bytes/benefitThread.ts). */
  readonly bytesPath?: string;
  readonly bytesSize?: number;
}

export interface IngestInput {
  readonly spec: EvaluationSpec;
  readonly asOf: DayNumber;
  /** One per spec extract; null for an optional extract whose file is missing. */
  readonly sources: Readonly<Record<string, ExtractSource | null>>;
  readonly benefitCodes: BenefitCodes | null;
  /** Where the run keeps its files, as the artefact records them (from the catalogue). */
  readonly files: { readonly persons: string; readonly outcomes: string; readonly outcomeStatus: string; readonly quarantine: (extract: string) => string; readonly triggers?: string };
  /** A quarantine file as shown in messages (e.g. output/ungifokus/work/quarantine/hours.csv). */
  readonly shownQuarantineFile: (extract: string) => string;
  readonly onProgress?: (extract: string, rowsRead: number) => void;
  readonly onExtractDone?: (extract: string, result: ExtractResult) => void;
  /** The benefit weeks on a worker thread: by default ("auto") from BENEFIT_THREAD_MINIMUM_PERSONS persons on; the artefacts are the same. */
  readonly benefitThread?: "auto" | "always" | "never";
}

export interface IngestOutput {
  readonly artefact: IngestArtefact;
  readonly quarantine: Readonly<Record<string, readonly QuarantineEntry[]>>;
  readonly personsCsv: string;
  readonly outcomesCsv: string;
  /** Per person and outcome: observed, censored:<reason>, incomplete:<reason> or not_applicable. */
  readonly outcomeStatusCsv: string;
  /** Per person, period and rate-card trigger: status and value (null when the spec has no triggers). */
  readonly triggersCsv: string | null;
  /** Problems that make the result unusable: the runner writes the quarantine, then stops. */
  readonly blocking: readonly Issue[];
}


export async function run(input: IngestInput): Promise<IngestOutput> {
  const { spec, asOf } = input;
  const warnings: Issue[] = [];

  // 1. Every outcome and covariate has its extracts, and its benefit groups exist.
  checkRequirements(spec, input.benefitCodes);

  // 2–3. The population first, then every other extract against it (the benefit weeks perhaps on a worker thread,
  // while this one derives the outcomes that read only the other extracts).
  const read = await readExtracts(input, warnings, {
    panelFor: (people, shared) => analysisPanel(spec, people, asOf, input.benefitCodes!, shared),
    whileThreadReads: (done) => outcomesReadSoFar(input, done),
  });

  // 4. Per-person records, covariates, outcomes and rate-card triggers.
  const derived = derivePersons(input, read, warnings);

  // 5. Summaries, and the quarantine threshold.
  const summaries = Object.entries(spec.extracts).map(([name, extract]) => summarise(name, extract, input.sources[name] ?? null, read.results.get(name), input.files.quarantine));
  const blocking = quarantineBlocks(input, summaries, read.results);
  if (read.populationEmpty && blocking.length === 0) blocking.push(read.populationEmpty);

  // 6. The artefact and the person-level tables.
  return {
    artefact: ingestArtefact(input, derived, summaries, warnings),
    quarantine: Object.fromEntries([...read.results].map(([name, r]) => [name, r.quarantine])),
    ...personTables(spec, derived),
    blocking,
  };
}

/** Early outcomes: those that read only extracts this thread has read (`done`), derived while the benefit weeks are read on the worker thread. */
function outcomesReadSoFar(input: IngestInput, done: ReadonlyMap<string, ExtractResult>): EarlyOutcomes {
  const { spec, asOf } = input;
  const extracts = Object.entries(spec.extracts);
  const everyoneRead = extracts.flatMap(([name, e]) => (e.kind === "population" && done.has(name) ? (done.get(name)!.records as RecordOfKind["population"][]) : []));
  const records = personRecordsOf(extracts, done, enrolled(everyoneRead, asOf), null, input.benefitCodes);
  const readKinds = new Set(extracts.filter(([name]) => done.has(name)).map(([, e]) => e.kind as string));
  const evidence = evidenceOf(spec, done, input.sources, asOf, []);
  // An outcome is derived now when every extract it reads is read here (the one on the thread is a benefit extract).
  const outcomes = new Map(
    spec.outcomes
      .filter((o) => extractKindsFor(o).every((kind) => !kind.startsWith("benefit_weeks") && readKinds.has(kind)))
      .map((o) => [o, deriveOutcome(o, records, asOf, evidence)] as const)
      .filter((entry): entry is readonly [(typeof spec.outcomes)[number], OutcomeColumn] => entry[1] !== null),
  );
  return { grouped: records.grouped, outcomes };
}

interface EarlyOutcomes {
  readonly grouped: ReadonlyMap<string, Map<string, unknown[]> | null>;
  readonly outcomes: ReadonlyMap<EvaluationSpec["outcomes"][number], OutcomeColumn>;
}

interface DerivedPersons {
  /** Everyone in the population, and those referred by the as-of date (by id). */
  readonly everyone: readonly RecordOfKind["population"][];
  readonly persons: readonly RecordOfKind["population"][];
  /** Who received the programme; null without a participation extract. */
  readonly participation: ReadonlySet<string> | null;
  readonly covariates: readonly CovariateColumn[];
  readonly outcomes: readonly OutcomeColumn[];
  readonly triggers: ReturnType<typeof deriveTriggers> | null;
}

/** Step 4: the enrolled persons' records, covariates, outcomes and triggers; warnings in the order they arise. */
function derivePersons(input: IngestInput, read: ExtractsRead<EarlyOutcomes>, warnings: Issue[]): DerivedPersons {
  const { spec, asOf } = input;
  const extracts = Object.entries(spec.extracts);
  const recordsOf = <K extends ExtractKind>(kind: K): RecordOfKind[K][] | null => {
    const found = extracts.find(([name, e]) => e.kind === kind && read.results.has(name));
    return found ? (read.results.get(found[0])!.records as RecordOfKind[K][]) : null;
  };
  // As of a date, only persons referred by then (started, when no referral date is given) are enrolled;
  // later referrals wait for a later run, as they did in the quarterly follow-up.
  const everyone = recordsOf("population") ?? [];
  const persons = enrolled(everyone, asOf);
  const personRecords = personRecordsOf(extracts, read.results, persons, read.panel, input.benefitCodes, read.early?.grouped);
  const participationRecords = recordsOf("programme_participation");
  const covariates = covariatesOf(spec, personRecords);
  const evidence = evidenceOf(spec, read.results, input.sources, asOf, warnings);
  for (const covariate of spec.covariates) {
    const affected = personsWithIncompleteLookBack(covariate, persons, evidence);
    if (affected > 0) warnings.push(issue("covariate_look_back_incomplete", messages.covariateLookBackIncomplete(covariate.id, affected), { path: ["covariates", spec.covariates.indexOf(covariate)] }));
  }
  const outcomes: OutcomeColumn[] = [];
  for (const outcome of spec.outcomes) {
    const column = read.early?.outcomes.get(outcome) ?? deriveOutcome(outcome, personRecords, asOf, evidence);
    if (column) outcomes.push(column);
    else warnings.push(issue("outcome_skipped", messages.outcomeSkipped(outcome.id), { path: ["outcomes", spec.outcomes.indexOf(outcome)] }));
  }
  const triggers = spec.triggers ? deriveTriggers(spec.triggers, personRecords, asOf, evidence) : null;
  for (const t of triggers?.summaries ?? []) {
    if (t.skipped) warnings.push(issue("trigger_skipped", messages.triggerSkipped(t.id), { path: ["triggers", "outcomes", spec.triggers!.outcomes.findIndex((o) => o.id === t.id)] }));
  }
  const participation = participationRecords === null ? null : new Set(participationRecords.map((r) => r.personId));
  return { everyone, persons, participation, covariates, outcomes, triggers };
}

/** Every covariate the extracts allow; a continuous baseline value that cannot be worked out stops the run (0 would bias balance and adjustment). */
function covariatesOf(spec: EvaluationSpec, records: PersonRecords): CovariateColumn[] {
  const covariates = spec.covariates.map((c) => deriveCovariate(c, records)).filter((c): c is CovariateColumn => c !== null);
  for (const covariate of covariates) {
    if (covariate.type !== "continuous") continue;
    const unknown = records.persons.filter((_, i) => covariate.values[i] === null).map((p) => p.personId);
    if (unknown.length > 0) {
      stopRun(issue("covariate_unknown", messages.covariateUnknown(covariate.id, covariate.kind, unknown), { path: ["covariates", spec.covariates.findIndex((c) => c.id === covariate.id)] }));
    }
  }
  return covariates;
}

/** Step 5: a stop for every extract that quarantined more than the spec allows. */
function quarantineBlocks(input: IngestInput, summaries: readonly ExtractSummary[], results: ReadonlyMap<string, ExtractResult>): Issue[] {
  const { spec, sources } = input;
  return summaries
    .filter((s) => exceedsQuarantine(s, spec.quarantine))
    .map((s) =>
      issue(
        "quarantine_exceeded",
        quarantineStopMessage(
          { extract: s.name, quarantined: s.rowsRejected, read: s.rowsRead - s.rowsForPersonsNotInPopulation, maxShare: spec.quarantine.maxShare, quarantineFile: input.shownQuarantineFile(s.name) },
          results.get(s.name)?.quarantine ?? [],
          readFormats(spec.extracts[s.name]!, sources[s.name]),
        ),
        { file: s.file, path: [] },
      ),
    );
}

/** Step 6: ingest.json — counts per extract, outcome and covariate, never a person. */
function ingestArtefact(input: IngestInput, derived: DerivedPersons, summaries: readonly ExtractSummary[], warnings: readonly Issue[]): IngestArtefact {
  const { spec, asOf } = input;
  const { everyone, persons, covariates, outcomes, triggers } = derived;
  return IngestArtefact.parse({
    artefact: "ingest",
    schema_version: 1,
    evaluation: spec.name,
    asOf: isoDate(asOf),
    enrolment: spec.enrolment,
    persons: persons.length,
    personsReferredAfterAsOf: everyone.length - persons.length,
    extracts: summaries,
    outcomes: spec.outcomes.map((o) => outcomeSummary(o, outcomes.find((c) => c.id === o.id))),
    covariates: covariates.map((c) => ({ id: c.id, kind: c.kind, type: c.type, missing: c.values.filter((v) => v === null).length })),
    warnings,
    files: { persons: input.files.persons, outcomes: input.files.outcomes, outcomeStatus: input.files.outcomeStatus, ...(triggers && input.files.triggers ? { triggers: input.files.triggers } : {}) },
    ...(triggers ? { triggers: triggers.summaries } : {}),
  });
}

/** One outcome in ingest.json: its persons by status, and the quantum of its observed values. */
function outcomeSummary(o: EvaluationSpec["outcomes"][number], column: OutcomeColumn | undefined) {
  const counts = statusCounts(column?.values ?? []);
  return {
    id: o.id,
    kind: o.kind,
    label: o.label ?? o.id,
    type: outcomeType(o),
    window: describeWindow(o),
    observed: counts.observed,
    censored: counts.censored,
    censoredByReason: counts.censoredByReason,
    notApplicable: counts.notApplicable,
    skipped: column === undefined,
    incomplete: counts.incomplete,
    incompleteByReason: counts.incompleteByReason,
    byStatus: counts.byStatus,
    quantum: valueQuantum(observedValues(column?.values ?? [])),
  };
}

/** Step 6: the person-level tables (work/persons.csv, outcomes.csv, outcome_status.csv, triggers.csv). */
function personTables(spec: EvaluationSpec, derived: DerivedPersons): Pick<IngestOutput, "personsCsv" | "outcomesCsv" | "outcomeStatusCsv" | "triggersCsv"> {
  const { persons, participation, covariates, outcomes, triggers } = derived;
  const clusterColumn = populationClusterColumn(spec);
  return {
    personsCsv: toCsv(
      ["personId", "startDate", "referralDate", "exitDate", "exitReason", "receivedProgramme", ...(clusterColumn === undefined ? [] : ["cluster"]), ...covariates.map((c) => c.id)],
      persons.map((p, i) => [
        p.personId,
        isoDate(p.startDate),
        p.referralDate === null ? null : isoDate(p.referralDate),
        p.exitDate === null ? null : isoDate(p.exitDate),
        p.exitReason,
        participation === null ? null : Number(participation.has(p.personId)),
        ...(clusterColumn === undefined ? [] : [p.cluster ?? null]),
        ...covariates.map((c) => c.values[i] ?? null),
      ]),
    ),
    outcomeStatusCsv: toCsv(
      ["personId", ...outcomes.map((o) => o.id)],
      persons.map((p, i) => [p.personId, ...outcomes.map((o) => statusText(o.values[i]!))]),
    ),
    outcomesCsv: toCsv(
      ["personId", ...outcomes.flatMap((o) => (o.type === "rate" ? [o.id, `${o.id}_exposure_years`] : o.type === "time_to_event" ? [o.id, `${o.id}_event`] : [o.id]))],
      persons.map((p, i) => [
        p.personId,
        ...outcomes.flatMap((o) => {
          const v = o.values[i]!;
          const value = v.status === "observed" ? v.value : null;
          if (o.type === "time_to_event") return [value, v.status === "observed" ? (v.event ?? null) : null];
          return o.type === "rate" ? [value, v.status === "observed" ? (v.exposureYears ?? null) : null] : [value];
        }),
      ]),
    ),
    triggersCsv: triggers ? triggersCsv(triggers.rows) : null,
  };
}

/**
 * The records by person, from the extracts read so far (`results`); `grouped` holds the groupings already
 * made by extract (personRecordsOf's own, from an earlier call), so none is made twice.
 */
function personRecordsOf(
  extracts: readonly [string, ExtractSpec][],
  results: ReadonlyMap<string, ExtractResult>,
  persons: readonly RecordOfKind["population"][],
  panel: BenefitPanel | null,
  codes: BenefitCodes | null,
  grouped: ReadonlyMap<string, Map<string, unknown[]> | null> = new Map(),
): PersonRecords & { readonly grouped: ReadonlyMap<string, Map<string, unknown[]> | null> } {
  const ids = new Set(persons.map((p) => p.personId));
  const made = new Map(grouped);
  // Each kind's records under the name its file gives them (./extracts/<kind>.ts), grouped by person once; null when not read.
  const lists = Object.fromEntries(RECORDS_FIELDS.map((field) => [field, null])) as Record<RecordsField, Map<string, unknown[]> | null>;
  const filled = new Set<RecordsField>();
  for (const [name, extract] of extracts) {
    const field = EXTRACT_DEFINITIONS[extract.kind].records;
    if (field === null || filled.has(field) || !results.has(name)) continue;
    if (!made.has(name)) made.set(name, groupByPerson(results.get(name)!.records as { personId: string }[], ids));
    lists[field] = made.get(name)!;
    filled.add(field);
  }
  return {
    persons,
    benefitGroups: extracts.some(([name, e]) => e.kind.startsWith("benefit_weeks") && results.has(name)) ? panel : null,
    absentGroup: codes?.absentGroup ?? "self_supporting",
    ...(lists as Pick<PersonRecords, RecordsField>),
    grouped: made,
  };
}

/** The names under which PersonRecords holds extracts' records, from the extract kinds' files. */
const RECORDS_FIELDS = [...new Set(Object.values(EXTRACT_DEFINITIONS).flatMap((d) => (d.records === null ? [] : [d.records])))];

/** The persons referred by the as-of date (started, when no referral date is given), by id. */
function enrolled(everyone: readonly RecordOfKind["population"][], asOf: DayNumber): RecordOfKind["population"][] {
  return everyone.filter((p) => (p.referralDate ?? p.startDate) <= asOf).sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}

/** work/triggers.csv: one row per person, period and trigger; the value only when observed. */
function triggersCsv(rows: readonly TriggerRow[]): string {
  return toCsv(
    ["personId", "period", "trigger", "status", "value"],
    rows.map((r) => [r.personId, r.period, r.trigger, triggerStatusText(r.value), r.value.status === "observed" ? r.value.value : null]),
  );
}

function readFormats(extract: EvaluationSpec["extracts"][string], source: ExtractSource | null | undefined): ReadFormats {
  return { dateFormat: extract.dateFormat ?? "iso", monthFormat: extract.monthFormat, weekFormat: extract.weekFormat, decimal: source?.dialect.decimal ?? "." };
}

function checkRequirements(spec: EvaluationSpec, codes: BenefitCodes | null): void {
  const kinds = new Set(Object.values(spec.extracts).map((e) => e.kind as string));
  const needs = [
    ...spec.outcomes.map((o, i) => ({ id: o.id, path: ["outcomes", i], kinds: extractKindsFor(o), groups: ("groups" in o ? o.groups : undefined) ?? [] })),
    ...spec.covariates.map((c, i) => ({ id: c.id, path: ["covariates", i], kinds: covariateExtractKinds(c), groups: "groups" in c ? c.groups : [] })),
    ...(spec.triggers?.outcomes ?? []).map((t, i) => ({ id: t.id, path: ["triggers", "outcomes", i], kinds: [...TRIGGER_DEFINITIONS[t.kind].extractKinds], groups: [] as string[] })),
  ];
  for (const need of needs) {
    const benefitOnly = need.kinds.every((k) => k.startsWith("benefit_weeks"));
    const satisfied = benefitOnly ? need.kinds.some((k) => kinds.has(k)) : need.kinds.every((k) => kinds.has(k));
    if (!satisfied) stopRun(issue("outcome_needs_extract", messages.outcomeNeedsExtract(need.id, need.kinds), { path: need.path }));
    if (benefitOnly) {
      if (!codes) stopRun(issue("benefit_codes_missing", messages.benefitCodesMissing(), { path: ["benefitCodes"] }));
      const known = knownGroups(codes);
      for (const group of need.groups) {
        if (!known.includes(group)) stopRun(issue("unknown_group", messages.unknownGroup(need.id, group, known), { path: [...need.path, "groups"] }));
      }
    }
  }
}

function summarise(name: string, extract: ExtractSpec, source: ExtractSource | null, result: ExtractResult | undefined, quarantineFile: (extract: string) => string): ExtractSummary {
  const { kind, file } = extract;
  const coverage = coverageOfExtract(extract, result);
  return {
    name,
    kind,
    file: source?.file ?? file,
    present: source !== null,
    dialect: source ? { ...source.dialect, detected: [...source.dialect.detected] } : null,
    rowsRead: result?.rowsRead ?? 0,
    rowsAccepted: result?.rowsAccepted ?? 0,
    rowsQuarantined: result?.rowsQuarantined ?? 0,
    recordsAccepted: result?.recordCount ?? 0,
    recordsOutsidePeriod: result?.recordsOutsidePeriod ?? 0,
    issuesByRule: result?.issuesByRule ?? {},
    rowsForPersonsNotInPopulation: result?.rowsForPersonsNotInPopulation ?? 0,
    personsNotInPopulation: result?.personsNotInPopulation ?? 0,
    quarantineFile: result ? quarantineFile(name) : null,
    rowsRejected: result?.rowsRejected ?? 0,
    rowsWithoutPerson: result?.rejected.filter((r) => r.personId === null).length ?? 0,
    onRejectedRow: extract.onRejectedRow,
    coverage: coverage === null ? null : { from: coverage.from === null ? null : isoDate(coverage.from), to: isoDate(coverage.to), source: coverage.source, firstRow: coverage.firstRow === null ? null : isoDate(coverage.firstRow) },
    persons: result?.persons ? { ...result.persons, excludedByRule: { ...result.persons.excludedByRule } } : null,
  };
}

/**
 * The stop: rejected rows (invalid, repeated, conflicting — not rows of persons outside the
 * population) over the rows of persons in it, above maxShare, and at least minRows of them or
 * every such row. A 60-person pilot does not stop on two bad rows; their windows are incomplete instead.
 */
export function exceedsQuarantine(s: Pick<ExtractSummary, "rowsRead" | "rowsRejected" | "rowsForPersonsNotInPopulation">, rule: { maxShare: number; minRows: number }): boolean {
  const relevant = s.rowsRead - s.rowsForPersonsNotInPopulation;
  if (relevant <= 0 || s.rowsRejected === 0) return false;
  return s.rowsRejected / relevant > rule.maxShare && (s.rowsRejected >= rule.minRows || s.rowsRejected === relevant);
}

/**
 * The extract's coverage: declared in the spec, else inferred. Inferred coverage ends on the last
 * day its accepted rows reach; it has no first day, except the wide benefit layout, whose week
 * columns state both ends: registers are cut at a date, but the first row only shows the first
 * event (a paid-hours extract has rows only for months someone worked), so a start inferred from
 * it would censor windows whose months simply had nothing. `firstRow` is reported beside it.
 */
function coverageOfExtract(extract: ExtractSpec, result: ExtractResult | undefined): { from: DayNumber | null; to: DayNumber; source: "declared" | "inferred"; firstRow: DayNumber | null } | null {
  const firstRow = result?.coverage?.from ?? null;
  if (extract.coverage) return { from: extract.coverage.from === undefined ? null : coverageDay(extract.coverage.from, "from"), to: coverageDay(extract.coverage.to, "to"), source: "declared", firstRow };
  if (!result?.coverage) return null;
  return { from: extract.kind === "benefit_weeks_wide" ? result.coverage.from : null, to: result.coverage.to, source: "inferred", firstRow };
}

/**
 * Per extract family that outcomes read: its coverage and the spans of its rejected and
 * conflicting rows by person (rejected rows dropped when the spec says onRejectedRow "ignore").
 * Warns when the as-of date lies beyond a coverage, when rejected rows cannot be placed with
 * a person, and when rejected rows are ignored.
 */
function evidenceOf(spec: EvaluationSpec, results: ReadonlyMap<string, ExtractResult>, sources: IngestInput["sources"], asOf: DayNumber, warnings: Issue[]): Evidence {
  const evidence: Evidence = {};
  for (const [name, extract] of Object.entries(spec.extracts)) {
    const family = familyOf(extract.kind);
    const result = results.get(name);
    if (family === null || !result) continue;
    const coverage = coverageOfExtract(extract, result);
    const ignore = extract.onRejectedRow === "ignore";
    const flagged = new Map<string, FlaggedSpan[]>();
    const unattributed: FlaggedSpan[] = [];
    for (const r of result.rejected) {
      if (ignore && r.reason === "quarantined_row") continue;
      const span: FlaggedSpan = { from: r.from, to: r.to, reason: r.reason, line: r.line };
      if (r.personId === null) unattributed.push(span);
      else flagged.set(r.personId, [...(flagged.get(r.personId) ?? []), span]);
    }
    evidence[family] = { coverage: coverage && { from: coverage.from, to: coverage.to }, flagged, unattributed };
    const file = sources[name]?.file;
    if (coverage && coverage.to < asOf) {
      warnings.push(issue("as_of_beyond_coverage", messages.asOfBeyondCoverage(name, isoDate(coverage.to), isoDate(asOf), coverage.source), { ...(file ? { file } : {}), path: ["extracts", name, "coverage"] }));
    }
    if (unattributed.length > 0) {
      warnings.push(issue("rows_without_person", messages.rowsWithoutPerson(name, unattributed.length, unattributed.map((u) => u.line)), { ...(file ? { file } : {}), path: ["extracts", name] }));
    }
    const ignored = result.rejected.filter((r) => r.reason === "quarantined_row").length;
    if (ignore && ignored > 0) warnings.push(issue("rejected_rows_ignored", messages.rejectedRowsIgnored(name, ignored), { ...(file ? { file } : {}), path: ["extracts", name, "onRejectedRow"] }));
  }
  return evidence;
}

/** observed, not_applicable, censored:<reason> or incomplete:<reason>; each text made once. */
function statusText(value: OutcomeValue): string {
  if (value.status !== "censored" && value.status !== "incomplete") return value.status;
  const texts = STATUS_TEXTS[value.status];
  let text = texts.get(value.reason);
  if (text === undefined) texts.set(value.reason, (text = `${value.status}:${value.reason}`));
  return text;
}
const STATUS_TEXTS = { censored: new Map<string, string>(), incomplete: new Map<string, string>() };

function* observedValues(values: readonly OutcomeValue[]): Generator<number> {
  for (const v of values) if (v.status === "observed") yield v.value;
}

/** An outcome's persons by status, and the censored and incomplete ones by reason (keys in order), in one pass. */
function statusCounts(values: readonly OutcomeValue[]) {
  const byStatus = new Map<string, number>();
  const reasons = { censored: new Map<string, number>(), incomplete: new Map<string, number>() };
  const counts = { observed: 0, censored: 0, not_applicable: 0, incomplete: 0 };
  for (const v of values) {
    const text = statusText(v);
    byStatus.set(text, (byStatus.get(text) ?? 0) + 1);
    if (v.status in counts) counts[v.status as keyof typeof counts] += 1;
    if (v.status === "censored" || v.status === "incomplete") reasons[v.status].set(v.reason, (reasons[v.status].get(v.reason) ?? 0) + 1);
  }
  const sorted = (map: Map<string, number>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    observed: counts.observed,
    censored: counts.censored,
    notApplicable: counts.not_applicable,
    incomplete: counts.incomplete,
    censoredByReason: sorted(reasons.censored),
    incompleteByReason: sorted(reasons.incomplete),
    byStatus: sorted(byStatus),
  };
}

/**
 * The weeks any outcome or covariate can read: from the earliest start less the longest
 * look-back of a covariate, to the as-of date. Weeks outside are counted, not kept.
 */
function analysisPanel(spec: EvaluationSpec, people: readonly RecordOfKind["population"][], asOf: DayNumber, codes: BenefitCodes, shared: boolean): BenefitPanel {
  const earliestStart = people.reduce((min, p) => Math.min(min, p.startDate), asOf);
  const earliest = Math.min(earliestStart, ...spec.covariates.map((c) => benefitLookBackFrom(c, earliestStart)));
  return new BenefitPanel(people.map((p) => p.personId), earliest, asOf, [...new Set(codes.groupOfCode.values())].sort(), shared ? "new" : false);
}

/** The first day a covariate reads benefit weeks for a person who started on `start` (its window, ./covariates/<kind>.ts); `start` when it reads none. */
function benefitLookBackFrom(covariate: CovariateSpec, start: DayNumber): DayNumber {
  const lookBack = lookBackOf(covariate, start);
  return lookBack?.family === "benefit_weeks" ? lookBack.from : start;
}

/** Stage 1 as the runner sees it: the extracts and benefit-code file the spec names → ingest.json and the person-level tables. */
export const stage = defineStage({
  name: "ingest",
  folder: "src/ingest/",
  does: "reads and validates every extract, quarantines bad rows, derives person-level outcomes and covariates",
  reads: [],
  readsOptional: [],
  inputs: (spec) => [
    ...Object.entries(spec.extracts).map(([name, e]) => ({
      role: `extract:${name}`,
      format: "rows" as const,
      name,
      file: e.file,
      required: e.required,
      dialect: e.dialect,
      extract: { kind: e.kind, columns: e.columns, dateFormat: e.dateFormat, monthFormat: e.monthFormat, sheet: e.sheet },
    })),
    ...(spec.benefitCodes ? [{ role: "benefitCodes", format: "rows" as const, name: "benefitCodes", file: spec.benefitCodes.file, required: true, dialect: {} }] : []),
  ],
  writes: ["ingest", "persons", "outcomes", "outcomeStatus", "quarantine", "triggers"],
  skip: () => null,
  async run({ files }, context) {
    const { spec } = context;
    const sources: Record<string, ExtractSource | null> = {};
    // A detected date format is handed to ingest as if declared (the artefact says it was detected).
    const extracts = { ...spec.extracts };
    for (const [name, extract] of Object.entries(spec.extracts)) {
      const opened = files.find((f) => f.role === `extract:${name}`);
      const content = opened?.format === "rows" ? opened.content : null;
      sources[name] = content ? { file: opened!.file, dialect: content.dialect, rows: content.rows, ...(content.bytes ? { bytes: content.bytes } : {}), ...(content.bytesPath ? { bytesPath: content.bytesPath, bytesSize: content.bytesSize } : {}) } : null;
      if (content?.dateFormat !== undefined) extracts[name] = { ...extract, dateFormat: content.dateFormat };
    }
    const codesFile = files.find((f) => f.role === "benefitCodes");
    const benefitCodes =
      spec.benefitCodes && codesFile?.format === "rows" && codesFile.content
        ? await parseBenefitCodes(flattenRows(codesFile.content.rows), codesFile.file, spec.benefitCodes.absentGroup)
        : null;
    const output = await run({
      spec: { ...spec, extracts },
      asOf: context.asOf,
      sources,
      benefitCodes,
      files: { persons: context.runPath("persons"), outcomes: context.runPath("outcomes"), outcomeStatus: context.runPath("outcomeStatus"), quarantine: (name) => context.runPath("quarantine", name), triggers: context.runPath("triggers") },
      shownQuarantineFile: (name) => context.shownPath("quarantine", name),
      onProgress: (name, rows) => context.log(`ingest: ${name} … ${rows.toLocaleString("en")} rows`),
      onExtractDone: (name, r) => context.log(`ingest: ${name}: ${r.rowsRead} rows read = ${r.rowsAccepted} accepted + ${r.rowsQuarantined} quarantined`),
    });
    const quarantine = new Map(Object.entries(output.quarantine).map(([name, entries]) => [name, quarantineCsv(entries)]));
    if (output.blocking.length > 0) return stopped(output.blocking, { quarantine });
    // Everyone in the population referred after the as-of date: no one to evaluate yet (said in words, not as empty tables).
    if (output.artefact.persons === 0) {
      const population = Object.entries(spec.extracts).find(([, e]) => e.kind === "population")!;
      return stopped([issue("no_one_enrolled", messages.noOneEnrolled(isoDate(context.asOf), output.artefact.personsReferredAfterAsOf), { file: sources[population[0]]?.file ?? population[1].file, path: [] })], { quarantine });
    }
    return {
      outputs: { ingest: output.artefact, persons: output.personsCsv, outcomes: output.outcomesCsv, outcomeStatus: output.outcomeStatusCsv, quarantine, ...(output.triggersCsv === null ? {} : { triggers: output.triggersCsv }) },
      issues: [],
      warnings: output.artefact.warnings,
      summary: [`ingest: ${output.artefact.persons} persons, ${output.artefact.outcomes.length} outcomes → ${context.shownPath("ingest")}`],
    };
  },
});
