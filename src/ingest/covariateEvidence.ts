/**
 * Baseline covariates read the same extracts as outcomes, before each start date. A look-back
 * that holds a rejected or conflicting row cannot say its value is complete: the persons are
 * counted (never named) so ingest.json and the report warn, per covariate.
 */
import { addMonths } from "../shared/dates.ts";
import type { CovariateSpec } from "../spec/schema.ts";
import { dataStatus, type Evidence, type Read } from "./outcomes/evidence.ts";
import type { Person } from "./schema.ts";

/** The extract spans a covariate reads for a person; none for covariates of the population itself. */
function lookBack(covariate: CovariateSpec, person: Person): Read[] {
  const start = person.startDate;
  switch (covariate.kind) {
    case "public_support_weeks_before_start":
      return [{ family: "benefit_weeks", from: start - 7 * covariate.weeks, to: start }];
    case "psychiatric_admission_before_start":
      return [{ family: "psychiatric_contacts", from: addMonths(start, -covariate.months), to: start }];
    case "convictions_before_start":
      return [{ family: "convictions", from: addMonths(start, -covariate.months), to: start }];
    case "days_served_before_start":
      return [{ family: "prison_releases", from: Number.MIN_SAFE_INTEGER, to: start + 1 }];
    default:
      return [];
  }
}

/** Persons whose look-back for the covariate holds a flagged row (coverage is not checked before start). */
export function personsWithIncompleteLookBack(covariate: CovariateSpec, persons: readonly Person[], evidence: Evidence): number {
  const flaggedOnly: Evidence = Object.fromEntries(Object.entries(evidence).map(([family, e]) => [family, { ...e, coverage: null }]));
  return persons.filter((p) => {
    const reads = lookBack(covariate, p);
    return reads.length > 0 && dataStatus(flaggedOnly, p.personId, reads)?.status === "incomplete";
  }).length;
}
