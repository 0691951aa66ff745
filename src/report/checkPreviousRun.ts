/**
 * Is the run given with --compare the previous quarter of this one? The same evaluation (the spec's `name`), the same
 * population (src/spec/populationSource.ts) and an earlier as-of date — judged from its manifest.json alone, so that a
 * spec edited since that run (its asOf, new extract files) does not change the answer. Pure: the runner reads the
 * manifest (pipeline/previousRun.ts).
 */
import { messages } from "../messages.ts";
import { issue, type Issue } from "../shared/issues.ts";
import type { PopulationSource } from "../spec/populationSource.ts";

export interface ThisRun {
  readonly evaluation: string;
  readonly population: PopulationSource;
  /** yyyy-mm-dd */
  readonly asOf: string;
}

/** What the previous run's manifest.json says of it (pipeline/seal/manifest.ts); an older manifest records no population. */
export interface RecordedRun {
  readonly evaluation: string;
  readonly asOf: string;
  readonly population?: PopulationSource | undefined;
}

/** The first reason the previous run is not this run's previous quarter, as an issue on its manifest; null when it is. */
export function checkPreviousRun(current: ThisRun, previous: RecordedRun, folder: string, manifestFile: string): Issue | null {
  const at = (code: string, message: string, path: string[]) => issue(code, message, { file: manifestFile, path });
  if (previous.evaluation !== current.evaluation) return at("compare_other_evaluation", messages.compareOtherEvaluation(folder, previous.evaluation, current.evaluation), ["evaluation"]);
  if (previous.population === undefined) return at("compare_no_population", messages.compareNoPopulation(folder), ["population"]);
  if (previous.population.sha256 !== current.population.sha256) return at("compare_other_population", messages.compareOtherPopulation(folder, previous.population.extract, current.population.extract), ["population"]);
  // ISO dates order as text.
  if (!(previous.asOf < current.asOf)) return at("compare_not_earlier", messages.compareNotEarlier(folder, previous.asOf, current.asOf), ["asOf"]);
  return null;
}
