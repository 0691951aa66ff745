/**
 * Stage 4 — project: effects → savings by sector and year, with decay, cohorts,
 * intervention cost, break-even, ROI, NPV, scenarios and sensitivity; and, for
 * published business cases, the published-vs-reproduced table.
 *
 *   reads:  the spec's assumption files, effects.json (for lines that take their effect from it)
 *   writes: projection.json
 */
import type { EffectsArtefact } from "../estimate/schema.ts";
import { projectCase } from "./projectCase.ts";
import { ProjectionArtefact } from "./schema.ts";

export const reads = ["spec.assumptions", "effects.json"] as const;
export const writes = ["projection.json"] as const;

export interface ProjectInput {
  readonly evaluation: string;
  /** Each assumption file: its name as shown, and its parsed JSON. */
  readonly cases: readonly { readonly file: string; readonly json: unknown }[];
  readonly effects: EffectsArtefact | null;
}

export function run(input: ProjectInput): ProjectionArtefact {
  return ProjectionArtefact.parse({
    artefact: "projection",
    schema_version: 1,
    evaluation: input.evaluation,
    cases: input.cases.map((c) => projectCase(c.json, c.file, input.effects)),
  });
}

