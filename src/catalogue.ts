/**
 * The catalogue: every file a run writes, named once. A stage reads and writes artefacts
 * by these names; only this file knows their paths, formats, schemas and who may see them.
 *
 *   release  person_level   stays with the municipality (person ids): everything under work/
 *            internal        aggregates for the run's own stages and the investor's verification,
 *                            not suppressed for small cells: not to be published as they are
 *            publishable     under report/: suppressed for small cells, may leave the municipality
 *
 * A `keyed` artefact is a family of files with one path per key (one quarantine file per extract,
 * one CSV per report table). `specPath` lets the spec move an artefact out of the run folder
 * (a persistent allocation log), relative to the spec's folder.
 */
import { z } from "zod";
import { IngestArtefact, TriggerCsvRow } from "./ingest/schema.ts";
import { AssignmentArtefact, AssignmentRow, PersonRow } from "./assign/schema.ts";
import { EffectsArtefact } from "./estimate/schema.ts";
import { ProjectionArtefact } from "./project/schema.ts";
import { MonitoringArtefact } from "./monitor/schema.ts";
import { RepaymentArtefact } from "./repay/schema.ts";
import { Manifest } from "../pipeline/seal/manifest.ts";
import { ManifestSignature } from "../pipeline/seal/signature.ts";
import type { EvaluationSpec } from "./spec/schema.ts";

export type Release = "person_level" | "internal" | "publishable";

interface Entry {
  readonly path: string | ((key: string) => string);
  readonly format: "json" | "csv" | "html" | "text" | "xlsx";
  readonly release: Release;
  /** JSON: the artefact's schema. CSV: the schema of one row, when its rows are read back by a later stage. */
  readonly schema?: z.ZodType;
  readonly description: string;
  /** The spec may name where this artefact lives (relative to the spec's folder). */
  readonly specPath?: (spec: EvaluationSpec) => string | undefined;
  /** A keyed artefact: how its key is written in documentation (`<extract>`). */
  readonly keyName?: string;
}

export const ARTEFACTS = {
  ingest: { path: "ingest.json", format: "json", release: "internal", schema: IngestArtefact, description: "per extract rows read = accepted + quarantined, dialect; per outcome its statuses; covariates; warnings" },
  persons: { path: "work/persons.csv", format: "csv", release: "person_level", schema: PersonRow, description: "person-level covariates" },
  outcomes: { path: "work/outcomes.csv", format: "csv", release: "person_level", description: "person-level outcomes, empty where not observed" },
  outcomeStatus: { path: "work/outcome-status.csv", format: "csv", release: "person_level", description: "per person and outcome: what the value rests on (observed, censored:<reason>, not_applicable)" },
  triggers: { path: "work/triggers.csv", format: "csv", release: "person_level", schema: TriggerCsvRow, description: "per person, calendar year and rate-card trigger: status and value (the table rate cards count from)" },
  quarantine: { path: (extract: string) => `work/quarantine/${extract}.csv`, keyName: "<extract>", format: "csv", release: "person_level", description: "every rejected row of an extract: file, line, column, value, rule, message" },
  allocationQuarantine: { path: "work/quarantine/allocation.csv", format: "csv", release: "person_level", description: "every rejected row of an allocation file (mode existing)" },
  assignment: { path: "assignment.json", format: "json", release: "internal", schema: AssignmentArtefact, description: "design, log summary, checks, ratio tests, cross-overs, balance, CONSORT counts" },
  allocationLog: {
    path: "work/allocation-log.csv",
    format: "text",
    release: "person_level",
    description: "the persistent hash-chained allocation log (mode randomise): beside the spec, <name>.allocation-log.csv unless assignment.log names it",
    specPath: (spec: EvaluationSpec) => (spec.assignment?.mode === "randomise" ? spec.assignment.log : undefined),
  },
  assignments: { path: "work/assignments.csv", format: "csv", release: "person_level", schema: AssignmentRow, description: "person → arm, batch, block" },
  roster: { path: "work/roster.csv", format: "csv", release: "person_level", description: "the roster to verify the allocation log against" },
  assignmentIssues: { path: "work/assignment-issues.csv", format: "csv", release: "person_level", description: "every person that breaks an assignment check (and every unmatched programme person)" },
  effects: { path: "effects.json", format: "json", release: "internal", schema: EffectsArtefact, description: "estimates, subgroup effects, interaction tests, KPI verdicts, design" },
  effectsCsv: { path: "effects.csv", format: "csv", release: "internal", description: "one row per estimate in tidy form (as broom's tidy())" },
  monitoring: { path: "monitoring.json", format: "json", release: "internal", schema: MonitoringArtefact, description: "the primary outcome's look: information fraction, α spent, boundary, crossed or not, repeated CI, adjusted p; every look recorded so far" },
  lookLog: {
    path: "look-log.csv",
    format: "text",
    release: "internal",
    description: "the persistent hash-chained look log (with a monitoring plan): beside the spec, <name>.look-log.csv unless monitoring.log names it",
    specPath: (spec: EvaluationSpec) => (spec.monitoring ? (spec.monitoring.log ?? defaultLookLog(spec.name)) : undefined),
  },
  projection: { path: "projection.json", format: "json", release: "internal", schema: ProjectionArtefact, description: "one entry per assumption file: savings by sector and year, break-even, ROI, published vs reproduced" },
  repayment: { path: "repayment.json", format: "json", release: "internal", schema: RepaymentArtefact, description: "one ledger per contract, repayment risk, the portfolio check" },
  ledger: { path: "ledger.csv", format: "csv", release: "internal", description: "one row per ledger line and per period and payer" },
  reportHtml: { path: "report/report.html", format: "html", release: "publishable", description: "the report, one self-contained file" },
  statusHtml: { path: "report/status.html", format: "html", release: "publishable", description: "the half-yearly status table" },
  reportSummary: { path: "report/summary.txt", format: "text", release: "publishable", description: "the summary in sentences, one a line, for the council memo (every number a disclosed table cell)" },
  reportTables: { path: (table: string) => `report/${table}`, keyName: "<table>.csv", format: "csv", release: "publishable", description: "a CSV per report table, suppressed" },
  reportWorkbook: { path: "report/tables.xlsx", format: "xlsx", release: "publishable", description: "every report table in one workbook, a sheet per table, numbers with a number format, suppressed" },
  manifest: { path: "manifest.json", format: "json", release: "internal", schema: Manifest, description: "SHA-256 of every input and output, seeds, versions" },
  manifestSignature: { path: "manifest-signature.json", format: "json", release: "internal", schema: ManifestSignature, description: "with --sign: the Ed25519 signature over manifest.json's bytes and the signing key's fingerprint" },
} as const satisfies Record<string, Entry>;

export type ArtefactName = keyof typeof ARTEFACTS;

/** The look log's default name, beside the spec. */
export const defaultLookLog = (evaluation: string) => `${evaluation}.look-log.csv`;
type Catalogue = typeof ARTEFACTS;
export type KeyedArtefact = { [N in ArtefactName]: Catalogue[N]["path"] extends string ? never : N }[ArtefactName];

/** What a stage gets when it reads an artefact: the validated JSON, the rows of a CSV, or text. */
export type ArtefactValue<N extends ArtefactName> = Catalogue[N] extends { format: "json"; schema: z.ZodType<infer T> }
  ? T
  : Catalogue[N] extends { format: "csv"; schema: z.ZodType<infer R> }
    ? R[]
    : Catalogue[N] extends { format: "csv" }
      ? Record<string, string>[]
      : Catalogue[N] extends { format: "xlsx" }
        ? Uint8Array
        : string;

/** What a stage returns for an artefact it writes: the JSON value, the text, or a workbook's bytes; a keyed artefact maps keys to texts. */
export type ArtefactOutput<N extends ArtefactName> = N extends KeyedArtefact ? ReadonlyMap<string, string> : Catalogue[N] extends { format: "json" } ? unknown : Catalogue[N] extends { format: "xlsx" } ? Uint8Array : string;

export function entryOf(name: ArtefactName): Entry {
  return ARTEFACTS[name];
}

/** The artefact's path inside the run folder (for a keyed artefact, the file of `key`). */
export function artefactPath(name: ArtefactName, key?: string): string {
  const path = entryOf(name).path;
  if (typeof path === "string") return path;
  if (key === undefined) throw new Error(`artefactPath(${name}) requires a key`);
  return path(key);
}

/**
 * Whether a path inside a run folder is one the catalogue names: a fixed path (`ingest.json`), or a
 * keyed family's (`report/<table>.csv`, one folder deep, no `/` in the key). The run clears only files
 * that are both catalogued and written by it (pipeline/io/ownedFolder.ts).
 */
export function isCatalogued(relativePath: string): boolean {
  return artefactAt(relativePath) !== null;
}

/** The artefact a path inside a run folder belongs to: a fixed path's, or a keyed family's (a key without `/`, not starting with a dot); null for any other file. */
export function artefactAt(relativePath: string): ArtefactName | null {
  const path = relativePath.split("\\").join("/");
  const names = Object.keys(ARTEFACTS) as ArtefactName[];
  return names.find((name) => entryOf(name).path === path) ?? names.find((name) => isKeyedPath(name, path)) ?? null;
}

function isKeyedPath(name: ArtefactName, path: string): boolean {
  if (typeof entryOf(name).path === "string") return false;
  const [before, after] = documentedPath(name).split(/<[^>]+>/) as [string, string];
  const key = path.slice(before.length, path.length - after.length);
  return path.length > before.length + after.length && path.startsWith(before) && path.endsWith(after) && key !== "" && !key.includes("/") && !key.startsWith(".");
}

/** The artefact's path as documentation writes it: `work/quarantine/<extract>.csv` for a keyed one. */
export function documentedPath(name: ArtefactName): string {
  const entry = entryOf(name);
  return typeof entry.path === "string" ? entry.path : entry.path(entry.keyName!);
}
