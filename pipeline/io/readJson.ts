/** A JSON input file: a syntax error is named by line and column, never by byte position. */
import { messages } from "../../src/messages.ts";
import { issue, stopRun } from "../../src/shared/issues.ts";
import { exists, isDirectory, shown } from "./paths.ts";
import { readDocument } from "./readDocument.ts";

export async function readJson(path: string, what: string): Promise<unknown> {
  const file = shown(path);
  if (await isDirectory(path)) stopRun(issue("input_is_directory", messages.inputIsDirectory(what), { file, path: [] }));
  if (!(await exists(path))) stopRun(issue("input_missing", messages.inputMissing(what), { file, path: [] }));
  const text = await readDocument(path, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    const at = jsonErrorPlace(text, reason);
    const where = at ? { file, path: [], line: at.line } : { file, path: [] };
    stopRun(issue("not_json", messages.notJson(jsonErrorReason(reason), at?.column ?? null), where));
  }
}

/** Line and column (1-based) of a JSON.parse error, from the position it reports. */
export function jsonErrorPlace(text: string, reason: string): { line: number; column: number } | null {
  const position = /position (\d+)/.exec(reason);
  const fromEnd = /Unexpected end of JSON input/.test(reason) ? text.length : null;
  const offset = position ? Number(position[1]) : fromEnd;
  if (offset === null) return null;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * JSON.parse's reason without the file's text: V8 quotes the characters around an unexpected
 * token (`Unexpected token 'r', "root:*:202"... is not valid JSON`), and those are never shown.
 */
export function jsonErrorReason(reason: string): string {
  const words = reason.replace(/ in JSON at position \d+.*$/s, "").replace(/ at position \d+.*$/s, "");
  if (/^Unexpected token/.test(words)) return "unexpected character";
  return words.includes('"') || words.length > 80 ? "not valid JSON syntax" : words;
}
