/** Psychiatric admissions, emergency visits and outpatient contacts (LPR), from start to end. */
import { event, spell } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const psychiatricContacts: ExtractDefinition = {
  ...event,
  ...spell,
  family: "psychiatric_contacts",
  records: "psychiatricContacts",
};
