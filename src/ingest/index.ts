/**
 * Stage 1 — ingest: register extracts → validated canonical records → person-level
 * outcomes and covariates.
 *
 *   reads:  the extracts and benefit-code file named in the spec (as row streams)
 *   writes: ingest.json (aggregate counts), work/persons.csv, work/outcomes.csv,
 *           work/quarantine/<extract>.csv
 *
 * Steps: 1. check that every outcome has the extracts it needs; 2. read the
 * population; 3. read every other extract against it; 4. derive covariates and
 * outcomes per person; 5. summarise, and block the run when an extract quarantined
 * more than the spec allows.
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
import { ingestExtract, type ExtractContext, type ExtractResult } from "./ingestExtract.ts";
import { ingestBenefitBytes } from "./bytes/ingestBenefitBytes.ts";
import { ingestBenefitWideBytes } from "./bytes/ingestBenefitWideBytes.ts";
import { ingestRecordBytes, readsRecordBytes } from "./bytes/ingestRecordBytes.ts";
import { BenefitThread } from "./bytes/benefitThread.ts";
import { peekHeader } from "./bytes/handOver.ts";
import { benefitBytesTakeWhole } from "./bytes/ingestBenefitBytes.ts";
import { wideBytesTakeWhole } from "./bytes/ingestBenefitWideBytes.ts";
import { availableParallelism } from "node:os";
import { knownGroups } from "./parseBenefitCodes.ts";
import { groupByPerson, type PersonRecords } from "./personRecords.ts";
import { BenefitPanel } from "./benefitPanel.ts";
import { deriveOutcome, extractKindsFor, outcomeType, describeWindow, type OutcomeColumn, type OutcomeValue } from "./deriveOutcomes.ts";
import { covariateExtractKinds, deriveCovariate, type CovariateColumn } from "./deriveCovariates.ts";
import { deriveTriggers, triggerStatusText, type TriggerRow } from "./deriveTriggers.ts";
import { TRIGGER_DEFINITIONS } from "./outcomes/triggers.ts";
import { IngestArtefact, type BenefitCodes, type ExtractSummary, type QuarantineEntry, type RawRow, type RecordOfKind } from "./schema.ts";
import { parseDate, type DecimalSeparator } from "./parseValue.ts";
import { parseBenefitCodes } from "./parseBenefitCodes.ts";
import { quarantineCsv } from "./quarantineCsv.ts";
import { defineStage, stopped } from "../stage.ts";
import { flattenRows } from "../shared/flattenRows.ts";
import { quarantineStopMessage, type ReadFormats } from "./quarantineStop.ts";
import { valueQuantum } from "./valueQuantum.ts";


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
  const warnings: Issue[] = [];

  // 1. Every outcome and covariate has its extracts, and its benefit groups exist.
  checkRequirements(input.spec, input.benefitCodes);

  // 2–3. The population first: the other extracts are checked against it. A worker thread for the benefit weeks
  // starts now, so it is ready when the population is read.
  const thread = benefitThreadWanted(input) ? startedThread() : null;
  try {
    return await readAndDerive(input, warnings, thread);
  } finally {
    thread?.close();
  }
}

async function readAndDerive(input: IngestInput, warnings: Issue[], thread: BenefitThread | null): Promise<IngestOutput> {
  const { spec, asOf, sources } = input;
  const extracts = Object.entries(spec.extracts);
  const results = new Map<string, ExtractResult>();
  const ordered = [...extracts].sort(([, a], [, b]) => Number(b.kind === "population") - Number(a.kind === "population"));
  let population: ReadonlySet<string> | null = null;
  let excludedPersons: ReadonlySet<string> = new Set();
  let panel: BenefitPanel | null = null;
  let populationEmpty: Issue | null = null;
  // A cluster column the spec names is read as the population's cluster field, and required.
  const clusterColumn = spec.assignment?.cluster;
  // An extract read on another thread (the benefit weeks, benefitThread.ts) is finished — counted, checked — in its
  // place in this order, and so is every extract after it, so the results and the first stop are those of one thread.
  const running: { name: string; extract: ExtractSpec; source: ExtractSource; outcome: Promise<ExtractResult> }[] = [];
  let readingElsewhere = false;
  const finish = async ({ name, extract, source, outcome }: (typeof running)[number]) => {
    const result = await outcome;
    results.set(name, result);
    input.onExtractDone?.(name, result);
    // A header and no rows is not "nobody had any": it is a failed export, unless the spec says the register may be empty.
    if (result.rowsRead === 0 && !extract.allowEmpty) stopRun(issue("extract_no_rows", messages.extractNoRows(name), { file: source.file, path: ["extracts", name] }));
    // Every population row rejected: the run goes on to write the quarantine files, then stops (below).
    if (extract.kind === "population" && result.records.length === 0 && result.rowsRead > 0) {
      populationEmpty = issue("population_no_persons", messages.populationNoPersons(), { file: source.file, path: ["extracts", name] });
    }
    if (extract.kind === "population") {
      const people = result.records as RecordOfKind["population"][];
      population = new Set(people.map((p) => p.personId));
      excludedPersons = new Set(result.excludedPersonIds);
      if (input.benefitCodes) panel = analysisPanel(spec, people, asOf, input.benefitCodes, thread !== null);
    }
  };
  const extractOf = (declared: ExtractSpec): ExtractSpec =>
    declared.kind === "population" && clusterColumn !== undefined ? { ...declared, columns: { ...declared.columns, cluster: clusterColumn } } : declared;
  const contextOf = (name: string, extract: ExtractSpec, source: ExtractSource): ExtractContext => ({
    name,
    file: source.file,
    spec: extract,
    decimal: source.dialect.decimal,
    delimiter: source.dialect.delimiter,
    enrolment: { from: parseDate(spec.enrolment.from, "iso")!, to: parseDate(spec.enrolment.to, "iso")! },
    benefitCodes: input.benefitCodes,
    population,
    excludedPersons,
    asOf,
    ...(extract.kind === "population" && clusterColumn !== undefined ? { requiredFields: ["cluster"] } : {}),
    ...(input.onProgress ? { onProgress: (rows: number) => input.onProgress!(name, rows) } : {}),
    ...(panel && extract.kind.startsWith("benefit_weeks")
      ? { benefitSink: (personId: string, week: number, code: string, line: number) => panel!.set(personId, week, input.benefitCodes!.groupOfCode.get(code)!, line, code) }
      : {}),
  });
  // The benefit weeks started on the worker thread as soon as the population is read (whatever their place in
  // the spec), when the byte reader takes their file whole; and a stream whose header was looked at, from its start.
  const onThread = new Map<string, Promise<ExtractResult>>();
  const rowsAgain = new Map<string, ExtractSource["rows"]>();
  const startThread = async () => {
    const shared = panel as BenefitPanel | null; // (set by finish, which TypeScript does not follow into)
    const found = ordered.find(([name, e]) => e.kind.startsWith("benefit_weeks") && sources[name]?.bytes && sources[name]?.bytesPath);
    if (!thread || !shared?.isShared() || !found) return;
    const [name, extract] = found;
    const source = sources[name]!;
    const context = contextOf(name, extract, source);
    const { header, again, done } = await peekHeader(source.rows);
    const kind = extract.kind as "benefit_weeks_long" | "benefit_weeks_wide";
    const whole = kind === "benefit_weeks_long" ? benefitBytesTakeWhole(header, context) : wideBytesTakeWhole(header, context, input.benefitCodes!);
    if (!whole) {
      rowsAgain.set(name, again);
      return;
    }
    await done();
    const reading = thread.read(kind, header!, source.bytesPath!, context, shared);
    if (reading === null) {
      rowsAgain.set(name, again); // the thread did not start: read here, in its place
      return;
    }
    reading.catch(() => {}); // settled in its place below
    onThread.set(name, reading);
  };
  const whileThreadReads = async () => {
    const reading = [...onThread.keys()];
    if (reading.length === 0 || !population) return null;
    const read = new Map<string, ExtractResult>();
    for (const [name, extract] of extracts) {
      if (reading.includes(name)) continue;
      const result = results.get(name) ?? (await running.find((entry) => entry.name === name)?.outcome.catch(() => null));
      if (result) read.set(name, result);
      else if (sources[name] && extract.kind !== "population") return null; // a stop to come: nothing to prepare
    }
    const everyoneRead = extracts.flatMap(([name, e]) => (e.kind === "population" && read.has(name) ? (read.get(name)!.records as RecordOfKind["population"][]) : []));
    const records = personRecordsOf(extracts, read, enrolled(everyoneRead, asOf), null, input.benefitCodes);
    const readKinds = new Set(extracts.filter(([name]) => read.has(name)).map(([, e]) => e.kind as string));
    const evidence = evidenceOf(spec, read, sources, asOf, []);
    // An outcome is derived now when every extract it reads is read here (the one on the thread is a benefit extract).
    const outcomes = new Map(
      spec.outcomes
        .filter((o) => extractKindsFor(o).every((kind) => !kind.startsWith("benefit_weeks") && readKinds.has(kind)))
        .map((o) => [o, deriveOutcome(o, records, asOf, evidence)] as const)
        .filter((entry): entry is readonly [(typeof spec.outcomes)[number], OutcomeColumn] => entry[1] !== null),
    );
    return { grouped: records.grouped, outcomes };
  };
  for (const [name, declared] of ordered) {
    const extract = extractOf(declared);
    const source = sources[name];
    if (!source) {
      warnings.push(issue("extract_optional_missing", messages.extractOptionalMissing(name, extract.file), { path: ["extracts", name] }));
      continue;
    }
    const extractContext = contextOf(name, extract, source);
    const rows = rowsAgain.get(name) ?? source.rows;
    const readHere = async (): Promise<ExtractResult> =>
      panel && source.bytes && extract.kind === "benefit_weeks_long"
        ? ingestBenefitBytes(rows, source.bytes, extractContext, panel, input.benefitCodes!)
        : panel && source.bytes && extract.kind === "benefit_weeks_wide"
          ? ingestBenefitWideBytes(rows, source.bytes, extractContext, panel, input.benefitCodes!)
          : source.bytes && population !== null && readsRecordBytes(extract.kind)
            ? ingestRecordBytes(extract.kind, rows, source.bytes, extractContext)
            : ingestExtract(extract.kind, rows, extractContext);
    const elsewhere = onThread.get(name) ?? null;
    const entry = { name, extract, source, outcome: elsewhere ?? readHere() };
    if (elsewhere !== null) readingElsewhere = true;
    if (!readingElsewhere) {
      await finish(entry);
      if (extract.kind === "population") await startThread();
      continue;
    }
    // From the extract on the thread on, each one here is read now and finished later, in the spec's order.
    running.push(entry);
    if (elsewhere === null) await entry.outcome.catch(() => {});
  }
  // While the benefit weeks are still read on the worker thread, this thread groups by person the records it has
  // read, and derives the outcomes that read only those: pure steps, kept for below (every extract is still
  // finished, counted and checked in the spec's order, and every warning given in its place).
  const early = await whileThreadReads();
  for (const entry of running) await finish(entry);

  // 4. Per-person records, covariates and outcomes.
  const recordsOf = <K extends ExtractKind>(...kinds: K[]): RecordOfKind[K][] | null => {
    const found = extracts.find(([name, e]) => kinds.includes(e.kind as K) && results.has(name));
    return found ? (results.get(found[0])!.records as RecordOfKind[K][]) : null;
  };
  // As of a date, only persons referred by then (started, when no referral date is given) are enrolled;
  // later referrals wait for a later run, as they did in the quarterly follow-up.
  const everyone = recordsOf("population") ?? [];
  const persons = enrolled(everyone, asOf);
  const personRecords = personRecordsOf(extracts, results, persons, panel, input.benefitCodes, early?.grouped);
  const participationRecords = recordsOf("programme_participation");
  const participation = participationRecords === null ? null : new Set(participationRecords.map((r) => r.personId));
  const covariates = spec.covariates.map((c) => deriveCovariate(c, personRecords)).filter((c): c is CovariateColumn => c !== null);
  for (const covariate of covariates) {
    // A continuous baseline value that cannot be worked out is not guessed (0 would bias balance and adjustment).
    if (covariate.type !== "continuous") continue;
    const unknown = personRecords.persons.filter((_, i) => covariate.values[i] === null).map((p) => p.personId);
    if (unknown.length > 0) {
      stopRun(issue("covariate_unknown", messages.covariateUnknown(covariate.id, covariate.kind, unknown), { path: ["covariates", spec.covariates.findIndex((c) => c.id === covariate.id)] }));
    }
  }
  const evidence = evidenceOf(spec, results, sources, asOf, warnings);
  for (const covariate of spec.covariates) {
    const affected = personsWithIncompleteLookBack(covariate, persons, evidence);
    if (affected > 0) warnings.push(issue("covariate_look_back_incomplete", messages.covariateLookBackIncomplete(covariate.id, affected), { path: ["covariates", spec.covariates.indexOf(covariate)] }));
  }
  const outcomes: OutcomeColumn[] = [];
  for (const outcome of spec.outcomes) {
    const column = early?.outcomes.get(outcome) ?? deriveOutcome(outcome, personRecords, asOf, evidence);
    if (column) outcomes.push(column);
    else warnings.push(issue("outcome_skipped", messages.outcomeSkipped(outcome.id), { path: ["outcomes", spec.outcomes.indexOf(outcome)] }));
  }

  // 4b. Rate-card triggers per person and calendar year, when the spec names any.
  const triggers = spec.triggers ? deriveTriggers(spec.triggers, personRecords, asOf, evidence) : null;
  for (const t of triggers?.summaries ?? []) {
    if (t.skipped) warnings.push(issue("trigger_skipped", messages.triggerSkipped(t.id), { path: ["triggers", "outcomes", spec.triggers!.outcomes.findIndex((o) => o.id === t.id)] }));
  }

  // 5. Summaries, and the quarantine threshold.
  const summaries: ExtractSummary[] = extracts.map(([name, extract]) => summarise(name, extract, sources[name] ?? null, results.get(name), input.files.quarantine));
  const blocking: Issue[] = summaries
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
  if (populationEmpty && blocking.length === 0) blocking.push(populationEmpty);

  const artefact = IngestArtefact.parse({
    artefact: "ingest",
    schema_version: 1,
    evaluation: spec.name,
    asOf: isoDate(asOf),
    enrolment: spec.enrolment,
    persons: persons.length,
    personsReferredAfterAsOf: everyone.length - persons.length,
    extracts: summaries,
    outcomes: spec.outcomes.map((o) => {
      const column = outcomes.find((c) => c.id === o.id);
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
    }),
    covariates: covariates.map((c) => ({ id: c.id, kind: c.kind, type: c.type, missing: c.values.filter((v) => v === null).length })),
    warnings,
    files: { persons: input.files.persons, outcomes: input.files.outcomes, outcomeStatus: input.files.outcomeStatus, ...(triggers && input.files.triggers ? { triggers: input.files.triggers } : {}) },
    ...(triggers ? { triggers: triggers.summaries } : {}),
  });

  return {
    artefact,
    quarantine: Object.fromEntries([...results].map(([name, r]) => [name, r.quarantine])),
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
    blocking,
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

/** A worker thread for the benefit weeks, or null when none can be started (they are then read on this thread). */
function startedThread(): BenefitThread | null {
  try {
    return new BenefitThread();
  } catch {
    return null;
  }
}

/** The size of a benefit-weeks file from which it is read on a worker thread by default: below, starting the thread costs more than it saves. */
export const BENEFIT_THREAD_MINIMUM_BYTES = 32 * 2 ** 20;

/**
 * Whether the benefit weeks go to a worker thread: when there is one benefit-weeks extract read from its
 * bytes, another core, and a large file (or the caller says always or never).
 */
function benefitThreadWanted(input: IngestInput): boolean {
  const benefitExtracts = Object.entries(input.spec.extracts).filter(([name, e]) => e.kind.startsWith("benefit_weeks") && input.sources[name]);
  const source = benefitExtracts.length === 1 ? input.sources[benefitExtracts[0]![0]]! : null;
  if (!source?.bytesPath || !input.benefitCodes) return false;
  const wanted = input.benefitThread ?? "auto";
  return wanted === "always" || (wanted === "auto" && (source.bytesSize ?? 0) >= BENEFIT_THREAD_MINIMUM_BYTES && availableParallelism() > 1);
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
