/**
 * Parses a spec object with zod and turns every failure into an issue naming its
 * JSON path ($.extracts.population.columns.foo), all of them at once.
 */
import { issuesFromZod, type Issue } from "../shared/issues.ts";
import { EvaluationSpec } from "./schema.ts";

export function parseSpec(json: unknown, file?: string): { spec: EvaluationSpec } | { issues: Issue[] } {
  const parsed = EvaluationSpec.safeParse(json);
  if (parsed.success) return { spec: parsed.data };
  return { issues: issuesFromZod(parsed.error, file) };
}

export { jsonPath } from "../shared/issues.ts";
