/** An output folder never holds an input: a run clears what it wrote there, and an input must never be in its reach. */
import { realpath } from "node:fs/promises";
import { basename, dirname, join, relative, isAbsolute } from "node:path";
import { messages } from "../../src/messages.ts";
import { issue, stopRun } from "../../src/shared/issues.ts";
import { shown } from "./paths.ts";

/** Stops (exit 1) when `outDir` is, or holds, one of `inputs` (absolute paths; symbolic links followed). */
export async function refuseOutHoldingInputs(outDir: string, inputs: readonly string[]): Promise<void> {
  const out = await realPath(outDir);
  for (const input of inputs) {
    const rel = relative(out, await realPath(input));
    if (rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))) stopRun(issue("out_holds_input", messages.outHoldsInput(shown(input)), { file: shown(outDir), path: [] }));
  }
}

/** The path with every symbolic link resolved, as far as it exists. */
async function realPath(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(await realPath(parent), basename(path));
  }
}
