/** In activity at month k: the benefit week's group is one of `groups`, an education spell runs, or the month has paid hours. */
import { dataStatus, type Read } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, groupAtMonth, inWorkOrEducation, monthRead, observed } from "./windows.ts";

export const inActivityAtMonth: OutcomeDefinition<"in_activity_at_month"> = {
  extractKinds: ["benefit_weeks_long", "benefit_weeks_wide"],
  type: () => "binary",
  describeWindow: (o) => `at month ${o.atMonth} after start`,
  derive: (outcome, { records, asOf, evidence }) => {
    const groups = records.benefitGroups;
    if (!groups) return null;
    return (person) => {
      const at = groupAtMonth(groups, records.absentGroup, person, outcome.atMonth, asOf);
      if (at === null) return censored(person, asOf);
      const reads: Read[] = [{ family: "benefit_weeks", from: at.monday, to: at.monday + 1 }];
      if (records.paidHours) reads.push({ family: "paid_hours_monthly", ...monthRead(at.date) });
      if (records.educationSpells) reads.push({ family: "education_spells", from: at.date, to: at.date + 1 });
      const status = dataStatus(evidence, person.personId, reads);
      return status ?? observed(Number(outcome.groups.includes(at.group) || inWorkOrEducation(records, person.personId, at.date)));
    };
  },
};
