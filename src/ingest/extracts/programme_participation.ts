/** Who received the programme, from the day they started (read as a set of persons, for cross-overs and CONSORT). */
import { event, spell } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const programmeParticipation: ExtractDefinition = {
  ...event,
  ...spell,
  family: null,
  records: null,
};
