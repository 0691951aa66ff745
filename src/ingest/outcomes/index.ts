/**
 * Every outcome kind, one file each. Adding a kind is one file and one line here: the
 * `satisfies` clause names the kind the record lacks.
 */
import { checklistDone } from "./checklist_done.ts";
import { convictionsPerPersonYear } from "./convictions_per_person_year.ts";
import { daysOnPublicSupport } from "./days_on_public_support.ts";
import { daysToFirstContact } from "./days_to_first_contact.ts";
import { flexJob } from "./flex_job.ts";
import { inActivityAtMonth } from "./in_activity_at_month.ts";
import { inContactAtMonth } from "./in_contact_at_month.ts";
import { inEducationAtMonth } from "./in_education_at_month.ts";
import { jobOrEducationStart } from "./job_or_education_start.ts";
import { monthsWithoutBenefit } from "./months_without_benefit.ts";
import { paidHours } from "./paid_hours.ts";
import { psychiatric } from "./psychiatric.ts";
import { reconvictionAfterRelease } from "./reconviction_after_release.ts";
import { retainedAfterStart } from "./retained_after_start.ts";
import { selfSupportingAtMonth } from "./self_supporting_at_month.ts";
import { socialServicesKr } from "./social_services_kr.ts";
import { benefitPaymentsKr } from "./benefit_payments_kr.ts";
import { timeToEvent } from "./time_to_event.ts";
import type { OutcomeDefinition, OutcomeKind, OutcomeOf } from "./types.ts";

export const OUTCOME_DEFINITIONS = {
  days_on_public_support: daysOnPublicSupport,
  self_supporting_at_month: selfSupportingAtMonth,
  flex_job: flexJob,
  in_education_at_month: inEducationAtMonth,
  paid_hours: paidHours,
  psychiatric,
  social_services_kr: socialServicesKr,
  benefit_payments_kr: benefitPaymentsKr,
  convictions_per_person_year: convictionsPerPersonYear,
  days_to_first_contact: daysToFirstContact,
  months_without_benefit: monthsWithoutBenefit,
  in_activity_at_month: inActivityAtMonth,
  job_or_education_start: jobOrEducationStart,
  retained_after_start: retainedAfterStart,
  checklist_done: checklistDone,
  reconviction_after_release: reconvictionAfterRelease,
  time_to_event: timeToEvent,
  in_contact_at_month: inContactAtMonth,
} satisfies { [K in OutcomeKind]: OutcomeDefinition<K> };

/** The definition of an outcome's kind, typed for that outcome. */
export function definitionOf<K extends OutcomeKind>(outcome: OutcomeOf<K>): OutcomeDefinition<K> {
  return OUTCOME_DEFINITIONS[outcome.kind] as unknown as OutcomeDefinition<K>;
}
