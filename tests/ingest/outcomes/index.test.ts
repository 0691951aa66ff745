import { describe, expect, it } from "vitest";
import { daysOnPublicSupport } from "../../../src/ingest/outcomes/days_on_public_support.ts";
import { definitionOf, OUTCOME_DEFINITIONS } from "../../../src/ingest/outcomes/index.ts";
import { psychiatric } from "../../../src/ingest/outcomes/psychiatric.ts";
import { Outcome } from "../../../src/spec/schema.ts";

/** The kinds the spec schema accepts, read from its discriminated union (a refined member wraps its object). */
const specKinds = Outcome.options.map((option) => {
  const shape = "shape" in option ? option.shape : (option as unknown as { def: { in: { shape: { kind: { value: string } } } } }).def.in.shape;
  return (shape.kind as { value: string }).value;
});

describe("OUTCOME_DEFINITIONS", () => {
  it("OUTCOME_DEFINITIONS has one definition for every outcome kind of the spec schema, and no other", () => {
    expect(Object.keys(OUTCOME_DEFINITIONS).sort()).toEqual([...specKinds].sort());
  });

  it("definitionOf(outcome) is the definition of the outcome's kind", () => {
    expect(definitionOf(Outcome.parse({ id: "d", kind: "days_on_public_support", windowMonths: 12 }))).toBe(daysOnPublicSupport);
    expect(definitionOf(Outcome.parse({ id: "p", kind: "psychiatric", contactType: "admission", measure: "any", windowMonths: 12 }))).toBe(psychiatric);
  });
});
