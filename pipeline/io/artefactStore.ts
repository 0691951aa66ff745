/**
 * Reads and writes artefacts by their catalogue name (src/catalogue.ts): JSON validated
 * by its schema both ways, CSV tables as rows (validated when the catalogue gives a row
 * schema), text as it is. Writes are atomic (temporary file + rename).
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { ARTEFACTS, artefactPath, entryOf, type ArtefactName } from "../../src/catalogue.ts";
import { messages } from "../../src/messages.ts";
import { issue, stopRun } from "../../src/shared/issues.ts";
import type { EvaluationSpec } from "../../src/spec/schema.ts";
import { fromCsvRow } from "../../src/shared/csv.ts";
import { formatJson, writeFileAtomic } from "./files.ts";
import { exists, shown } from "./paths.ts";
import { schemaPlace } from "../../src/shared/schemaPlace.ts";

export interface RunFolder {
  readonly outDir: string;
  readonly specDir: string;
  /** Null when only the run folder is at hand (verify-run, a previous run). */
  readonly spec: EvaluationSpec | null;
}

/** Where an artefact lives: in the run folder, or where the spec puts it (relative to the spec). */
export function locate(folder: RunFolder, name: ArtefactName, key?: string): string {
  const entry = entryOf(name);
  const fromSpec = folder.spec === null ? undefined : entry.specPath?.(folder.spec);
  return fromSpec !== undefined ? resolve(folder.specDir, fromSpec) : join(folder.outDir, artefactPath(name, key));
}

/** Reads an artefact an earlier stage wrote; a missing one says which stage to run first. */
export async function readArtefact(folder: RunFolder, name: ArtefactName, writtenBy: string): Promise<unknown> {
  const path = locate(folder, name);
  const entry = entryOf(name);
  if (!(await exists(path))) stopRun(issue("artefact_missing", messages.artefactMissing(writtenBy), { file: shown(path), path: [] }));
  if (entry.format === "xlsx") return new Uint8Array(await readFile(path));
  const text = await readFile(path, "utf8");
  if (entry.format === "json") {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = entry.schema!.safeParse(json);
    if (!parsed.success) stopRun(issue("artefact_invalid", messages.artefactInvalid(writtenBy), { file: shown(path), path: [] }));
    return parsed.data;
  }
  if (entry.format !== "csv") return text;
  // Cells come back as the stage wrote them: the apostrophe that kept a formula out is taken off (src/shared/csv.ts).
  const rows = (parseCsv(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map(fromCsvRow);
  return entry.schema ? rows.map((row) => entry.schema!.parse(row)) : rows;
}

/** Writes one artefact (every file of a keyed one); JSON is validated on the way out and written as the stage built it. */
export async function writeArtefact(folder: RunFolder, name: ArtefactName, value: unknown): Promise<void> {
  const entry = entryOf(name);
  if (value instanceof Map) {
    for (const [key, text] of value as ReadonlyMap<string, string>) await writeFileAtomic(locate(folder, name, key), text);
    return;
  }
  if (entry.format === "json") {
    const parsed = entry.schema!.safeParse(value);
    // A stage built an artefact its schema refuses: a bug (exit 70), named in one line; the zod error rides along for EFFEKT_DEBUG=1.
    if (!parsed.success) throw new Error(messages.artefactSchemaBroken(artefactPath(name), schemaPlace(parsed.error)), { cause: parsed.error });
    await writeFileAtomic(locate(folder, name), formatJson(value));
    return;
  }
  await writeFileAtomic(locate(folder, name), value as string | Uint8Array);
}

export const artefactNames = Object.keys(ARTEFACTS) as ArtefactName[];
