/**
 * Baseline covariates per person, measured before or at each person's start date,
 * for the balance checks and adjusted estimates of later stages. What each kind reads
 * and how is its own file in ./covariates/.
 */
import type { CovariateSpec } from "../spec/schema.ts";
import { covariateDefinitionOf } from "./covariates/index.ts";
import type { CovariateType, CovariateValue } from "./covariates/types.ts";
import type { PersonRecords } from "./personRecords.ts";

export type { CovariateType };

export interface CovariateColumn {
  readonly id: string;
  readonly kind: CovariateSpec["kind"];
  readonly type: CovariateType;
  /** One per person; null when unknown (a target group not given). */
  readonly values: readonly CovariateValue[];
}

/** Derives one covariate for every person. Returns null when a needed extract is absent. */
export function deriveCovariate(covariate: CovariateSpec, records: PersonRecords): CovariateColumn | null {
  const definition = covariateDefinitionOf(covariate);
  const valueOf = definition.derive(covariate, records);
  return valueOf && { id: covariate.id, kind: covariate.kind, type: definition.type, values: records.persons.map(valueOf) };
}

/** The extract kinds a covariate reads (either benefit layout for the benefit weeks). */
export function covariateExtractKinds(covariate: CovariateSpec): string[] {
  return [...covariateDefinitionOf(covariate).extractKinds];
}
