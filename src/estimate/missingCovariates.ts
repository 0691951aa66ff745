/**
 * What to do with persons who lack a covariate value, chosen by the researcher and never
 * silent (`effekt estimate --table --missing-covariates`):
 * - `stop` (default): an issue naming how many persons and their first five lines;
 * - `indicator`: each covariate with a missing value is mean-imputed (the mean over the
 *   persons who have it) and gets a 0/1 column `<covariate>_missing`, as in Lin's practice
 *   (Lin, Green & Coppock 2016, "Standard operating procedures"), so no one is left out; a
 *   categorical covariate (missing in all its indicators at once) gets one `<column>_missing`;
 * - `drop`: those persons are left out of the adjusted estimators, which say how many.
 */
import { messages } from "../messages.ts";
import { issue, type Issue } from "../shared/issues.ts";
import type { AnalysisTable } from "./analysisTable.ts";

export type MissingCovariates = "stop" | "indicator" | "drop";

export function handleMissingCovariates(
  table: AnalysisTable,
  covariates: readonly string[],
  lines: readonly number[],
  mode: MissingCovariates,
  file: string,
  categorical: readonly { readonly column: string; readonly indicators: readonly string[] }[] = [],
): { table: AnalysisTable; covariates: string[]; issues: Issue[]; imputed: string[] } {
  const columnsOf = covariates.map((c) => table.columns.get(c)!);
  const lacking = table.arm.flatMap((_, i) => (columnsOf.some((column) => Number.isNaN(column[i]!)) ? [i] : []));
  if (lacking.length === 0 || mode === "drop") return { table, covariates: [...covariates], issues: [], imputed: [] };
  if (mode === "stop") {
    return { table, covariates: [...covariates], imputed: [], issues: [issue("covariate_missing", messages.covariatesMissing(lacking.length, lacking.map((i) => lines[i]!)), { file, path: [] })] };
  }
  const columns = new Map(table.columns);
  const out: string[] = [];
  const imputed: string[] = [];
  // A categorical covariate's indicators are missing together: each is mean-imputed, and one
  // `<column>_missing` follows its last indicator (the same design as a "missing" level).
  const groupOf = new Map(categorical.flatMap((c) => c.indicators.map((name) => [name, c] as const)));
  for (const name of covariates) {
    const values = table.columns.get(name)!;
    out.push(name);
    if (!values.some((v) => Number.isNaN(v))) continue;
    const observed = values.filter((v) => !Number.isNaN(v));
    // Summed in order from 0, as the imputed mean always was.
    const mean = observed.length > 0 ? observed.reduce((a, b) => a + b, 0) / observed.length : 0;
    columns.set(name, values.map((v) => (Number.isNaN(v) ? mean : v)));
    const group = groupOf.get(name);
    if (group && group.indicators.at(-1) !== name) continue;
    const missingName = `${group?.column ?? name}_missing`;
    columns.set(missingName, values.map((v) => (Number.isNaN(v) ? 1 : 0)));
    out.push(missingName);
    imputed.push(group?.column ?? name);
  }
  return { table: { ...table, columns }, covariates: out, issues: [], imputed };
}
