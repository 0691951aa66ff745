/** The population's target group, as a category (null when not given). */
import type { CovariateDefinition } from "./types.ts";

export const targetGroup: CovariateDefinition<"target_group"> = {
  type: "categorical",
  extractKinds: ["population"],
  lookBack: null,
  derive: () => (person) => person.targetGroup,
};
