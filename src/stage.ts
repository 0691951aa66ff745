/**
 * What a node of the pipeline is (Kedro's `node(func, inputs, outputs)`): the artefacts it reads,
 * the files the spec names for it, the facts of the run it needs, the artefacts it writes, when it
 * has nothing to do, and `run`, a function of its typed inputs and a context. The runner
 * (pipeline/run.ts) loads, runs, saves and stops, the same way for every node — the six stages
 * and the seal (pipeline/seal/); a node never touches a file, the clock or the environment, and
 * reports problems as issues instead of throwing.
 */
import type { KeyObject } from "node:crypto";
import type { PlanStatus } from "./spec/analysisPlan.ts";
import type { ArtefactName, ArtefactOutput, ArtefactValue } from "./catalogue.ts";
import type { z } from "zod";
import type { DateFormat, DecimalSeparator, MonthFormat } from "./ingest/parseValue.ts";
import type { ExtractKind } from "./ingest/extractKinds.ts";
import type { Dialect } from "./spec/schema.ts";
import type { RawRow } from "./ingest/schema.ts";
import type { FileHash } from "./shared/fileHash.ts";
import type { DayNumber } from "./shared/dates.ts";
import type { Issue } from "./shared/issues.ts";
import type { EvaluationSpec } from "./spec/schema.ts";

export type StageName = "ingest" | "assign" | "estimate" | "monitor" | "project" | "repay" | "report" | "seal";

/** The dialect a spec declares for a file; what it leaves out is detected. */
export type DialectChoice = z.infer<typeof Dialect>;

/** For a register extract: what the reader needs to find and detect its date columns, and the sheet of a workbook. */
export interface ExtractReading {
  readonly kind: ExtractKind;
  readonly columns: Readonly<Record<string, string | { readonly column: string }>>;
  readonly dateFormat?: DateFormat | undefined;
  readonly monthFormat?: MonthFormat | undefined;
  readonly sheet?: string | undefined;
}

/** A file the spec names for a stage; `file` is relative to the spec's folder (or to the file that names it). */
export type InputDeclaration =
  | { readonly role: string; readonly format: "rows"; readonly name: string; readonly file: string; readonly required: boolean; readonly dialect: DialectChoice; readonly extract?: ExtractReading }
  | { readonly role: string; readonly format: "json"; readonly name: string; readonly file: string; readonly required?: boolean; readonly follow?: (json: unknown) => readonly InputDeclaration[] }
  | { readonly role: string; readonly format: "text"; readonly name: string; readonly file: string; readonly required: boolean };

export interface OpenedDialect {
  readonly delimiter: string;
  readonly encoding: string;
  readonly decimal: DecimalSeparator;
  readonly detected: readonly string[];
  readonly sepLine?: true;
  readonly format?: "csv" | "xlsx";
  readonly sheet?: string;
  readonly dateFormat?: string;
}

/** An input as the stage receives it; `file` as shown to the person. `content` is null for a missing optional file. */
export type OpenedInput =
  | { readonly role: string; readonly format: "rows"; readonly name: string; readonly file: string; readonly content: { readonly dialect: OpenedDialect; readonly rows: AsyncIterable<RawRow | RawRow[]>; readonly dateFormat?: DateFormat; readonly bytes?: () => AsyncIterable<Buffer>; readonly bytesPath?: string; readonly bytesSize?: number } | null }
  | { readonly role: string; readonly format: "json"; readonly name: string; readonly file: string; readonly content: unknown; readonly parent?: string; /** The file's SHA-256 (absent for a missing optional file). */ readonly sha256?: string }
  | { readonly role: string; readonly format: "text"; readonly name: string; readonly file: string; readonly content: string | null; readonly parent?: string };

/** Every seeded random draw of a run, each from the spec; recorded in the manifest. */
export interface Seeds {
  readonly estimation: number;
  readonly repaymentRisk: number;
  readonly assignment?: number;
  readonly matching?: number;
}

/**
 * What only the runner knows about the run. A node names the facts it needs (`facts`) and gets
 * those, nothing else (pipeline/runFacts.ts loads them).
 */
export interface RunFacts {
  /** The SHA-256 of every input file of the run: the spec, its plan lock, every file a node declares (follow-ups too). */
  readonly inputHashes: readonly FileHash[];
  /** effekt's and Node's versions. */
  readonly versions: Readonly<Record<string, string>>;
  /** The spec against its locked analysis plan (plan.lock.json beside the spec). */
  readonly plan: PlanStatus;
  /**
   * The previous run (--compare), checked to be an earlier run of this evaluation (pipeline/previousRun.ts), with the
   * artefacts of it that this node reads (`reads`, `readsOptional`); null without --compare.
   */
  readonly previousRun: { readonly asOf: string; readonly manifestSha256: string; readonly artefacts: Partial<Record<ArtefactName, unknown>> } | null;
  /** The time the node runs (ISO 8601). */
  readonly now: string;
  /** The Ed25519 private key of --sign; null without it. */
  readonly signingKey: KeyObject | null;
}
export type RunFact = keyof RunFacts;

export interface StageContext {
  readonly spec: EvaluationSpec;
  readonly asOf: DayNumber;
  readonly seeds: Seeds;
  /** The language of the run's words (--lang, else the spec's report.lang, else Danish). */
  readonly lang: "da" | "en";
  /** An artefact's path as shown to the person (e.g. output/ungifokus/work/persons.csv). */
  readonly shownPath: (name: ArtefactName, key?: string) => string;
  /** An artefact's path inside the run folder (as artefacts record it, e.g. work/persons.csv). */
  readonly runPath: (name: ArtefactName, key?: string) => string;
  /** Progress for the person (stderr in the CLI). */
  readonly log: (line: string) => void;
}

/** An output a node leaves absent on purpose: the file an earlier run wrote there is removed (a new manifest voids the old signature). */
export const ABSENT: unique symbol = Symbol("absent");

export interface StageResult<W extends ArtefactName> {
  /** Written even when `issues` stop the run (quarantine files, an artefact with failed checks). */
  readonly outputs: { readonly [N in W]?: ArtefactOutput<N> | typeof ABSENT };
  /** Problems that make the result unusable: the runner writes the outputs, then stops. */
  readonly issues: readonly Issue[];
  /** Problems worth saying that do not stop the run. */
  readonly warnings: readonly Issue[];
  /** Lines for the person, after the outputs are written. */
  readonly summary: readonly string[];
}

export interface StageInput<R extends ArtefactName, O extends ArtefactName, F extends RunFact = never> {
  readonly artefacts: { readonly [N in R]: ArtefactValue<N> } & { readonly [N in O]: ArtefactValue<N> | null };
  readonly files: readonly OpenedInput[];
  /** The SHA-256 of every file of the artefacts the node hashes (`hashes`) that this run wrote in the output folder, sorted by path. */
  readonly hashes: readonly FileHash[];
  readonly facts: { readonly [K in F]: RunFacts[K] };
}

export interface StageDefinition<R extends ArtefactName = ArtefactName, O extends ArtefactName = ArtefactName, W extends ArtefactName = ArtefactName, F extends RunFact = RunFact> {
  readonly name: StageName;
  readonly folder: string;
  /** One line: what the stage does. */
  readonly does: string;
  /** Artefacts of earlier stages it needs… */
  readonly reads: readonly R[];
  /** …and those it uses when they are there. */
  readonly readsOptional: readonly O[];
  /** Artefacts whose files it reads as their SHA-256 (the seal: every one but its own). */
  readonly hashes?: readonly ArtefactName[];
  /** Facts of the run it needs (RunFacts). */
  readonly facts?: readonly F[];
  /** Run alone (`effekt report`), each of these stages is followed by this node. */
  readonly follows?: readonly StageName[];
  /** Files the spec names for it. */
  readonly inputs: (spec: EvaluationSpec) => readonly InputDeclaration[];
  readonly writes: readonly W[];
  /** Why the spec gives this stage nothing to do; null when it has work. */
  readonly skip: (spec: EvaluationSpec) => { readonly reason: string; readonly path: readonly (string | number)[] } | null;
  readonly run: (input: StageInput<NoInfer<R>, NoInfer<O>, NoInfer<F>>, context: StageContext) => Promise<StageResult<NoInfer<W>>> | StageResult<NoInfer<W>>;
}

/** Declares a stage, keeping its artefact names and facts typed. */
export function defineStage<const R extends ArtefactName, const O extends ArtefactName, const W extends ArtefactName, const F extends RunFact = never>(stage: StageDefinition<R, O, W, F>): StageDefinition<R, O, W, F> {
  return stage;
}

/** A result with no outputs that stops on these issues. */
export function stopped<W extends ArtefactName>(issues: readonly Issue[], outputs: StageResult<W>["outputs"] = {}): StageResult<W> {
  return { outputs, issues, warnings: [], summary: [] };
}
