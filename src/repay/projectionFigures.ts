/**
 * Terms computed by stage 4: a capped unit price's cap, or the contract's saving limit,
 * read from projection.json (a case's saving for one sector over its horizon). A figure
 * that is not there stops the run: a missing saving is never taken for 0 or for no cap.
 */
import { messages } from "../messages.ts";
import type { ProjectionArtefact } from "../project/schema.ts";
import { ContractDataError } from "./ruleAmounts.ts";
import type { Amount, AmountOrProjection, Contract } from "./schema.ts";

export function projectionFigure(figure: AmountOrProjection, projection: ProjectionArtefact | null, what: string): Amount {
  if ("value" in figure) return figure;
  const { case: name, scenario, sector } = figure.projection;
  if (!projection) throw new ContractDataError(messages.projectionFigureNoProjection(what, name));
  const found = projection.cases.find((c) => c.name === name);
  if (!found) throw new ContractDataError(messages.projectionFigureNoCase(what, name, projection.cases.map((c) => c.name)));
  if (found.notProjected !== null) throw new ContractDataError(messages.projectionFigureNotProjected(what, name, found.notProjected));
  const result = found.scenarios.find((s) => s.scenario === scenario);
  if (!result) throw new ContractDataError(messages.projectionFigureNoScenario(what, name, scenario));
  return { value: result.totals[sector], source: `projection.json: case ${name}, scenario ${scenario}, ${sector} saving over the horizon (${figure.source})`, illustrative: figure.illustrative };
}

/** The contract with every projection figure replaced by its value. */
export function resolveProjectionFigures(contract: Contract, projection: ProjectionArtefact | null): Contract {
  const rules = contract.rules.map((rule) => (rule.kind === "capped_unit_price" ? { ...rule, cap: projectionFigure(rule.cap, projection, `contract ${contract.name}, rule '${rule.id}', cap`) } : rule));
  const savingLimit = contract.savingLimit ? projectionFigure(contract.savingLimit, projection, `contract ${contract.name}, savingLimit`) : undefined;
  return { ...contract, rules, ...(savingLimit ? { savingLimit } : {}) };
}
