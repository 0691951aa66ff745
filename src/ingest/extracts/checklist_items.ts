/** Items of a start checklist, each with the day it was done. */
import { event, onDay } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const checklistItems: ExtractDefinition = {
  ...event,
  ...onDay("date"),
  family: "checklist_items",
  records: "checklistItems",
};
