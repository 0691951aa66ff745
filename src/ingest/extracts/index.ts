/**
 * Every extract kind's behaviour, one file each (its fields are in ../extractKinds.ts). Adding a
 * kind is one file and one line here: the `satisfies` clause names the kind the record lacks.
 */
import { actionPlanAssessments } from "./action_plan_assessments.ts";
import { allocation } from "./allocation.ts";
import { benefitPaymentsMonthly } from "./benefit_payments_monthly.ts";
import { benefitWeeksLong } from "./benefit_weeks_long.ts";
import { benefitWeeksWide } from "./benefit_weeks_wide.ts";
import { checklistItems } from "./checklist_items.ts";
import { convictions } from "./convictions.ts";
import { educationSpells } from "./education_spells.ts";
import { jobcentreContacts } from "./jobcentre_contacts.ts";
import { paidHoursMonthly } from "./paid_hours_monthly.ts";
import { population } from "./population.ts";
import { prisonReleases } from "./prison_releases.ts";
import { programmeActivities } from "./programme_activities.ts";
import { programmeParticipation } from "./programme_participation.ts";
import { psychiatricContacts } from "./psychiatric_contacts.ts";
import { schoolExams } from "./school_exams.ts";
import { shelterStays } from "./shelter_stays.ts";
import { socialServicesMonthly } from "./social_services_monthly.ts";
import type { ExtractDefinitions } from "./types.ts";

export const EXTRACT_DEFINITIONS = {
  population,
  benefit_weeks_long: benefitWeeksLong,
  benefit_weeks_wide: benefitWeeksWide,
  education_spells: educationSpells,
  paid_hours_monthly: paidHoursMonthly,
  psychiatric_contacts: psychiatricContacts,
  social_services_monthly: socialServicesMonthly,
  convictions,
  prison_releases: prisonReleases,
  programme_participation: programmeParticipation,
  jobcentre_contacts: jobcentreContacts,
  checklist_items: checklistItems,
  benefit_payments_monthly: benefitPaymentsMonthly,
  shelter_stays: shelterStays,
  action_plan_assessments: actionPlanAssessments,
  programme_activities: programmeActivities,
  school_exams: schoolExams,
  allocation,
} satisfies ExtractDefinitions;
