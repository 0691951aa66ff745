import { describe, expect, it } from "vitest";
import type { ProjectionArtefact } from "../../src/project/schema.ts";
import { projectionFigure, resolveProjectionFigures } from "../../src/repay/projectionFigures.ts";
import { ContractDataError } from "../../src/repay/ruleAmounts.ts";
import type { AmountOrProjection, Contract } from "../../src/repay/schema.ts";

// Only what projectionFigure reads of projection.json: case names, notProjected, scenarios and their totals.
const projection = {
  artefact: "projection",
  schema_version: 1,
  evaluation: "e",
  cases: [
    { name: "families", notProjected: null, scenarios: [{ scenario: "base", totals: { kommune: 1_250_000, region: 10, stat: 20, society: 2_000_000 } }, { scenario: "low", totals: { kommune: 600_000, region: 0, stat: 0, society: 0 } }] },
    { name: "later", notProjected: "the effect is not estimable yet", scenarios: [] },
  ],
} as unknown as ProjectionArtefact;
const figure = (name: string, scenario = "base"): AmountOrProjection => ({ projection: { case: name, scenario, sector: "kommune" }, source: "contract §6", illustrative: true });

describe("projectionFigure(figure, projection, what)", () => {
  it("projectionFigure reads the case's saving for the sector in the scenario, and says where it came from", () => {
    expect(projectionFigure(figure("families"), projection, "cap")).toEqual({ value: 1_250_000, source: "projection.json: case families, scenario base, kommune saving over the horizon (contract §6)", illustrative: true });
    expect(projectionFigure(figure("families", "low"), projection, "cap").value).toBe(600_000);
  });

  it("projectionFigure passes a typed-in amount through unchanged, with or without a projection", () => {
    const typed = { value: 5, source: "s", illustrative: false };
    expect(projectionFigure(typed, null, "cap")).toBe(typed);
  });

  it("projectionFigure stops with a ContractDataError when there is no projection, no such case, no projection of it, or no such scenario", () => {
    expect(() => projectionFigure(figure("families"), null, "cap")).toThrow(ContractDataError);
    expect(() => projectionFigure(figure("other"), projection, "cap")).toThrow(/'other'.*families, later/);
    expect(() => projectionFigure(figure("later"), projection, "cap")).toThrow(/the effect is not estimable yet/);
    expect(() => projectionFigure(figure("families", "high"), projection, "cap")).toThrow(/'high'/);
  });
});

describe("resolveProjectionFigures(contract, projection)", () => {
  it("resolveProjectionFigures replaces a capped unit price's cap and the saving limit, leaving other rules as they are", () => {
    const rateCard = { kind: "rate_card", id: "card" };
    const contract = {
      name: "c",
      rules: [{ kind: "capped_unit_price", id: "families", cap: figure("families") }, rateCard],
      savingLimit: figure("families", "low"),
    } as unknown as Contract;
    const resolved = resolveProjectionFigures(contract, projection);
    expect(resolved.rules[0]).toMatchObject({ cap: { value: 1_250_000 } });
    expect(resolved.rules[1]).toBe(rateCard);
    expect(resolved.savingLimit).toMatchObject({ value: 600_000 });
    const { savingLimit: _none, ...withoutLimit } = contract;
    expect("savingLimit" in resolveProjectionFigures(withoutLimit as Contract, projection)).toBe(false);
  });
});
