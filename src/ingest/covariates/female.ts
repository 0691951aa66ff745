/** 1 for a woman, 0 for a man (the population's sex). */
import type { CovariateDefinition } from "./types.ts";

export const female: CovariateDefinition<"female"> = {
  type: "binary",
  extractKinds: ["population"],
  lookBack: null,
  derive: () => (person) => Number(person.sex === "female"),
};
