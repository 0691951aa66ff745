/**
 * What every covariate kind declares: its type, the extracts it reads, the look-back window it
 * reads them in (stated once: the derivation counts inside it, covariateEvidence.ts checks it
 * for rejected rows, the benefit panel is sized by it), and its derivation. One file per kind
 * (`./<kind>.ts`), collected in `./index.ts` with `satisfies`.
 */
import type { DayNumber } from "../../shared/dates.ts";
import type { CovariateSpec } from "../../spec/schema.ts";
import type { ExtractKind } from "../extractKinds.ts";
import type { Read } from "../outcomes/evidence.ts";
import type { PersonRecords } from "../personRecords.ts";
import type { Person } from "../schema.ts";

export type CovariateKind = CovariateSpec["kind"];
export type CovariateOf<K extends CovariateKind> = Extract<CovariateSpec, { kind: K }>;
export type CovariateType = "binary" | "continuous" | "categorical";
/** A person's value; null when unknown (a target group not given, a time served without its admission date). */
export type CovariateValue = number | string | null;

export interface CovariateDefinition<K extends CovariateKind> {
  readonly type: CovariateType;
  /** The extract kinds it reads (either one, for the two benefit layouts). */
  readonly extractKinds: readonly ExtractKind[];
  /** The extract family and the days [from, to) it reads for a person who started on `start`; null when it reads only the population's own fields. */
  readonly lookBack: ((covariate: CovariateOf<K>, start: DayNumber) => Read) | null;
  /** The value for one person; null when an extract it needs is absent (the covariate is left out). */
  readonly derive: (covariate: CovariateOf<K>, records: PersonRecords) => ((person: Person) => CovariateValue) | null;
}
