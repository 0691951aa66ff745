/** The age in completed years on the start date. */
import { wholeYearsBetween } from "../../shared/dates.ts";
import type { CovariateDefinition } from "./types.ts";

export const ageAtStart: CovariateDefinition<"age_at_start"> = {
  type: "continuous",
  extractKinds: ["population"],
  lookBack: null,
  derive: () => (person) => wholeYearsBetween(person.birthDate, person.startDate),
};
