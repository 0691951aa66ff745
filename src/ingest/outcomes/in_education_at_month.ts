/** In education at month k: 1 when an education spell covers the date k months after start (an open spell runs on). */
import { addMonths } from "../../shared/dates.ts";
import { dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, lastFollowedDay, observed } from "./windows.ts";

export const inEducationAtMonth: OutcomeDefinition<"in_education_at_month"> = {
  extractKinds: ["education_spells"],
  type: () => "binary",
  describeWindow: (o) => `at month ${o.atMonth} after start`,
  derive: (outcome, { records, asOf, evidence }) => {
    const spells = records.educationSpells;
    if (!spells) return null;
    return (person) => {
      const date = addMonths(person.startDate, outcome.atMonth);
      if (date > lastFollowedDay(person, asOf)) return censored(person, asOf);
      const status = dataStatus(evidence, person.personId, [{ family: "education_spells", from: date, to: date + 1 }]);
      if (status) return status;
      const enrolled = (spells.get(person.personId) ?? []).some((s) => s.startDate <= date && (s.endDate === null || s.endDate >= date));
      return observed(Number(enrolled));
    };
  },
};
