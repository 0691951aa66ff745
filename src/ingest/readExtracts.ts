/**
 * Reads every extract of the spec, the population first (the others are checked against it),
 * and owns the scheduling: the benefit weeks go to a worker thread (bytes/benefitThread.ts) when
 * their file is large, and while that thread reads, this one reads the other extracts and runs
 * `whileThreadReads` (the caller's pure steps over what is read so far). However the work is
 * spread, every extract is finished — counted, checked, its first stop given — in the spec's
 * order (the population first), so results and stops are those of one thread.
 */
import { availableParallelism } from "node:os";
import { messages } from "../messages.ts";
import { issue, stopRun, type Issue } from "../shared/issues.ts";
import type { ExtractSpec } from "../spec/schema.ts";
import type { BenefitPanel } from "./benefitPanel.ts";
import { BenefitThread } from "./bytes/benefitThread.ts";
import { peekHeader } from "./bytes/handOver.ts";
import { benefitBytesTakeWhole, ingestBenefitBytes } from "./bytes/ingestBenefitBytes.ts";
import { ingestBenefitWideBytes, wideBytesTakeWhole } from "./bytes/ingestBenefitWideBytes.ts";
import { ingestRecordBytes, readsRecordBytes } from "./bytes/ingestRecordBytes.ts";
import type { ExtractSource, IngestInput } from "./index.ts";
import { ingestExtract, type ExtractContext, type ExtractResult } from "./ingestExtract.ts";
import { parseDate } from "./parseValue.ts";
import type { RecordOfKind } from "./schema.ts";
import { populationClusterColumn } from "../spec/clusterColumns.ts";

/** The size of a benefit-weeks file from which it is read on a worker thread by default: below, starting the thread costs more than it saves. */
export const BENEFIT_THREAD_MINIMUM_BYTES = 32 * 2 ** 20;

export interface ExtractsRead<T> {
  /** Per extract name, in the spec's order; an optional extract whose file is missing has none. */
  readonly results: ReadonlyMap<string, ExtractResult>;
  /** The benefit weeks by person and week, when there are benefit codes and a population. */
  readonly panel: BenefitPanel | null;
  /** Every population row rejected: the run writes the quarantine files, then stops on this. */
  readonly populationEmpty: Issue | null;
  /** What `whileThreadReads` made while the benefit weeks were read on the worker thread; null when they were not. */
  readonly early: T | null;
}

export interface ReadSteps<T> {
  /** The benefit panel for the population just read (sized by the outcomes' and covariates' windows); `shared` when a worker thread writes it. */
  readonly panelFor: (people: readonly RecordOfKind["population"][], shared: boolean) => BenefitPanel;
  /** Pure steps over the extracts read so far (every one but those on the worker thread), run while the thread reads. */
  readonly whileThreadReads: (read: ReadonlyMap<string, ExtractResult>) => T;
}

/**
 * Every extract read and finished in the spec's order, the population first. Warns (in `warnings`) for an
 * optional extract whose file is missing; stops on an extract with no rows that may not be empty.
 */
export async function readExtracts<T>(input: IngestInput, warnings: Issue[], steps: ReadSteps<T>): Promise<ExtractsRead<T>> {
  // A worker thread for the benefit weeks starts now, so it is ready when the population is read.
  const thread = benefitThreadWanted(input) ? startedThread() : null;
  try {
    return await readInOrder(input, warnings, steps, thread);
  } finally {
    thread?.close();
  }
}

interface Reading {
  readonly name: string;
  readonly extract: ExtractSpec;
  readonly source: ExtractSource;
  readonly outcome: Promise<ExtractResult>;
}

async function readInOrder<T>(input: IngestInput, warnings: Issue[], steps: ReadSteps<T>, thread: BenefitThread | null): Promise<ExtractsRead<T>> {
  const state = new ReadState(input, steps, thread);
  // An extract read on the other thread is finished in its place in this order, and so is every extract after
  // it: each one here is read now and finished later.
  const running: Reading[] = [];
  for (const [name, declared] of state.ordered) {
    const extract = state.extractOf(declared);
    const source = input.sources[name];
    if (!source) {
      warnings.push(issue("extract_optional_missing", messages.extractOptionalMissing(name, extract.file), { path: ["extracts", name] }));
      continue;
    }
    const elsewhere = state.onThread.get(name) ?? null;
    const entry: Reading = { name, extract, source, outcome: elsewhere ?? state.readHere(name, extract, source) };
    if (elsewhere === null && running.length === 0) {
      await state.finish(entry);
      if (extract.kind === "population") await state.startThread();
      continue;
    }
    running.push(entry);
    if (elsewhere === null) await entry.outcome.catch(() => {});
  }
  // While the benefit weeks are still read on the worker thread, the caller's pure steps run over what this
  // thread has read (every extract is still finished, counted and checked in the spec's order below).
  const early = await state.whileThreadReads(running);
  for (const entry of running) await state.finish(entry);
  return { results: state.results, panel: state.panel, populationEmpty: state.populationEmpty, early };
}

/** What reading has found so far: the results, the population, the panel, and the extract on the worker thread. */
class ReadState<T> {
  readonly results = new Map<string, ExtractResult>();
  readonly ordered: [string, ExtractSpec][];
  /** The benefit weeks started on the worker thread, by extract name. */
  readonly onThread = new Map<string, Promise<ExtractResult>>();
  /** A stream whose header was looked at for the thread, from its start again (the thread did not take it). */
  private readonly rowsAgain = new Map<string, ExtractSource["rows"]>();
  population: ReadonlySet<string> | null = null;
  excludedPersons: ReadonlySet<string> = new Set();
  panel: BenefitPanel | null = null;
  populationEmpty: Issue | null = null;

  constructor(
    private readonly input: IngestInput,
    private readonly steps: ReadSteps<T>,
    private readonly thread: BenefitThread | null,
  ) {
    this.ordered = Object.entries(input.spec.extracts).sort(([, a], [, b]) => Number(b.kind === "population") - Number(a.kind === "population"));
  }

  /** The extract as read: a cluster column the spec names is read as the population's cluster field. */
  extractOf(declared: ExtractSpec): ExtractSpec {
    const cluster = populationClusterColumn(this.input.spec);
    return declared.kind === "population" && cluster !== undefined ? { ...declared, columns: { ...declared.columns, cluster } } : declared;
  }

  /** Counts and checks an extract read, and takes the population from it. */
  async finish({ name, extract, source, outcome }: Reading): Promise<void> {
    const result = await outcome;
    this.results.set(name, result);
    this.input.onExtractDone?.(name, result);
    // A header and no rows is not "nobody had any": it is a failed export, unless the spec says the register may be empty.
    if (result.rowsRead === 0 && !extract.allowEmpty) stopRun(issue("extract_no_rows", messages.extractNoRows(name), { file: source.file, path: ["extracts", name] }));
    if (extract.kind !== "population") return;
    if (result.records.length === 0 && result.rowsRead > 0) {
      this.populationEmpty = issue("population_no_persons", messages.populationNoPersons(), { file: source.file, path: ["extracts", name] });
    }
    const people = result.records as RecordOfKind["population"][];
    this.population = new Set(people.map((p) => p.personId));
    this.excludedPersons = new Set(result.excludedPersonIds);
    if (this.input.benefitCodes) this.panel = this.steps.panelFor(people, this.thread !== null);
  }

  contextOf(name: string, extract: ExtractSpec, source: ExtractSource): ExtractContext {
    const { spec, asOf, benefitCodes, onProgress } = this.input;
    const panel = this.panel;
    return {
      name,
      file: source.file,
      spec: extract,
      decimal: source.dialect.decimal,
      delimiter: source.dialect.delimiter,
      enrolment: { from: parseDate(spec.enrolment.from, "iso")!, to: parseDate(spec.enrolment.to, "iso")! },
      benefitCodes,
      population: this.population,
      excludedPersons: this.excludedPersons,
      asOf,
      ...(extract.kind === "population" && populationClusterColumn(spec) !== undefined ? { requiredFields: ["cluster"] } : {}),
      ...(onProgress ? { onProgress: (rows: number) => onProgress(name, rows) } : {}),
      ...(panel && extract.kind.startsWith("benefit_weeks")
        ? { benefitSink: (personId: string, week: number, code: string, line: number) => panel.set(personId, week, benefitCodes!.groupOfCode.get(code)!, line, code) }
        : {}),
    };
  }

  /** The extract read on this thread, by the fastest reader that takes it. */
  readHere(name: string, extract: ExtractSpec, source: ExtractSource): Promise<ExtractResult> {
    const context = this.contextOf(name, extract, source);
    const rows = this.rowsAgain.get(name) ?? source.rows;
    const { panel } = this;
    const codes = this.input.benefitCodes!;
    if (panel && source.bytes && extract.kind === "benefit_weeks_long") return ingestBenefitBytes(rows, source.bytes, context, panel, codes);
    if (panel && source.bytes && extract.kind === "benefit_weeks_wide") return ingestBenefitWideBytes(rows, source.bytes, context, panel, codes);
    if (source.bytes && this.population !== null && readsRecordBytes(extract.kind)) return ingestRecordBytes(extract.kind, rows, source.bytes, context);
    return ingestExtract(extract.kind, rows, context);
  }

  /**
   * The benefit weeks started on the worker thread as soon as the population is read (whatever their place in
   * the spec), when the byte reader takes their file whole; a stream whose header was looked at is kept to be
   * read from its start here.
   */
  async startThread(): Promise<void> {
    const { sources, benefitCodes } = this.input;
    const found = this.ordered.find(([name, e]) => e.kind.startsWith("benefit_weeks") && sources[name]?.bytes && sources[name]?.bytesPath);
    if (!this.thread || !this.panel?.isShared() || !found) return;
    const [name, extract] = found;
    const source = sources[name]!;
    const context = this.contextOf(name, extract, source);
    const { header, again, done } = await peekHeader(source.rows);
    const kind = extract.kind as "benefit_weeks_long" | "benefit_weeks_wide";
    const whole = kind === "benefit_weeks_long" ? benefitBytesTakeWhole(header, context) : wideBytesTakeWhole(header, context, benefitCodes!);
    if (!whole) {
      this.rowsAgain.set(name, again);
      return;
    }
    await done();
    const reading = this.thread.read(kind, header!, source.bytesPath!, context, this.panel);
    if (reading === null) {
      this.rowsAgain.set(name, again); // the thread did not start: read here, in its place
      return;
    }
    reading.catch(() => {}); // settled in its place
    this.onThread.set(name, reading);
  }

  /** The caller's steps over every extract read here, while the thread reads; null when nothing is on the thread or a stop is to come. */
  async whileThreadReads(running: readonly Reading[]): Promise<T | null> {
    if (this.onThread.size === 0 || !this.population) return null;
    const read = new Map<string, ExtractResult>();
    for (const [name, extract] of Object.entries(this.input.spec.extracts)) {
      if (this.onThread.has(name)) continue;
      const result = this.results.get(name) ?? (await running.find((entry) => entry.name === name)?.outcome.catch(() => null));
      if (result) read.set(name, result);
      else if (this.input.sources[name] && extract.kind !== "population") return null; // a stop to come: nothing to prepare
    }
    return this.steps.whileThreadReads(read);
  }
}

/** A worker thread for the benefit weeks, or null when none can be started (they are then read on this thread). */
function startedThread(): BenefitThread | null {
  try {
    return new BenefitThread();
  } catch {
    return null;
  }
}

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
