/**
 * Parses a spec object with zod and turns every failure into an issue naming its
 * JSON path ($.extracts.population.columns.foo), all of them at once.
 */
import type { z } from "zod";
import type { Issue } from "../shared/issues.ts";
import { EvaluationSpec } from "./schema.ts";

export function parseSpec(json: unknown): { spec: EvaluationSpec } | { issues: Issue[] } {
  const parsed = EvaluationSpec.safeParse(json);
  if (parsed.success) return { spec: parsed.data };
  return { issues: parsed.error.issues.map(toIssue) };
}

function toIssue(issue: z.core.$ZodIssue): Issue {
  const path = jsonPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    return { code: issue.code, path, message: `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}` };
  }
  return { code: issue.code, path, message: issue.message };
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return (
    "$" +
    path
      .map((key) => (typeof key === "number" ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`))
      .join("")
  );
}
