/** Education enrolment spells. */
import { event, spell } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const educationSpells: ExtractDefinition = {
  ...event,
  ...spell,
  family: "education_spells",
  records: "educationSpells",
};
