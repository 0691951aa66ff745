/** Contacts with the job centre, each on its day. */
import { event, onDay } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const jobcentreContacts: ExtractDefinition = {
  ...event,
  ...onDay("date"),
  family: "jobcentre_contacts",
  records: "jobcentreContacts",
};
