/** Stays at a shelter or crisis centre, from date in to date out. */
import { event, spell } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const shelterStays: ExtractDefinition = {
  ...event,
  ...spell,
  family: "shelter_stays",
  records: "shelterStays",
};
