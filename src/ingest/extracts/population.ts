/**
 * The population (enrolment list): one row per person. A person listed twice with other values
 * is excluded; the rows say nothing of any extract's coverage.
 */
import { messages } from "../../messages.ts";
import { isoDate } from "../../shared/dates.ts";
import { unknownSpan, wholeRow } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const population: ExtractDefinition = {
  repeat: "person",
  keyField: "personId",
  signature: wholeRow,
  repeatKey: () => "",
  coverage: () => null,
  flagSpan: unknownSpan,
  checkRow: (row, context) => {
    const start = row.startDate;
    if (typeof start !== "number") return null;
    const { from, to } = context.enrolment;
    if (start < from || start > to) return { field: "startDate", rule: "start_outside_enrolment", message: messages.rule.start_outside_enrolment(isoDate(from), isoDate(to)) };
    if ((row.birthDate as number) > start) return { field: "birthDate", rule: "birth_after_start", message: messages.rule.birth_after_start() };
    const exit = row.exitDate as number | null;
    if (exit !== null && exit < start) return { field: "exitDate", rule: "exit_before_start", message: messages.rule.exit_before_start() };
    if ((exit === null) !== (row.exitReason === null)) return { field: exit === null ? "exitDate" : "exitReason", rule: "missing_value", message: messages.rule.exit_needs_both() };
    return null;
  },
  family: null,
  records: null,
};
