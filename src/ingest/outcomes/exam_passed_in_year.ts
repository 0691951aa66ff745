/** Lær for Livet's passed 9th-grade exam (FSA): 1 in the year of a passed exam (of the listed exam codes, or any). */
import type { TriggerDefinition } from "./triggerTypes.ts";
import { yearEventTrigger } from "./yearTrigger.ts";

export const examPassedInYear: TriggerDefinition<"exam_passed_in_year"> = {
  extractKinds: ["school_exams"],
  attribution: "year",
  type: "binary",
  describe: (t) => `passed ${t.exams.length > 0 ? t.exams.join("/") : "an exam"} in the year`,
  derive: (trigger, context) => {
    const exams = context.records.schoolExams;
    if (!exams) return null;
    return yearEventTrigger("school_exams", context, (person, part) =>
      (exams.get(person.personId) ?? []).some((e) => e.result === "passed" && (trigger.exams.length === 0 || (e.exam !== null && trigger.exams.includes(e.exam))) && e.date >= part.from && e.date < part.to),
    );
  },
};
