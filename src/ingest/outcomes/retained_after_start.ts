/** Retention: among those with a job or education start in the window, 1 when still in work or education `afterMonths` after the first start. */
import { addMonths } from "../../shared/dates.ts";
import { dataStatus } from "./evidence.ts";
import type { OutcomeDefinition } from "./types.ts";
import { censored, completeWindow, firstStart, inWorkOrEducation, lastFollowedDay, monthRead, notApplicable, observed } from "./windows.ts";

export const retainedAfterStart: OutcomeDefinition<"retained_after_start"> = {
  extractKinds: ["paid_hours_monthly", "education_spells"],
  type: () => "binary",
  describeWindow: (o) => `months ${o.fromMonth}–${o.windowMonths} from start`,
  derive: (outcome, { records, asOf, evidence }) => {
    if (!records.paidHours || !records.educationSpells) return null;
    return (person) => {
      const window = completeWindow(person, outcome.windowMonths, asOf, outcome.fromMonth);
      if (!window) return censored(person, asOf);
      const inWindow = dataStatus(evidence, person.personId, [
        { family: "paid_hours_monthly", from: window.start, to: window.end },
        { family: "education_spells", from: window.start, to: window.end },
      ]);
      if (inWindow) return inWindow;
      const start = firstStart(records, person.personId, window.start, window.end);
      if (start === null) return notApplicable;
      const date = addMonths(start, outcome.afterMonths);
      if (date > lastFollowedDay(person, asOf)) return censored(person, asOf);
      const later = dataStatus(evidence, person.personId, [
        { family: "paid_hours_monthly", ...monthRead(date) },
        { family: "education_spells", from: date, to: date + 1 },
      ]);
      return later ?? observed(Number(inWorkOrEducation(records, person.personId, date)));
    };
  },
};
