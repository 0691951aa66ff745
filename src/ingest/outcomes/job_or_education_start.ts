/** Job or education start: 1 when the window has a month with paid hours or an education spell that starts in it. */
import { dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, completeWindow, firstStart, observed } from "./windows.ts";

export const jobOrEducationStart: OutcomeDefinition<"job_or_education_start"> = {
  extractKinds: ["paid_hours_monthly", "education_spells"],
  type: () => "binary",
  describeWindow: (o) => `months ${o.fromMonth}–${o.windowMonths} from start`,
  derive: (outcome, { records, asOf, evidence }) => {
    if (!records.paidHours || !records.educationSpells) return null;
    return (person) => {
      const window = completeWindow(person, outcome.windowMonths, asOf, outcome.fromMonth);
      if (!window) return censored(person, asOf);
      const status = dataStatus(evidence, person.personId, [
        { family: "paid_hours_monthly", from: window.start, to: window.end },
        { family: "education_spells", from: window.start, to: window.end },
      ]);
      return status ?? observed(Number(firstStart(records, person.personId, window.start, window.end) !== null));
    };
  },
};
