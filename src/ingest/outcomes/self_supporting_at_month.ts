/** Self-supporting at month k: 1 when the benefit week holding the date k months after start is in one of `groups`. */
import { dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, groupAtMonth, observed } from "./windows.ts";

export const selfSupportingAtMonth: OutcomeDefinition<"self_supporting_at_month"> = {
  extractKinds: ["benefit_weeks_long", "benefit_weeks_wide"],
  type: () => "binary",
  describeWindow: (o) => `at month ${o.atMonth} after start`,
  derive: (outcome, { records, asOf, evidence }) => {
    const groups = records.benefitGroups;
    if (!groups) return null;
    return (person) => {
      const at = groupAtMonth(groups, records.absentGroup, person, outcome.atMonth, asOf);
      if (at === null) return censored(person, asOf);
      const status = dataStatus(evidence, person.personId, [{ family: "benefit_weeks", from: at.monday, to: at.monday + 1 }]);
      return status ?? observed(Number(outcome.groups.includes(at.group)));
    };
  },
};
