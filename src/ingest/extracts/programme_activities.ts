/** Programme activities a person took part in, each on its day. */
import { event, onDay } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const programmeActivities: ExtractDefinition = {
  ...event,
  ...onDay("date"),
  family: "programme_activities",
  records: "programmeActivities",
};
