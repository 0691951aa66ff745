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
import { messages } from "../messages.ts";
import { defineStage } from "../stage.ts";


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


/** Stage 4 as the runner sees it: the spec's assumption files (and effects.json) → projection.json. */
export const stage = defineStage({
  name: "project",
  folder: "src/project/",
  does: "turns effects into savings by sector and year: decay, cohorts, cost, break-even, ROI, NPV, scenarios, sensitivity",
  reads: [],
  readsOptional: ["effects"],
  inputs: (spec) => [spec.assumptions ?? []].flat().map((file) => ({ role: "assumptions", format: "json" as const, name: "assumption file", file })),
  writes: ["projection"],
  skip: (spec) => ([spec.assumptions ?? []].flat().length === 0 ? { reason: messages.noAssumptions(), path: ["assumptions"] } : null),
  run({ artefacts, files }, context) {
    const artefact = run({ evaluation: context.spec.name, cases: files.map((f) => ({ file: f.file, json: f.content })), effects: artefacts.effects });
    return { outputs: { projection: artefact }, issues: [], warnings: [], summary: [...projectionSummary(artefact), `project: ${artefact.cases.length} case(s) → ${context.shownPath("projection")}`] };
  },
});

/** A line per case for the person: its society total and how many published figures it reproduces. */
export function projectionSummary(artefact: ProjectionArtefact): string[] {
  return artefact.cases.map((c) => {
    if (c.notProjected !== null) return `project: ${c.name}: not projected: ${c.notProjected}`;
    const reproduced = c.published.filter((p) => p.verdict === "reproduced").length;
    const figures = c.published.length > 0 ? `; published figures: ${reproduced} of ${c.published.length} reproduced` : "";
    return `project: ${c.name}: society ${Math.round(c.scenarios[0]!.totals.society).toLocaleString("en")} kr over the horizon${figures}`;
  });
}
