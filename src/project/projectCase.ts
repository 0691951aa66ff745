/**
 * A whole business case: the base assumptions and every named scenario, one-way
 * sensitivity (each assumption at its low and high value → net, as tornado data), and
 * the published-vs-reproduced table, figure by figure, with the nearest derivation
 * where a figure does not follow from the stated assumptions.
 */
import { labelIn, type Label } from "../shared/label.ts";
import type { EffectsArtefact } from "../estimate/schema.ts";
import { issue, issuesFromZod, StopRun, stopRun } from "../shared/issues.ts";
import { getPath, OverrideError, setPath } from "./applyOverrides.ts";
import { EffectUnavailable, ProjectionError, projectScenario } from "./projectScenario.ts";
import { Assumptions, type CaseProjection, type PublishedComparison, type ScenarioResult } from "./schema.ts";


function parseAssumptions(raw: unknown, file: string, where = ""): Assumptions {
  const parsed = Assumptions.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new StopRun(issuesFromZod(parsed.error, file).map((i) => (where === "" ? i : { ...i, message: `${where.trim()}: ${i.message}` })));
}

export function projectCase(raw: unknown, file: string, effects: EffectsArtefact | null): CaseProjection {
  const base = parseAssumptions(raw, file);
  const withOverrides = (overrides: readonly { path: string; value: unknown }[], where: string) => {
    let adjusted = raw;
    try {
      for (const o of overrides) adjusted = setPath(adjusted, o.path, o.value);
    } catch (error) {
      if (error instanceof OverrideError) stopRun(issue("override", `${where.trim()}: ${error.message}`, { file, path: [] }));
      throw error;
    }
    return parseAssumptions(adjusted, file, where);
  };
  const run = (assumptions: Assumptions, scenario: { id: string; label: Label }) => {
    try {
      return projectScenario(assumptions, scenario, effects);
    } catch (error) {
      if (error instanceof ProjectionError) stopRun(issue("projection", `scenario ${scenario.id}: ${error.message}`, { file, path: [] }));
      throw error;
    }
  };

  const results = new Map<string, ScenarioResult>();
  try {
    results.set("base", projectScenario(base, { id: "base", label: "Base case: the assumptions as stated" }, effects));
  } catch (error) {
    if (error instanceof EffectUnavailable) return { name: base.name, title: base.title, source: base.source, notProjected: error.message, basis: null, scenarios: [], sensitivity: [], published: [] };
    if (error instanceof ProjectionError) stopRun(issue("projection", `base case: ${error.message}`, { file, path: [] }));
    throw error;
  }
  for (const scenario of base.scenarios) results.set(scenario.id, run(withOverrides(scenario.overrides, ` scenario '${scenario.id}'`), scenario));

  const baseResult = results.get("base")!;
  const sensitivity = base.sensitivity.map((item) => {
    const paths = typeof item.path === "string" ? [item.path] : item.path;
    const at = (value: unknown) => run(withOverrides(paths.map((path) => ({ path, value })), ` sensitivity '${labelIn("en", item.label)}'`), { id: "sensitivity", label: item.label });
    const low = at(item.low);
    const high = at(item.high);
    return {
      label: item.label,
      path: item.path,
      source: item.source,
      low: item.low,
      high: item.high,
      societyNet: { low: low.npv.society, base: baseResult.npv.society, high: high.npv.society },
      kommuneNet: { low: low.npv.kommune, base: baseResult.npv.kommune, high: high.npv.kommune },
    };
  });
  const published = base.published.map((figure) => comparePublished(figure, base, results));

  const basis = {
    cohortSize: base.cohort.size.value,
    newCohortEachYear: base.cohort.newCohortEachYear,
    horizonYears: base.horizonYears.value,
    kommuneBudget: base.kommuneBudget?.value ?? null,
    illustrative: base.illustrative !== undefined || base.kommuneBudget?.illustrative === true,
  };
  return { name: base.name, title: base.title, source: base.source, notProjected: null, basis, scenarios: [...results.values()], sensitivity, published };
}

/** A published figure against the value the named scenario reproduces, with the nearest derivations where it differs. */
function comparePublished(figure: Assumptions["published"][number], base: Assumptions, results: ReadonlyMap<string, ScenarioResult>): PublishedComparison {
  const valueAt = (scenario: string, output: string) => {
    const value = getPath(results.get(scenario), output);
    return typeof value === "number" && Number.isFinite(value) ? value : null;
  };
  const reproduced = valueAt(figure.scenario, figure.output);
  const relative = (value: number | null) => (value === null ? null : figure.published === 0 ? value - figure.published : (value - figure.published) / Math.abs(figure.published));
  const relativeDifference = relative(reproduced);
  const zeroOk = figure.published === 0 && reproduced !== null && Math.abs(reproduced) < 0.5;
  const within =
    relativeDifference !== null &&
    (figure.comparison === "at_most"
      ? reproduced! <= figure.published * (1 + figure.tolerance) + 1e-9
      : zeroOk || (figure.published !== 0 && Math.abs(relativeDifference) <= figure.tolerance + 1e-12));
  return {
    id: figure.id,
    label: figure.label,
    printed: figure.printed,
    unit: figure.unit,
    published: figure.published,
    reproduced,
    difference: reproduced === null ? null : reproduced - figure.published,
    relativeDifference,
    verdict: within ? "reproduced" : "differs",
    note: figure.note ?? null,
    nearest: figure.nearest.map((n) => {
      const scenario = base.scenarios.find((s) => s.id === n.scenario);
      const value = valueAt(n.scenario, n.output ?? figure.output);
      return { scenario: n.scenario, label: scenario?.label ?? n.scenario, description: scenario?.description ?? null, value, relativeDifference: relative(value) };
    }),
  };
}
