/**
 * Which population an evaluation follows, as a fingerprint that survives a quarterly re-run: the SHA-256 of the
 * population extract's declaration — its name in the spec, its kind and its column mapping (which source column is
 * the person, the dates, the target group …) — as canonical JSON. Left out, as the locked analysis plan leaves them
 * out, is what changes with each new delivery without changing who is followed: the file's path, its dialect and date
 * format, its coverage. The manifest records it (`population`); `--compare` accepts only a run with the same one.
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "./analysisPlan.ts";
import type { EvaluationSpec } from "./schema.ts";

export interface PopulationSource {
  /** The population extract's name in the spec (`extracts.<name>`). */
  readonly extract: string;
  readonly sha256: string;
}

export function populationSourceOf(spec: Pick<EvaluationSpec, "extracts">): PopulationSource {
  const [extract, declaration] = Object.entries(spec.extracts).find(([, e]) => e.kind === "population")!;
  const source = { extract, kind: declaration.kind, columns: declaration.columns };
  return { extract, sha256: createHash("sha256").update(canonicalJson(source)).digest("hex") };
}
