/**
 * Baseline covariates read the same extracts as outcomes, before each start date. A look-back
 * that holds a rejected or conflicting row cannot say its value is complete: the persons are
 * counted (never named) so ingest.json and the report warn, per covariate.
 */
import type { CovariateSpec } from "../spec/schema.ts";
import { lookBackOf } from "./covariates/index.ts";
import { dataStatus, type Evidence } from "./outcomes/evidence.ts";
import type { Person } from "./schema.ts";

/** Persons whose look-back for the covariate holds a flagged row (coverage is not checked before start). */
export function personsWithIncompleteLookBack(covariate: CovariateSpec, persons: readonly Person[], evidence: Evidence): number {
  const flaggedOnly: Evidence = Object.fromEntries(Object.entries(evidence).map(([family, e]) => [family, { ...e, coverage: null }]));
  // The window the covariate's own file states (./covariates/<kind>.ts); none for the population's own fields.
  return persons.filter((p) => {
    const read = lookBackOf(covariate, p.startDate);
    return read !== null && dataStatus(flaggedOnly, p.personId, [read])?.status === "incomplete";
  }).length;
}
