/** Exams, with their day and result. */
import { event, onDay } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const schoolExams: ExtractDefinition = {
  ...event,
  ...onDay("date"),
  family: "school_exams",
  records: "schoolExams",
};
