/**
 * A declared input that is read whole (a JSON file, an outcome table): its size is checked first, so a file of
 * gigabytes stops the run naming it and the limit (src/shared/limits.ts), instead of filling memory or failing
 * inside V8's string limit as an internal error.
 */
import { readFile, stat } from "node:fs/promises";
import { messages } from "../../src/messages.ts";
import { issue, stopRun } from "../../src/shared/issues.ts";
import { MAX_DOCUMENT_BYTES } from "../../src/shared/limits.ts";

export async function readDocument(path: string, file: string, limit = MAX_DOCUMENT_BYTES): Promise<string> {
  const { size } = await stat(path);
  if (size > limit) stopRun(issue("file_too_large", messages.documentTooLarge(size, limit), { file, path: [] }));
  return readFile(path, "utf8");
}
