/**
 * Opens the files a stage declares (src/stage.ts `InputDeclaration`): extracts as row
 * streams in their detected dialect, JSON files parsed, text files read. Paths are
 * relative to the spec's folder, or to the file that names them (`follow`).
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, relative, resolve } from "node:path";
import { messages } from "../../src/messages.ts";
import { issue, stopRun } from "../../src/shared/issues.ts";
import type { InputDeclaration, OpenedInput } from "../../src/stage.ts";
import { exists, isDirectory, shown } from "./paths.ts";
import { readJson } from "./readJson.ts";
import { readDocument } from "./readDocument.ts";
import { MAX_DOCUMENT_BYTES } from "../../src/shared/limits.ts";
import { findCprInJson } from "../../src/shared/findCprInJson.ts";
import { describeDialect, openExtract } from "./openExtract.ts";

/** Every declared input with its absolute path, follow-ups right after the file that names them. */
export async function resolveInputs(declarations: readonly InputDeclaration[], baseDir: string, parent?: string): Promise<{ declaration: InputDeclaration; path: string; parent?: string }[]> {
  const out: { declaration: InputDeclaration; path: string; parent?: string }[] = [];
  for (const declaration of declarations) {
    const path = resolve(baseDir, declaration.file);
    out.push({ declaration, path, ...(parent !== undefined ? { parent } : {}) });
    if (declaration.format === "json" && declaration.follow && (await exists(path)) && !(await isDirectory(path))) {
      let json: unknown;
      try {
        if ((await stat(path)).size > MAX_DOCUMENT_BYTES) continue; // named when the file itself is opened
        json = JSON.parse(await readFile(path, "utf8"));
      } catch {
        continue; // named when the file itself is opened
      }
      out.push(...(await resolveInputs(declaration.follow(json), dirname(path), path)));
    }
  }
  return out;
}

export async function openInputs(declarations: readonly InputDeclaration[], specDir: string, log: (line: string) => void): Promise<OpenedInput[]> {
  const opened: OpenedInput[] = [];
  for (const { declaration, path, parent } of await resolveInputs(declarations, specDir)) {
    // Artefacts name a file as the spec does (relative to its folder), so a run from any working directory writes the same bytes.
    const file = relative(specDir, path) || basename(path);
    const base = { role: declaration.role, name: declaration.name, file, ...(parent !== undefined ? { parent: relative(specDir, parent) || basename(parent) } : {}) };
    if (await isDirectory(path)) stopRun(issue("input_is_directory", messages.inputIsDirectory(declaration.name), { file, path: [] }));
    if (declaration.format === "json" && declaration.required === false && !(await exists(path))) {
      opened.push({ ...base, format: "json", content: null });
      continue;
    }
    if (declaration.format === "json") {
      const content = await readJson(path, declaration.name);
      // An assumption, contract or portfolio file gives the report labels and names files: no CPR number in it (a settlement file holds hashes and amounts).
      const cprAt = declaration.role === "settlements" ? null : findCprInJson(content);
      if (cprAt) stopRun(issue("cpr_refused", messages.cprInJson(), { file: shown(path), path: cprAt }));
      // The file's own hash: `effekt portfolio` knows a contract reached from two runs by its name and this hash.
      opened.push({ ...base, format: "json", content, sha256: createHash("sha256").update(await readFile(path)).digest("hex") });
      continue;
    }
    if (!(await exists(path))) {
      if (declaration.required) {
        const message = declaration.format === "rows" ? messages.extractMissing(declaration.name) : messages.inputMissing(declaration.name);
        stopRun(issue("input_missing", message, { file, path: [] }));
      }
      opened.push({ ...base, format: declaration.format, content: null });
      continue;
    }
    if (declaration.format === "text") {
      opened.push({ ...base, format: "text", content: await readDocument(path, file) });
      continue;
    }
    const extract = declaration.extract;
    const reading = extract
      ? { dialect: declaration.dialect, kind: extract.kind, columns: extract.columns, dateFormat: extract.dateFormat, monthFormat: extract.monthFormat, ...(extract.sheet !== undefined ? { sheet: extract.sheet } : {}) }
      : { dialect: declaration.dialect };
    const extractFile = await openExtract(path, file, reading);
    log(`${declaration.name} ← ${shown(path)} [${describeDialect(extractFile)}]`);
    const content = { dialect: extractFile.dialect, rows: extractFile.rows, ...(extractFile.dateFormat !== undefined ? { dateFormat: extractFile.dateFormat } : {}), ...(extractFile.bytes ? { bytes: extractFile.bytes } : {}), ...(extractFile.bytesPath ? { bytesPath: extractFile.bytesPath, bytesSize: extractFile.bytesSize } : {}) };
    opened.push({ ...base, format: "rows", content });
  }
  return opened;
}
