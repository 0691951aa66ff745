/**
 * Problems in a person's data are data: collected as issues, written beside the run
 * and shown to the person. A problem that makes the result unusable stops the run
 * through `StopRun`, which the CLI prints without a stack trace.
 */

export interface Issue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

export class StopRun extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(issues.map((issue) => issue.message).join("\n"));
    this.name = "StopRun";
    this.issues = issues;
  }
}

export function stopRun(code: string, path: string, message: string): never {
  throw new StopRun([{ code, path, message }]);
}
