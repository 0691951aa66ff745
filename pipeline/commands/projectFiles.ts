/** Reads and projects assumption files on their own (`project --assumptions`, `design --case`). */
import { resolve } from "node:path";
import * as project from "../../src/project/index.ts";
import type { EffectsArtefact } from "../../src/estimate/schema.ts";
import { readJson } from "../io/readJson.ts";
import { shown } from "../io/paths.ts";

export async function projectFiles(evaluation: string, paths: readonly string[], effects: EffectsArtefact | null) {
  const cases = [];
  for (const path of paths) cases.push({ file: shown(resolve(path)), json: await readJson(resolve(path), "assumption file") });
  return project.run({ evaluation, cases, effects });
}
