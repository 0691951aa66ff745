/**
 * Problems in a person's data are data: collected as issues, written beside the run
 * and shown to the person. One shape for all of them —
 *
 *   { code, file?, path, line?, column?, value?, message }
 *
 * where `path` is the JSON path inside a JSON file (`["extracts", "population", "file"]`),
 * empty for a CSV cell or a whole file, and `message` says what is wrong without saying
 * where: `formatIssue` puts the place in front, the same way for every issue.
 *
 * Stages return issues; only the runner and the CLI throw `StopRun` or exit.
 */
import type { z } from "zod";

export type IssuePath = readonly (string | number)[];

export interface Issue {
  /** A stable, machine-readable name (`extract_missing`, `invalid_date`, `spec_invalid`). */
  readonly code: string;
  /** The file as shown to the person (relative to the spec's folder or the working directory). */
  readonly file?: string;
  /** JSON path inside `file`; empty when the issue is about a line or the whole file. */
  readonly path: IssuePath;
  /** Physical line in `file`, 1-based. */
  readonly line?: number;
  readonly column?: string;
  /** The offending value, never a CPR-like one (callers check with `containsCpr`). */
  readonly value?: string;
  readonly message: string;
}

/** Builds an issue; `where` names the place. */
export function issue(code: string, message: string, where: Omit<Issue, "code" | "message"> | { readonly path?: IssuePath } = {}): Issue {
  return { code, path: [], ...where, message } as Issue;
}

/** Every zod issue as an effekt issue on `file`, with its JSON path and the unknown keys named. */
export function issuesFromZod(error: z.ZodError, file?: string): Issue[] {
  return error.issues.map((zodIssue) => {
    const path = zodIssue.path.map((key) => (typeof key === "number" ? key : String(key)));
    const message =
      zodIssue.code === "unrecognized_keys"
        ? `unknown key${zodIssue.keys.length > 1 ? "s" : ""} ${zodIssue.keys.map((k) => `'${k}'`).join(", ")}`
        : zodIssue.message;
    return { code: zodIssue.code, ...(file !== undefined ? { file } : {}), path, message };
  });
}

/** `$.extracts.population["my key"][0]`: the JSON path as people read it. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return (
    "$" +
    path
      .map((key) => (typeof key === "number" ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`))
      .join("")
  );
}

/** Where an issue is, as people read it: `data.csv line 4, column 'hours'` or `spec.json $.outcomes[2].kind`. */
export function issueLocation(problem: Issue): string {
  const parts: string[] = [];
  if (problem.file !== undefined) parts.push(problem.file);
  if (problem.line !== undefined) parts.push(`line ${problem.line}`);
  let place = parts.join(" ");
  if (problem.column !== undefined) place += `${place === "" ? "" : ", "}column '${problem.column}'`;
  if (problem.path.length > 0) place += `${place === "" ? "" : " "}${jsonPath(problem.path)}`;
  return place;
}

/** One issue as one line for a person: its place, then what is wrong. */
export function formatIssue(problem: Issue): string {
  const place = issueLocation(problem);
  return place === "" ? problem.message : `${place}: ${problem.message}`;
}

/** Thrown by the runner (never by a stage) when issues make the result unusable; the CLI prints them without a stack trace. */
export class StopRun extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "StopRun";
    this.issues = issues;
  }
}

export function stopRun(problem: Issue): never {
  throw new StopRun([problem]);
}
