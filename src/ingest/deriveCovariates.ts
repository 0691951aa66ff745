/**
 * Baseline covariates per person, measured before or at each person's start date,
 * for the balance checks and adjusted estimates of later stages.
 */
import { addMonths, wholeYearsBetween } from "../shared/dates.ts";
import type { CovariateSpec } from "../spec/schema.ts";
import { countWeeksInGroups } from "./deriveOutcomes.ts";
import type { PersonRecords } from "./personRecords.ts";

export type CovariateType = "binary" | "continuous" | "categorical";

export interface CovariateColumn {
  readonly id: string;
  readonly kind: CovariateSpec["kind"];
  readonly type: CovariateType;
  /** One per person; null when unknown (a target group not given). */
  readonly values: readonly (number | string | null)[];
}

/** Derives one covariate for every person. Returns null when a needed extract is absent. */
export function deriveCovariate(covariate: CovariateSpec, records: PersonRecords): CovariateColumn | null {
  const column = (type: CovariateType, values: (number | string | null)[]): CovariateColumn => ({ id: covariate.id, kind: covariate.kind, type, values });
  const { persons } = records;
  switch (covariate.kind) {
    case "age_at_start":
      return column("continuous", persons.map((p) => wholeYearsBetween(p.birthDate, p.startDate)));
    case "female":
      return column("binary", persons.map((p) => Number(p.sex === "female")));
    case "target_group":
      return column("categorical", persons.map((p) => p.targetGroup));
    case "public_support_weeks_before_start": {
      const groups = records.benefitGroups;
      if (!groups) return null;
      return column(
        "continuous",
        persons.map((p) => countWeeksInGroups(groups, p.personId, records.absentGroup, covariate.groups, p.startDate - 7 * covariate.weeks, p.startDate)),
      );
    }
    case "psychiatric_admission_before_start": {
      const contacts = records.psychiatricContacts;
      if (!contacts) return null;
      return column(
        "binary",
        persons.map((p) => {
          const from = addMonths(p.startDate, -covariate.months);
          return Number((contacts.get(p.personId) ?? []).some((c) => c.contactType === "admission" && c.startDate >= from && c.startDate < p.startDate));
        }),
      );
    }
    case "convictions_before_start": {
      const convictions = records.convictions;
      if (!convictions) return null;
      return column(
        "continuous",
        persons.map((p) => {
          const from = addMonths(p.startDate, -covariate.months);
          return (convictions.get(p.personId) ?? []).filter((c) => c.date >= from && c.date < p.startDate).length;
        }),
      );
    }
    case "days_served_before_start": {
      const releases = records.prisonReleases;
      if (!releases) return null;
      return column(
        "continuous",
        persons.map((p) => {
          const last = (releases.get(p.personId) ?? []).filter((r) => r.releaseDate <= p.startDate).sort((a, b) => a.releaseDate - b.releaseDate).at(-1);
          if (!last) return 0;
          // A release without its admission date: the time served is unknown.
          return last.admissionDate === null || last.admissionDate === undefined ? null : last.releaseDate - last.admissionDate;
        }),
      );
    }
  }
}

export function covariateExtractKinds(covariate: CovariateSpec): string[] {
  if (covariate.kind === "public_support_weeks_before_start") return ["benefit_weeks_long", "benefit_weeks_wide"];
  if (covariate.kind === "psychiatric_admission_before_start") return ["psychiatric_contacts"];
  if (covariate.kind === "convictions_before_start") return ["convictions"];
  if (covariate.kind === "days_served_before_start") return ["prison_releases"];
  return ["population"];
}
