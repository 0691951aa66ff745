/** Convictions, each on the day of the decision. */
import { event, onDay } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const convictions: ExtractDefinition = {
  ...event,
  ...onDay("date"),
  family: "convictions",
  records: "convictions",
};
