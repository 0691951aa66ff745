/** The evaluation spec, read and validated once: every problem named by file and JSON path. */
import type { KeyObject } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { messages } from "../src/messages.ts";
import { parseDate } from "../src/ingest/parseValue.ts";
import { issue, StopRun, stopRun } from "../src/shared/issues.ts";
import type { DayNumber } from "../src/shared/dates.ts";
import { parseSpec } from "../src/spec/parseSpec.ts";
import type { EvaluationSpec } from "../src/spec/schema.ts";
import { findCprInJson } from "../src/shared/findCprInJson.ts";
import { shown } from "./io/paths.ts";
import { readJson } from "./io/readJson.ts";

export interface RunOptions {
  readonly specPath: string;
  /** Overrides the spec's asOf (yyyy-mm-dd). */
  readonly asOf?: string;
  /** Output folder; default output/<spec name>. */
  readonly outDir?: string;
  /** Progress lines (stderr in the CLI). */
  readonly log: (line: string) => void;
  /** Report language; default the spec's report.lang, else Danish. */
  readonly lang?: "da" | "en";
  /** A previous run's output folder, for the report's changes section. */
  readonly compare?: string;
  /** Take over a non-empty output folder effekt did not write (files effekt did not write are kept). */
  readonly force?: boolean;
  /** Sign the sealed manifest with this Ed25519 private key, inside the run's lock. */
  readonly sign?: KeyObject;
}

export interface LoadedSpec {
  readonly spec: EvaluationSpec;
  readonly specPath: string;
  readonly specDir: string;
  readonly asOf: DayNumber;
  readonly outDir: string;
}

export async function loadSpec(options: RunOptions): Promise<LoadedSpec> {
  const specPath = resolve(options.specPath);
  const json = await readJson(specPath, "spec file");
  // Labels, arm names, category mappings and file names are published or printed: none may hold a CPR number.
  const cprAt = findCprInJson(json);
  if (cprAt) stopRun(issue("cpr_refused", messages.cprInJson(), { file: shown(specPath), path: cprAt }));
  const parsed = parseSpec(json, shown(specPath));
  if ("issues" in parsed) throw new StopRun([issue("spec_invalid", messages.specInvalid(shown(specPath))), ...parsed.issues]);
  const asOfText = options.asOf ?? parsed.spec.asOf;
  const asOf = parseDate(asOfText, "iso");
  if (asOf === null) stopRun(issue("as_of_invalid", messages.asOfInvalid(asOfText)));
  return { spec: withAllocationLog(parsed.spec), specPath, specDir: dirname(specPath), asOf, outDir: resolve(options.outDir ?? join("output", parsed.spec.name)) };
}

/** Randomisation always keeps a persistent log: beside the spec, named by the evaluation, unless the spec names one. */
function withAllocationLog(spec: EvaluationSpec): EvaluationSpec {
  const design = spec.assignment;
  if (design?.mode !== "randomise" || design.log !== undefined) return spec;
  return { ...spec, assignment: { ...design, log: defaultAllocationLog(spec.name) } };
}

export const defaultAllocationLog = (evaluation: string) => `${evaluation}.allocation-log.csv`;
