import type { Seeds } from "../stage.ts";
import type { EvaluationSpec } from "./schema.ts";

/** Every seed a run draws with, each from the spec, in the order the manifest records them. */
export function seedsOf(spec: EvaluationSpec): Seeds {
  const design = spec.assignment;
  return {
    estimation: spec.estimation.seed,
    repaymentRisk: spec.repayment.riskSeed,
    ...(design?.mode === "randomise" ? { assignment: design.seed } : {}),
    ...(design?.mode === "matched" ? { matching: design.seed } : {}),
  };
}
