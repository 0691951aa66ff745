/**
 * Every covariate kind, one file each. Adding a kind is one file and one line here: the
 * `satisfies` clause names the kind the record lacks.
 */
import { ageAtStart } from "./age_at_start.ts";
import { convictionsBeforeStart } from "./convictions_before_start.ts";
import { daysServedBeforeStart } from "./days_served_before_start.ts";
import { female } from "./female.ts";
import { psychiatricAdmissionBeforeStart } from "./psychiatric_admission_before_start.ts";
import { publicSupportWeeksBeforeStart } from "./public_support_weeks_before_start.ts";
import { targetGroup } from "./target_group.ts";
import type { DayNumber } from "../../shared/dates.ts";
import type { CovariateSpec } from "../../spec/schema.ts";
import type { Read } from "../outcomes/evidence.ts";
import type { CovariateDefinition, CovariateKind, CovariateOf } from "./types.ts";

export const COVARIATE_DEFINITIONS = {
  age_at_start: ageAtStart,
  female,
  target_group: targetGroup,
  public_support_weeks_before_start: publicSupportWeeksBeforeStart,
  psychiatric_admission_before_start: psychiatricAdmissionBeforeStart,
  convictions_before_start: convictionsBeforeStart,
  days_served_before_start: daysServedBeforeStart,
} satisfies { [K in CovariateKind]: CovariateDefinition<K> };

/** The definition of a covariate's kind, typed for that covariate. */
export function covariateDefinitionOf<K extends CovariateKind>(covariate: CovariateOf<K>): CovariateDefinition<K> {
  return COVARIATE_DEFINITIONS[covariate.kind] as unknown as CovariateDefinition<K>;
}

/** The extract family and days a covariate reads for a person who started on `start`; null when it reads only the population's fields. */
export function lookBackOf(covariate: CovariateSpec, start: DayNumber): Read | null {
  const { lookBack } = covariateDefinitionOf(covariate);
  return lookBack === null ? null : lookBack(covariate, start);
}
